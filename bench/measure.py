"""How the bench measures: one command's wall time, CPU seconds and peak memory (os.wait4 gives the rusage of that
command and every process it waited for, so the PDF workers count too), the CPU seconds per part of a build from
its timeline (P2G_TIJDLIJN=1, site_build/core/timeline.py), and the preview latency of a running server: the time
from saving a file until the page it changes is served with the new text (polling the page over HTTP).
"""

from __future__ import annotations

import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

BIN = Path(sys.executable).parent
QUIET = {"NO_MKDOCS_2_WARNING": "1"}  # MkDocs 1.6's banner about 2.0 on every start
PARTS = ("laden en controleren", "pagina's schrijven", "MkDocs", "PDF's", "rest")
_MARK = re.compile(r"^\s*([\d.]+)s\s+([\d.]+)cpu\s+\[(\d+)\] (.*)$")


@dataclass
class Measured:
    wall: float  # seconds
    cpu: float  # user + system seconds of the command and the processes it waited for
    rss: float  # MB: the largest resident set of any one of its processes
    parts: dict[str, float] = field(default_factory=dict)  # CPU seconds per part (a build with a timeline only)
    products: dict[str, float] = field(default_factory=dict)  # CPU seconds per PDF made (render or merge)


def env_for(project: Path, extra: dict | None = None) -> dict:
    """The scratch copy's own code first (a `p2g serve` hook imports site_build too)."""
    return {**os.environ, **QUIET, "PYTHONPATH": str(project), **(extra or {})}


def run(command: list[str], cwd: Path, env: dict) -> Measured:
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        log = err.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} in {cwd} stopte met {proc.returncode}:\n{log[-3000:]}")
    cpu = usage.ru_utime + usage.ru_stime
    return Measured(wall, cpu, usage.ru_maxrss / 1024, parts(log, cpu), products(log))


def parts(log: str, total: float) -> dict[str, float]:
    """CPU seconds per part from a build's timeline: the build process's own CPU between its marks, the PDF
    processes' (the pool's supervisor and workers) added up; what is left (copying, zip, exiting) is 'rest'."""
    marks = [(int(m.group(3)), float(m.group(2)), m.group(4)) for m in map(_MARK.match, log.splitlines()) if m]
    main_pid = next((p for p, _, w in marks if w == "inhoud geladen"), None)
    main = {what.split(" (")[0]: cpu for pid, cpu, what in marks if pid == main_pid}
    if "klaar" not in main:
        return {}  # no timeline: nothing was built (up to date) or the build has no marks
    others: dict[int, float] = {}
    for pid, cpu, _ in marks:
        if pid != main_pid:
            others[pid] = max(cpu, others.get(pid, 0.0))
    found = {"laden en controleren": main["inhoud geladen"],
             "pagina's schrijven": main["pagina's geschreven"] - main["inhoud geladen"],
             "MkDocs": main["MkDocs klaar"] - main["pagina's geschreven"],
             "PDF's": sum(others.values())}
    found["rest"] = max(0.0, total - sum(found.values()))
    return found


_PARTS = re.compile(r"^(render map-nummers)-\d+\.pdf$")


def products(log: str) -> dict[str, float]:
    """CPU seconds of each PDF a worker made: its CPU at 'X klaar' less its CPU at 'X' (a worker does one at a
    time). Named as the timeline names them ('render zakkaarten.pdf', 'merge Complete map: alle formulieren')."""
    started: dict[tuple[int, str], float] = {}
    found: dict[str, float] = {}
    for m in map(_MARK.match, log.splitlines()):
        if not m or not m.group(4).startswith(("render ", "merge ")):
            continue
        pid, cpu, what = int(m.group(3)), float(m.group(2)), m.group(4)
        if what.endswith(" klaar"):
            begun = started.pop((pid, what[:-len(" klaar")]), None)
            if begun is not None:
                # a PDF made in parts (the map's running numbers: map-nummers-1.pdf, -2, ...) counts as one, so its
                # growth is judged over all its pages
                name = _PARTS.sub(r"\1 (delen).pdf", what[:-len(" klaar")])
                found[name] = found.get(name, 0.0) + cpu - begun
        else:
            started[(pid, what)] = cpu
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (OSError, ValueError):
        return ""


class Server:
    """A preview server (`p2g serve` or `mkdocs serve`) in its own process group, its log in a file."""

    def __init__(self, command: list[str], cwd: Path, env: dict, port: int, log: Path):
        self.port, self.log = port, log
        self._out = log.open("wb")
        self.proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=self._out, stderr=subprocess.STDOUT,
                                     start_new_session=True)

    def url(self, page: str) -> str:
        return f"http://127.0.0.1:{self.port}/{page}"

    def wait_for(self, page: str, text: str, timeout: float) -> float:
        """Seconds until ``page`` is served containing ``text``, polled every 20 ms."""
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            if self.proc.poll() is not None:
                raise RuntimeError(f"de server stopte:\n{self.log.read_text(errors='replace')[-3000:]}")
            if text in fetch(self.url(page)):
                return time.perf_counter() - start
            time.sleep(0.02)
        raise RuntimeError(f"{text!r} niet op {self.url(page)} na {timeout:.0f} s:\n"
                           f"{self.log.read_text(errors='replace')[-3000:]}")

    def settle(self, quiet: float, timeout: float = 600) -> None:
        """Wait until the server's log has not grown for ``quiet`` seconds (a second build after an edit ends)."""
        size, since, start = -1, time.perf_counter(), time.perf_counter()
        while time.perf_counter() - start < timeout:
            now = self.log.stat().st_size
            if now != size:
                size, since = now, time.perf_counter()
            elif time.perf_counter() - since >= quiet:
                return
            time.sleep(0.1)

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self._out.close()


def edit_latency(server: Server, path: Path, change, page: str, marker: str, timeout: float) -> float:
    """Save ``path`` changed by ``change`` (text -> text, adding ``marker``); seconds until ``page`` shows it."""
    text = change(path.read_text(encoding="utf-8"))
    if marker not in text:
        raise RuntimeError(f"{marker!r} niet in de nieuwe tekst van {path}")
    start = time.perf_counter()
    path.write_text(text, encoding="utf-8")
    server.wait_for(page, marker, timeout)
    return time.perf_counter() - start  # from just before the save


def median_spread(values: list[float]) -> tuple[float, float, float]:
    """Median, lowest and highest."""
    return statistics.median(values), min(values), max(values)
