"""The configuration keys of issue 13: git, integration-branch, waiver-owners, stamp-margin."""

from __future__ import annotations

from pathlib import Path

import pytest

from lanelint.linter.engine.config import Config, ConfigError, load_file, validate_codes
from lanelint.rules import all_rules


def read(tmp_path: Path, text: str) -> Config:
    path = tmp_path / "lanelint.toml"
    path.write_text(text)
    config = load_file(path)
    assert config is not None
    return config


def test_the_keys_are_read(tmp_path: Path) -> None:
    config = read(
        tmp_path,
        'git = false\nintegration-branch = "trunk"\nstamp-margin = "90m"\n'
        '[waiver-owners]\nPDP9 = "Scrum Master"\nPDP5 = ["TL", "Chief Architect"]\n',
    )
    assert config.git is False
    assert config.integration_branch == "trunk"
    assert config.stamp_margin_minutes == 90
    assert config.waiver_owners == {
        "PDP9": ("Scrum Master",),
        "PDP5": ("TL", "Chief Architect"),
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('git = "no"', "'git' must be true or false"),
        ("integration-branch = 3", "'integration-branch' must be a string"),
        ('stamp-margin = "soon"', "'stamp-margin' must be a duration"),
        ("waiver-owners = 3", "'waiver-owners' must be a table"),
    ],
)
def test_wrong_types_name_the_key(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        read(tmp_path, text)


def test_an_unknown_code_in_waiver_owners_is_an_error(tmp_path: Path) -> None:
    config = read(tmp_path, '[waiver-owners]\nPDP99X = "TL"\n')
    with pytest.raises(ConfigError, match="unknown rule code 'PDP99X' in 'waiver-owners'"):
        validate_codes(config, [r.code for r in all_rules()])
