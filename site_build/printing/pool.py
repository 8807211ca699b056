"""Worker processes that render and merge PDFs for a build (PdfPool), so the build's own process stays free
to build the site meanwhile: concurrent.futures.ProcessPoolExecutor, forked. They get HTML and a stylesheet
(or PDFs to merge) and send back bytes; they never load the content or the templates.

Measured against the pool this replaced (a supervisor that imported WeasyPrint once and then forked its workers,
with its own queues; 208 lines), issue 12, bench/compare.py on 2 shared cores, `p2g build` of the real content,
median of 5 rounds, wall s / CPU s of all the build's processes:
    cold                      own pool  8.7 / 8.2    ProcessPoolExecutor  8.8 / 8.5   (WALL)
    nothing changed           0.11 / 0.10          0.12 / 0.10   (the up-to-date check: no pool)
    a YAML comment            2.3 / 2.2            3.0 / 2.6
    one instrument edited     4.1 / 3.0            3.3 / 3.2
Each worker imports WeasyPrint itself (about 0.3 CPU s more per build); the wall times are within the noise of
the machine. Not worth 140 more lines of process management; PdfPool keeps the interface the print pipeline uses.
"""

from __future__ import annotations

from pathlib import Path

from site_build.printing.engine import Part, PdfJob, PrintError, Rendered, engine_for, load_weasyprint, merge


def _render(root: str, stylesheet: str, job: PdfJob) -> Rendered:
    return engine_for(Path(root), stylesheet).render(job)


_TASKS = {"render": _render, "merge": merge}


def _task(name: str, *args):
    """Run in a worker; any failure comes back as a PrintError (not every exception can be pickled)."""
    try:
        return _TASKS[name](*args)
    except PrintError:
        raise
    except BaseException as exc:
        raise PrintError(f"PDF kon niet gemaakt worden: {type(exc).__name__}: {exc}") from None


def _start(build: int) -> None:
    """A worker's set-up: WeasyPrint imported once (while the build loads the content), and an end when the
    build itself is killed (nobody would send the worker home)."""
    import os
    import threading
    import time

    def watch() -> None:
        while os.getppid() == build:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()
    load_weasyprint()
    import pikepdf  # noqa: F401


class PdfPool:
    """Processes that render and merge PDFs, one per core, started at once so they import WeasyPrint while the
    build loads the content. A worker that dies fails the open jobs with a PrintError."""

    def __init__(self, workers: int | None = None):
        import multiprocessing
        import os
        from concurrent.futures import ProcessPoolExecutor

        self.workers = workers or self.default_workers()
        self._executor = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("fork"),
                                             initializer=_start, initargs=(os.getpid(),))
        for _ in range(self.workers):  # start them now
            self._executor.submit(int)

    @staticmethod
    def default_workers() -> int:
        """One per core (at most four: more gains little for some forty PDFs)."""
        import os

        return min(os.cpu_count() or 1, 4)

    @staticmethod
    def available() -> bool:
        """Forking a process that has WeasyPrint's C libraries loaded is safe on Linux; elsewhere (macOS,
        Windows) PDFs are rendered in the build's own process."""
        import multiprocessing
        import sys

        return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()

    def prepare(self, root: Path | None, stylesheet: str | None) -> None:
        """Nothing to do: a worker sets WeasyPrint up with the stylesheet on its first job."""

    def render(self, root: Path, stylesheet: str, job: PdfJob):
        """A future for the Rendered job."""
        return self._submit("render", str(root), stylesheet, job)

    def merge(self, parts: list[Part], title: str, subject: str, stamp: bytes | None = None):
        """A future for the merged PDF's bytes."""
        return self._submit("merge", parts, title, subject, stamp)

    def _submit(self, task: str, *args):
        from concurrent.futures import Future
        from concurrent.futures.process import BrokenProcessPool

        result: Future = Future()

        def done(source: Future) -> None:
            error = source.exception()
            if isinstance(error, BrokenProcessPool):
                error = PrintError("een PDF-proces stopte onverwacht")
            result.set_exception(error) if error else result.set_result(source.result())

        try:
            self._executor.submit(_task, task, *args).add_done_callback(done)
        except BrokenProcessPool:
            result.set_exception(PrintError("een PDF-proces stopte onverwacht"))
        return result

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
