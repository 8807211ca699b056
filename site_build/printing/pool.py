"""Worker processes that render and merge PDFs for a build (PdfPool), so the build's own process stays free
to build the site meanwhile. They get HTML and a stylesheet (or PDFs to merge) and send back bytes; they
never load the content or the templates.

Kept by measurement (issue 12, bench/compare.py: `p2g build` of the real content on 2 shared cores, median of 5;
CPU seconds of all its processes, as wall time was too noisy): this pool / concurrent.futures.ProcessPoolExecutor
(forked workers started at once, each importing WeasyPrint) cold 8.6 / 9.1, nothing changed 0.11 / 0.11 (no pool:
the up-to-date check), a YAML comment 2.25 / 2.92, one instrument edited 3.03 / 3.44. Importing WeasyPrint once
and forking saves 0.4 to 0.7 CPU s a build, 15 to 30 % of a rebuild."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from site_build.core.timeline import mark
from site_build.printing.engine import Engines, PdfJob, PrintError, Rendered, load_weasyprint
from site_build.printing.merge import Part, merge


def _render(engines: Engines, root: str, stylesheet: str, job: PdfJob) -> Rendered:
    return engines.get(Path(root), stylesheet).render(job)


def _merge(engines: Engines, parts: list[Part], title: str, subject: str, lang: str,
           stamp: list[bytes] | None) -> bytes:
    return merge(parts, title, subject, lang, stamp)


_TASKS = {"render": _render, "merge": _merge}


class PdfPool:
    """Processes that render and merge PDFs, one per core, started before anything else.

    The first process imports WeasyPrint (which takes a while) while this one loads the content and writes
    the pages; only then does it fork the workers, so they share that import instead of each doing it
    again, and it stays on to watch them. Workers never load content or templates: they get HTML and a
    stylesheet (or PDFs to merge) and send back PDF bytes. If a worker dies, every open job fails with a
    PrintError. All the work happens in them, so this process stays free to build the site.
    """

    def __init__(self, workers: int | None = None):
        import itertools
        import multiprocessing
        import threading

        self.workers = workers or self.default_workers()
        context = multiprocessing.get_context("fork")
        self._jobs = context.Queue()  # put() returns at once: a thread of the queue feeds the workers
        self._results = context.SimpleQueue()
        setup_in, setup_out = context.Pipe(duplex=False)
        self._futures: dict[int, Any] = {}
        self._lock = threading.Lock()
        self._ids = itertools.count()
        # not a daemon: it starts the workers
        self._supervisor = context.Process(target=_supervise, args=(self._jobs, self._results, self.workers,
                                                                    setup_in, setup_out))
        self._supervisor.start()
        setup_in.close()
        self._setup = setup_out
        self._prepared = False
        self._stopped: PrintError | None = None
        self._reader = threading.Thread(target=self._read, name="pdf-resultaten", daemon=True)
        self._reader.start()

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
        """Tell the pool the stylesheet of this build: it sets WeasyPrint up with it (fonts, parsed CSS)
        before it forks the workers, so they start warm. Until this is called, no worker starts."""
        with self._lock:
            if self._prepared:
                return
            self._prepared = True
            if root is not None:
                self._setup.send((str(root), stylesheet))
            self._setup.close()

    def render(self, root: Path, stylesheet: str, job: PdfJob):
        """A future for the Rendered job."""
        self.prepare(root, stylesheet)
        return self._submit("render", str(root), stylesheet, job)

    def merge(self, parts: list[Part], title: str, subject: str, lang: str, stamp: list[bytes] | None = None):
        """A future for the merged PDF's bytes."""
        self.prepare(None, None)
        return self._submit("merge", parts, title, subject, lang, stamp)

    def _submit(self, task: str, *args: Any):
        from concurrent.futures import Future

        future: Future = Future()
        with self._lock:
            if self._stopped is not None:  # nothing would ever answer
                future.set_exception(self._stopped)
                return future
            number = next(self._ids)
            self._futures[number] = future
        self._jobs.put((number, task, args))
        return future

    def _read(self) -> None:
        while True:
            number, ok, payload = self._results.get()
            if number == -1:  # closed, or a process died: what is still open will not come
                with self._lock:
                    self._stopped = payload or PrintError("de PDF-processen zijn gestopt")
                    still_open, self._futures = list(self._futures.values()), {}
                for future in still_open:
                    future.set_exception(self._stopped)
                if payload is None:
                    return
                continue
            with self._lock:
                future = self._futures.pop(number, None)
            if future is not None:  # None: already failed because another worker died
                future.set_result(payload) if ok else future.set_exception(payload)

    def close(self) -> None:
        import os
        import signal

        self.prepare(None, None)
        if self._supervisor.is_alive():
            for _ in range(self.workers):
                self._jobs.put(None)
            self._supervisor.join(timeout=5)
        if self._supervisor.is_alive():  # a worker still busy: stop the whole group
            try:
                os.killpg(self._supervisor.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            self._supervisor.join()
        self._jobs.cancel_join_thread()  # what no worker took is dropped, not waited for at exit
        self._jobs.close()
        self._results.put((-1, False, None))
        self._reader.join()


def _watch_build(build: int) -> None:
    """When the build itself is killed (kill -9, a CI timeout), nobody will send the workers home: end the whole
    group. A thread of its own watches, because the supervisor may be busy for seconds (importing WeasyPrint,
    warming up) when that happens."""
    import os
    import signal
    import threading
    import time

    def watch() -> None:
        while os.getppid() == build:
            time.sleep(0.2)
        os.killpg(0, signal.SIGKILL)

    threading.Thread(target=watch, name="bouw-bewaker", daemon=True).start()


def _supervise(jobs, results, workers: int, setup, setup_out) -> None:
    import importlib
    import multiprocessing
    import multiprocessing.connection
    import os

    os.setpgid(0, 0)  # its workers too: the pool can stop them all at once
    build = os.getppid()
    _watch_build(build)
    setup_out.close()  # the forked copy of the pool's end: with it open, a closed pool would go unnoticed
    try:
        load_weasyprint()
        importlib.import_module("pikepdf")
    except BaseException as exc:
        results.put((-1, False, PrintError(f"WeasyPrint kon niet starten: {exc}")))
        return
    mark("WeasyPrint geladen")
    engines = Engines()  # this pool's, set up here and handed to the workers by the fork
    try:
        root, stylesheet = setup.recv()
        engines.get(Path(root), stylesheet).warm_up()
        mark("opgewarmd")
    except EOFError:  # closed without a stylesheet (the build stopped, or only merges are asked)
        pass
    except PrintError as exc:  # the jobs will meet it again and report it
        mark(f"opwarmen mislukt: {exc}")
    context = multiprocessing.get_context("fork")
    procs = [context.Process(target=_work, args=(jobs, results, engines), daemon=True) for _ in range(workers)]
    for proc in procs:
        proc.start()
    running = list(procs)
    while running:
        ready = multiprocessing.connection.wait([p.sentinel for p in running], timeout=1)
        for sentinel in ready:
            proc = next(p for p in running if p.sentinel == sentinel)
            proc.join()
            running.remove(proc)
            if proc.exitcode != 0:
                results.put((-1, False, PrintError(f"een PDF-proces stopte onverwacht (code {proc.exitcode})")))


def _work(jobs, results, engines: Engines) -> None:
    while True:
        message = jobs.get()
        if message is None:
            return
        number, task, args = message
        what = f"{task} {args[-1].name if task == 'render' else args[1]}"
        mark(what)
        try:
            results.put((number, True, _TASKS[task](engines, *args)))
            mark(what + " klaar")
        except PrintError as exc:
            results.put((number, False, exc))
        except BaseException as exc:  # sent back as a plain message: not every exception can be pickled
            results.put((number, False, PrintError(f"PDF kon niet gemaakt worden: {type(exc).__name__}: {exc}")))
