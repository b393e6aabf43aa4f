"""Measure lanelint against the floors and its peers, as whole processes, and print a table.

    python benchmarks/run.py --docs 2000 10000

For each folder size it generates the spec folder (``benchmarks/data/docs-N``, deterministic,
reused when present), then runs every measurement ``--repeat`` times and reports the median
wall time, its ratio to the bare markdown-it-py parse of the same files, and the peak resident
memory of the process. markdownlint-cli2 and pymarkdown are measured where they are installed.
A run that exceeds ``--timeout`` is stopped and reported as such.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
PY = sys.executable

READ_HASH = """
import hashlib, os, sys
for folder, dirs, files in os.walk(sys.argv[1]):
    for name in files:
        if name.endswith('.md'):
            with open(os.path.join(folder, name), 'rb') as handle:
                hashlib.blake2b(handle.read(), digest_size=16).hexdigest()
"""
BARE_PARSE = """
import os, sys
from markdown_it import MarkdownIt
md = MarkdownIt('commonmark').enable('table')
paths = sys.argv[1:]
if paths == ['.']:
    paths = [os.path.join(folder, name) for folder, dirs, files in os.walk('.')
             for name in files if name.endswith('.md')]
for path in paths:
    with open(path, encoding='utf-8') as handle:
        md.parse(handle.read())
"""


@dataclass
class Measure:
    label: str
    seconds: list[float] = field(default_factory=list)
    peak_kb: int = 0
    cpu: list[float] = field(default_factory=list)
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.seconds) if self.seconds else float("nan")


def run_once(
    argv: list[str], cwd: Path, stdin: bytes | None, timeout: float
) -> tuple[float, int, int | None, float]:
    """Wall seconds, peak RSS (KB), exit code (``None`` on timeout) and CPU seconds (user +
    system, the child and its workers) of one child process."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as feed:
        if stdin is not None:
            feed.write(stdin)
            feed.seek(0)
        child = subprocess.Popen(
            argv,
            cwd=cwd,
            stdin=feed if stdin is not None else subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - start > timeout:
                os.killpg(child.pid, signal.SIGKILL)
                os.wait4(child.pid, 0)
                return time.perf_counter() - start, 0, None, 0.0
            time.sleep(0.002)
        child.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return time.perf_counter() - start, int(usage.ru_maxrss), child.returncode, cpu


@dataclass
class Job:
    measure: Measure
    argv: list[str]
    cwd: Path
    stdin: bytes | None = None
    ok: tuple[int, ...] = (0, 1)


@dataclass
class Runner:
    """Runs its jobs in rounds (each job once per round), so that a change in the machine's
    load during the benchmark affects every measurement alike."""

    repeat: int
    timeout: float
    jobs: list[Job] = field(default_factory=list)
    too_slow: dict[str, str] = field(default_factory=dict)
    pymarkdown_max_docs: int = 2000

    def add(
        self,
        label: str,
        argv: list[str],
        cwd: Path,
        *,
        stdin: bytes | None = None,
        ok: tuple[int, ...] = (0, 1),
    ) -> Measure:
        measure = Measure(label)
        self.jobs.append(Job(measure, argv, cwd, stdin, ok))
        return measure

    def run(self) -> None:
        for round_ in range(1, self.repeat + 1):
            for job in self.jobs:
                result = job.measure
                if result.note.startswith("stopped"):
                    continue
                seconds, peak, code, cpu = run_once(job.argv, job.cwd, job.stdin, self.timeout)
                if code is None:
                    result.note = f"stopped after {self.timeout:.0f} s"
                    result.seconds = []
                    self.too_slow[result.label] = f"{result.note} on a smaller folder"
                elif code not in job.ok:
                    result.note = f"exit code {code}"
                if code is not None:
                    result.seconds.append(seconds)
                    result.peak_kb = max(result.peak_kb, peak)
                    result.cpu.append(cpu)
                shown = f"{seconds:.3f} s" if code is not None else result.note
                print(f"  [{round_}/{self.repeat}] {result.label}: {shown}", flush=True)
        self.jobs = []


def lanelint(*args: str) -> list[str]:
    return [PY, "-m", "lanelint", *args]


def check_help() -> str:
    done = subprocess.run(lanelint("check", "--help"), capture_output=True, text=True, check=False)
    return done.stdout


def folder_for(docs: int, seed: int) -> Path:
    folder = HERE / "data" / f"docs-{docs}"
    marker = folder / ".generated"
    stamp = f"{docs} {seed} {(HERE / 'generate.py').stat().st_mtime_ns}"
    if not marker.is_file() or marker.read_text("utf-8") != stamp:
        print(f"generating {docs} documents in {folder} ...", flush=True)
        # In a child process: a child's peak RSS counts the parent's at fork time on Linux,
        # so the runner stays small to keep the peaks it reports honest.
        script = HERE / "generate.py"
        command = [PY, str(script), "--docs", str(docs), "--out", str(folder), "--seed", str(seed)]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        marker.write_text(stamp, "utf-8")
    return folder


def one_document(folder: Path, size: int = 8192) -> Path:
    """The document closest to ``size`` bytes (the editor case: one 8 KB document)."""
    files = sorted(folder.rglob("*.md"))
    return min(files, key=lambda p: (abs(p.stat().st_size - size), p.as_posix()))


def lsp_relint(document: Path, folder: Path, repeat: int, label: str) -> Measure:
    """In-process: the language server's re-lint of ``document`` after an edit.

    The project (every document of ``folder``) is loaded first, as the server has it loaded
    before the edit; each edit then re-runs the document's own phase and the cross-document
    phase, as the server does on a change.
    """
    result = Measure(label)
    try:
        from lanelint.linter.engine.config import load_config
        from lanelint.lsp.project import Project
    except ImportError:
        result.note = "lanelint.lsp.project absent: skipped"
        return result
    project = Project(load_config([folder]), folder)
    text = document.read_text("utf-8")
    project.set_buffer(document, text)
    project.relint()
    for index in range(repeat):
        edited = text + f"\nEdited line {index}.\n"
        start = time.perf_counter()
        project.set_buffer(document, edited)
        project.relint()
        result.seconds.append(time.perf_counter() - start)
    print(f"  {label}: {result.median * 1000:.1f} ms", flush=True)
    return result


class LspClient:
    """A minimal client of ``lanelint server`` over stdio (JSON-RPC with Content-Length
    framing), as an editor talks to it: the real server process, not an in-process call."""

    def __init__(self, folder: Path) -> None:
        import queue
        import threading

        self.process = subprocess.Popen(
            lanelint("server"),
            cwd=folder,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.messages: queue.Queue[dict[str, object]] = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = 0
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value.strip())
            self.messages.put(json.loads(stream.read(length)))

    def send(self, message: dict[str, object]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        stream = self.process.stdin
        assert stream is not None
        stream.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        stream.flush()

    def request(self, method: str, params: object) -> object:
        self.next_id += 1
        wanted = self.next_id
        self.send({"id": wanted, "method": method, "params": params})
        while True:
            message = self.next(60)
            if message.get("id") == wanted and "method" not in message:
                return message.get("result")

    def notify(self, method: str, params: object) -> None:
        self.send({"method": method, "params": params})

    def next(self, timeout: float) -> dict[str, object]:
        message = self.messages.get(timeout=timeout)
        if "method" in message and "id" in message:  # a request from the server
            self.send({"id": message["id"], "result": None})
        return message

    def published(self, timeout: float) -> list[dict[str, object]]:
        """publishDiagnostics notifications until ``timeout`` seconds pass without one."""
        import queue

        found = []
        while True:
            try:
                message = self.next(timeout)
            except queue.Empty:
                return found
            if message.get("method") == "textDocument/publishDiagnostics":
                found.append(message)

    def published_burst(self, first: float, quiet: float) -> tuple[int, float]:
        """publishDiagnostics notifications of a burst that starts within ``first`` seconds
        and ends ``quiet`` seconds after its last one: their number, and when the last came
        (``time.perf_counter``)."""
        import queue

        count, last = 0, time.perf_counter()
        timeout = first
        while True:
            try:
                message = self.next(timeout)
            except queue.Empty:
                return count, last
            if message.get("method") == "textDocument/publishDiagnostics":
                count += 1
                last = time.perf_counter()
                timeout = quiet

    def wait_for(self, uri: str, version: int | None, timeout: float = 600) -> int:
        """Wait for diagnostics of ``uri`` (at ``version``); the number of other documents
        published meanwhile."""
        others = 0
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            message = self.next(max(deadline - time.perf_counter(), 0.01))
            if message.get("method") != "textDocument/publishDiagnostics":
                continue
            params = message["params"]
            assert isinstance(params, dict)
            if params.get("uri") == uri and (version is None or params.get("version") == version):
                return others
            others += 1
        raise TimeoutError(uri)

    def close(self) -> None:
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.process.wait(timeout=10)
        except Exception:
            self.process.kill()


def lsp_stdio(folder: Path, document: Path, repeat: int, docs: int) -> list[Measure]:
    """Through the real server over stdio, debounce 0: opening one document (a new session,
    the cache warm), then edit -> diagnostics for that document."""
    opened = Measure(f"language server over stdio: open one document among {docs:,}")
    loaded = Measure(
        f"language server over stdio: open -> project loaded (every document with findings "
        f"published), {docs:,} documents"
    )
    size = f"{document.stat().st_size / 1024:.0f} KB"
    edit = Measure(
        f"language server over stdio: edit -> diagnostics, one more line at each edit of one "
        f"{size} document among {docs:,}"
    )
    typing = Measure(
        f"language server over stdio: edit -> diagnostics, typing within a line of one "
        f"{size} document among {docs:,}"
    )
    try:
        import lanelint.lsp.server  # noqa: F401
    except ImportError:
        opened.note = edit.note = typing.note = loaded.note = "pygls absent: skipped"
        return [opened, loaded, edit, typing]
    text = document.read_text("utf-8")
    uri = document.resolve().as_uri()
    published: list[int] = []
    later: list[int] = []
    for _ in range(repeat):
        client = LspClient(folder)
        try:
            client.request(
                "initialize",
                {
                    "processId": os.getpid(),
                    "rootUri": folder.resolve().as_uri(),
                    "capabilities": {},
                    "initializationOptions": {"debounce": 0},
                },
            )
            client.notify("initialized", {})
            start = time.perf_counter()
            client.notify(
                "textDocument/didOpen",
                {
                    "textDocument": {
                        "uri": uri,
                        "languageId": "markdown",
                        "version": 1,
                        "text": text,
                    }
                },
            )
            # documents published before the opened one keep the user waiting: none should be
            others = client.wait_for(uri, None)
            opened.seconds.append(time.perf_counter() - start)
            published.append(others)
            # the default publish rule ("project") then shows every document with findings,
            # once the project has loaded in the background; edits are timed after that
            count, last = client.published_burst(first=120.0, quiet=2.0)
            later.append(count)
            loaded.seconds.append(last - start)
            lines = text.split("\n")
            prose = next(
                (i for i, line in enumerate(lines) if line[:1].isalpha() and ":" not in line),
                len(lines) - 1,
            )
            # One more line at each edit first (the line count grows), then typing within
            # one line (each typed edit keeps the line count of the one before, as keystrokes
            # do).
            edits = [
                (text + "".join(f"\nEdited line {k}." for k in range(n + 1)) + "\n", edit)
                for n in range(repeat + 10)
            ]
            edits += [
                (
                    "\n".join([*lines[:prose], lines[prose] + f" typed{n}", *lines[prose + 1 :]]),
                    typing,
                )
                for n in range(repeat + 10)
            ]
            for version, (changed, measure) in enumerate(edits, start=2):
                start = time.perf_counter()
                client.notify(
                    "textDocument/didChange",
                    {
                        "textDocument": {"uri": uri, "version": version},
                        "contentChanges": [{"text": changed}],
                    },
                )
                client.wait_for(uri, version)
                measure.seconds.append(time.perf_counter() - start)
        finally:
            client.close()
    opened.note = (
        f"other documents published before the opened one: {max(published) if published else 0}"
    )
    loaded.note = f"documents published once loaded: {max(later) if later else 0}"
    for m in (opened, loaded, edit, typing):
        print(f"  {m.label}: {m.median * 1000:.1f} ms", flush=True)
    return [opened, loaded, edit, typing]


def bench(docs: int, run: Runner, seed: int, peers: bool) -> list[Measure]:
    folder = folder_for(docs, seed)
    files = sorted(folder.rglob("*.md"))
    size = sum(p.stat().st_size for p in files)
    print(f"{docs} documents ({size / 1e6:.1f} MB) in {folder}", flush=True)
    help_text = check_help()
    cores = os.cpu_count() or 1
    document = one_document(folder)
    relative = document.relative_to(folder).as_posix()
    # Fill the cache once; the cold runs below neither read nor write it.
    subprocess.run(lanelint("clean", "."), cwd=folder, capture_output=True, check=False)
    subprocess.run(lanelint("check", "."), cwd=folder, capture_output=True, check=False)
    out = [
        run.add("read + hash every file (floor)", [PY, "-c", READ_HASH, "."], folder),
        run.add("bare markdown-it-py parse (floor)", [PY, "-c", BARE_PARSE, "."], folder),
        run.add(
            f"lanelint check, cold (--no-cache, default --jobs {cores})",
            lanelint("check", ".", "--no-cache"),
            folder,
        ),
        run.add(
            "lanelint check, cold, --jobs 1",
            lanelint("check", ".", "--no-cache", "-j", "1"),
            folder,
        ),
        run.add(
            "lanelint check, cold, --jobs 2",
            lanelint("check", ".", "--no-cache", "-j", "2"),
            folder,
        ),
        run.add("lanelint check, warm (nothing changed)", lanelint("check", "."), folder),
        run.add("lanelint board, warm", lanelint("board", "."), folder),
    ]
    if "--stdin-filename" in help_text:
        # an editor's save-time check sends the text just saved; one typing sends an edit
        out.append(
            run.add(
                f"lanelint check --stdin-filename, one document as saved, warm ({relative})",
                lanelint("check", "--stdin-filename", relative, "-"),
                folder,
                stdin=document.read_bytes(),
            )
        )
        out.append(
            run.add(
                "lanelint check --stdin-filename, that document edited (one line added), warm",
                lanelint("check", "--stdin-filename", relative, "-"),
                folder,
                stdin=document.read_bytes() + b"\nOne more line of prose.\n",
            )
        )
        out.append(
            run.add(
                "bare markdown-it-py parse of that one document (whole process)",
                [PY, "-c", BARE_PARSE, relative],
                folder,
            )
        )
    else:
        out.append(Measure("lanelint check --stdin-filename", note="option absent: skipped"))
    if peers and shutil.which("markdownlint-cli2"):
        out.append(run.add("markdownlint-cli2 (peer)", ["markdownlint-cli2", "**/*.md"], folder))
    if peers and shutil.which("pymarkdown"):
        label = "pymarkdown scan (peer)"
        if docs > run.pymarkdown_max_docs:
            out.append(Measure(label, note=f"skipped above {run.pymarkdown_max_docs:,} documents"))
        elif label in run.too_slow:  # stopped on a smaller folder: not worth the wait here
            out.append(Measure(label, note=f"skipped: {run.too_slow[label]}"))
        else:
            out.append(run.add(label, ["pymarkdown", "scan", "-r", "."], folder))
    run.run()
    return out


def editor_measures(docs: int, seed: int, repeat: int, lsp_in_folder: bool) -> list[Measure]:
    """The language server over stdio, then in-process measurements, taken after every child
    process has run (see folder_for)."""
    folder = folder_for(docs, seed)
    document = one_document(folder)
    out: list[Measure] = lsp_stdio(folder, document, repeat, docs)
    alone = Path(tempfile.mkdtemp(prefix="lanelint-lsp-"))
    shutil.copy(document, alone / document.name)
    # Its own project root (and cache), not the current folder's.
    (alone / "lanelint.toml").write_text("", "utf-8")
    out.append(
        lsp_relint(
            alone / document.name,
            alone,
            max(repeat, 10),
            "language server re-lint of one 8 KB document, alone in its folder (in-process)",
        )
    )
    shutil.rmtree(alone)
    if lsp_in_folder:
        out.append(
            lsp_relint(
                document,
                folder,
                max(repeat, 5),
                f"language server re-lint of one 8 KB document among {docs:,} (in-process)",
            )
        )
    return out


def machine_line() -> str:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    when = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    try:
        load = f", load average {os.getloadavg()[0]:.1f} at the end"
    except OSError:
        load = ""
    return (
        f"Measured {when} on {model}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {platform.system()} {platform.release()}{load}"
    )


def find(measures: list[Measure], start: str) -> Measure | None:
    return next((m for m in measures if m.label.startswith(start) and m.seconds), None)


def _time(seconds: float) -> str:
    return f"{seconds:.2f} s" if seconds >= 0.1 else f"{seconds * 1000:.1f} ms"


def table(results: dict[int, list[Measure]], repeat: int) -> str:
    """Wall time (median), its ratio to the bare parse, CPU time (user + system, median) and
    its ratio, peak RSS. On a busy machine the CPU ratios are the steadier figures."""
    lines = [
        f"| Documents | Measurement | Wall, median of {repeat} | × bare parse "
        "| CPU, median | CPU × bare parse | Peak RSS (MB) |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    for docs, measures in results.items():
        bare = find(measures, "bare markdown-it-py parse (floor)")
        for m in measures:
            if not m.seconds:
                lines.append(f"| {docs:,} | {m.label} | {m.note} | | | | |")
                continue
            per_folder = bare is not None and "document" not in m.label
            ratio = f"{m.median / bare.median:.2f}" if per_folder and bare else ""
            cpu = statistics.median(m.cpu) if m.cpu else None
            bare_cpu = statistics.median(bare.cpu) if bare and bare.cpu else None
            cpu_text = _time(cpu) if cpu is not None else ""
            cpu_ratio = f"{cpu / bare_cpu:.2f}" if per_folder and cpu and bare_cpu else ""
            peak = f"{m.peak_kb / 1024:.0f}" if m.peak_kb else ""
            note = f" ({m.note})" if m.note else ""
            lines.append(
                f"| {docs:,} | {m.label}{note} | {_time(m.median)} | {ratio} | {cpu_text} "
                f"| {cpu_ratio} | {peak} |"
            )
    return "\n".join(lines)


def _ratio(a: Measure | None, b: Measure | None) -> float | None:
    return a.median / b.median if a and b and b.median else None


def targets(results: dict[int, list[Measure]]) -> str:
    """Issue 12's targets, each with the measured figure (per folder size) and whether it
    holds."""
    lines = ["| Target | Documents | Measured | Met |", "|---|---:|---:|:---:|"]

    def row(name: str, docs: int, value: float | None, fmt: str, limit: float, most: bool) -> None:
        if value is None:
            lines.append(f"| {name} | {docs:,} | not measured | – |")
            return
        met = value <= limit if most else value >= limit
        lines.append(f"| {name} | {docs:,} | {fmt.format(value)} | {'yes' if met else '**no**'} |")

    for docs, ms in sorted(results.items()):
        one = find(ms, "lanelint check, cold, --jobs 1")
        two = find(ms, "lanelint check, cold, --jobs 2")
        warm = find(ms, "lanelint check, warm")
        row(
            "cold --jobs 1 ÷ bare markdown-it-py parse ≤ 0.9",
            docs,
            _ratio(one, find(ms, "bare markdown-it-py parse (floor)")),
            "{:.2f}",
            0.9,
            True,
        )
        row(
            "warm (nothing changed) ÷ cold --jobs 1 ≤ 0.05",
            docs,
            _ratio(warm, one),
            "{:.3f}",
            0.05,
            True,
        )
        row(
            "--jobs 2 speed-up over --jobs 1, cold ≥ 1.8×",
            docs,
            _ratio(one, two),
            "{:.2f}×",
            1.8,
            False,
        )
        for kind, label in (
            ("as saved", "lanelint check --stdin-filename, one document as saved"),
            ("edited", "lanelint check --stdin-filename, that document edited"),
        ):
            row(
                f"--stdin-filename, one document {kind}, warm ÷ one-document parse ≤ 1.5",
                docs,
                _ratio(find(ms, label), find(ms, "bare markdown-it-py parse of that one")),
                "{:.2f}",
                1.5,
                True,
            )
        edit = find(ms, "language server over stdio: edit")
        limit = 0.020 if docs <= 2000 else 0.050
        row(
            f"language server, edit -> diagnostics ≤ {limit * 1000:.0f} ms",
            docs,
            edit.median if edit else None,
            "{:.3f} s",
            limit,
            True,
        )
        opened = find(ms, "language server over stdio: open")
        row(
            "language server, open one document ≤ 1 s",
            docs,
            opened.median if opened else None,
            "{:.2f} s",
            1.0,
            True,
        )
        if opened and opened.note:
            lines.append(f"| language server, open: {opened.note} (target: 0) | {docs:,} | | |")
        project = find(ms, "language server over stdio: open -> project loaded")
        if project and project.seconds:
            lines.append(
                f"| language server, open -> project loaded in the background "
                f"({project.note}; no target) | {docs:,} | {project.median:.2f} s | |"
            )
        row(
            "board, warm ÷ check, warm ≤ 1",
            docs,
            _ratio(find(ms, "lanelint board, warm"), warm),
            "{:.2f}",
            1.0,
            True,
        )
    if len(results) > 1:
        small, large = min(results), max(results)
        a = find(results[large], "lanelint check, cold, --jobs 1")
        b = find(results[small], "lanelint check, cold, --jobs 1")
        if a and b and b.peak_kb:
            row(
                f"peak memory, cold --jobs 1, {large:,} ÷ {small:,} ≤ 1.5",
                large,
                a.peak_kb / b.peak_kb,
                "{:.2f}",
                1.5,
                True,
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--repeat", type=int, default=3, help="repetitions per measurement")
    parser.add_argument("--timeout", type=float, default=900, help="seconds before a run stops")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--no-peers", action="store_true", help="skip markdownlint-cli2/pymarkdown")
    parser.add_argument(
        "--lsp-in-folder",
        action="store_true",
        help="also time the language server's re-lint inside each whole folder",
    )
    parser.add_argument(
        "--pymarkdown-max-docs",
        type=int,
        default=2000,
        help="measure pymarkdown only up to this many documents (it is slow)",
    )
    parser.add_argument("--json", type=Path, help="also write the raw timings here")
    args = parser.parse_args()
    run = Runner(args.repeat, args.timeout, pymarkdown_max_docs=args.pymarkdown_max_docs)
    results = {docs: bench(docs, run, args.seed, not args.no_peers) for docs in sorted(args.docs)}
    for docs in sorted(args.docs):
        results[docs].extend(editor_measures(docs, args.seed, args.repeat, args.lsp_in_folder))
    print()
    print(machine_line())
    print()
    print(table(results, args.repeat))
    print()
    print(targets(results))
    if args.json:
        raw = {
            str(docs): [
                {
                    "label": m.label,
                    "seconds": m.seconds,
                    "cpu_seconds": m.cpu,
                    "peak_kb": m.peak_kb,
                    "note": m.note,
                }
                for m in measures
            ]
            for docs, measures in results.items()
        }
        args.json.write_text(json.dumps(raw, indent=2), "utf-8")


if __name__ == "__main__":
    main()
