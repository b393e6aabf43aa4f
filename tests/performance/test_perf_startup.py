"""Startup: ``lanelint check`` imports nothing it does not use."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

PROBE = """
import json, sys
from lanelint.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)))
"""
NEVER_ON_CHECK = ("jinja2", "mdformat", "pygls", "lsprotocol", "concurrent.futures")


def loaded_after(args: list[str], cwd: Path) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def test_check_of_one_file_imports_no_template_formatter_or_server_library(
    tmp_path: Path,
) -> None:
    document = tmp_path / "gate_report_x.md"
    document.write_text("# Gate Report: X\n\n## 1) Role confirmation\n\nTL.\n", "utf-8")
    modules = loaded_after(["check", "--no-cache", "--format", "json", str(document)], tmp_path)
    assert "lanelint.linter.engine.passes" in modules  # the probe really ran a check
    for name in NEVER_ON_CHECK:
        assert not any(m == name or m.startswith(f"{name}.") for m in modules), name


def test_the_probe_would_see_them(tmp_path: Path) -> None:
    modules = loaded_after(["rules"], REPO)
    assert "lanelint.rules" in modules
