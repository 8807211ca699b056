"""`p2g serve`: the live preview. MkDocs' own live-reload server watches the project's inputs (content/,
instruments/, macros/, theme/, mkdocs.yml), never the pages generated from them, so one edit is one build. A build
validates, writes the pages (with the last known sizes of the PDFs) and lets MkDocs rebuild only the pages that
changed (site/mkdocs_run.py IncrementalSite, in build/voorbeeld/); the browser reloads as soon as that is done.
The PDFs are rendered afterwards in the background and each is published whole (written beside it, then
renamed over it): until then a PDF link gets the previous PDF, or a page saying it is being made. Broken content
shows the Dutch error page (serve_errors.py) and the next good edit brings the site back. `mkdocs serve` with the
hook (hook.py) still works for who prefers plain MkDocs.

Measured (issue 13): the time from saving an edit to the changed text being served, polling the page every 20 ms,
paired runs alternating with plain `mkdocs serve -f build/mkdocs/mkdocs.yml` of the same generated pages (a Markdown
edit there, a YAML edit of the same sentence here); each run waits for the preview's PDFs first. Medians of 5 on
this 2-core machine shared with other builds (load average 1 min):
    today's content (51 pages):  preview 1.36 s, plain 1.24 s, ratio 1.07  (load 2.2 to 3.1)
                                 preview 2.36 s, plain 2.52 s, ratio 0.88  (load 7.5 to 8.2)
    16x content (305 pages, 192 instruments; a scaled, validated copy; plain's pages without PDFs):
                                 preview 6.35 s, plain 7.24 s, ratio 0.89  (load 1.8 to 2.3)
                                 preview 14.0 s, plain 16.0 s, ratio 1.03  (load 4.5 to 7.2, before the collector
                                 was switched off)
The preview's MkDocs step rebuilds 4 pages (0.6 to 1.4 s at 16x); the rest is validating and rendering every page
from the YAML (about 5.5 CPU s at 16x), which the incremental MkDocs run cannot skip. Without the cyclic garbage
collector during a build that is 9 % less. PDFs come after, in a process at lower priority (cached: 4 to 9 s at 16x).
A page shows the size of the PDF that its link serves, until the next build.
"""

from __future__ import annotations

import gc
import json
import logging
import re
import shutil
import tempfile
import threading
import time
from pathlib import Path

from site_build.core.files import write_new
from site_build.core.target import PUBLIC, Target

log = logging.getLogger("p2g")

FOLDER = "voorbeeld"  # build/voorbeeld: the preview's MkDocs folders and its published PDFs
WATCHED = ("content", "instruments", "macros", "theme", "mkdocs.yml")
_PDF = re.compile(r"/downloads/([A-Za-z0-9._-]+\.pdf)")
_BEING_MADE = ("<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" "
               "content=\"3\"><title>PDF wordt gemaakt</title></head><body><p>Deze PDF wordt nog gemaakt. Deze "
               "pagina probeert het over een paar seconden vanzelf opnieuw.</p></body></html>").encode()


class Preview:
    """The preview's state: the two sites (content and error page), the published PDFs and the print thread."""

    def __init__(self, root: Path, target: Target = PUBLIC):
        from site_build.site.mkdocs_run import IncrementalSite

        self.root = root
        self.target = target
        self.base = root / "build" / FOLDER
        self.base.mkdir(parents=True, exist_ok=True)
        self._lock = _hold(self.base / "voorbeeld.lock")
        cache = root / "build" / "jinja-cache" / "mkdocs"
        self.site = IncrementalSite(self.base / "mkdocs", template_cache=cache)
        self.errors = IncrementalSite(self.base / "fout", template_cache=cache)
        self.pdfs = self.base / "pdf"  # the last complete PDF of each name, and what they are (pdf.json)
        self.pdfs.mkdir(exist_ok=True)
        # what a preview that was killed left half-done (never served: only finished files are renamed into place)
        for stale in [*self.base.glob("voorbeeld-*"), *self.pdfs.glob("nieuw-*")]:
            shutil.rmtree(stale, ignore_errors=True)
        self.builds = 0
        self.served = self.site.site     # the folder the server serves: the site, or the error page's
        self.server = None
        self._wanted = False             # whether the PDFs of a newer build are still to be made
        self._child = None
        self._wake = threading.Condition()
        self._stopped = False
        self._printer = threading.Thread(target=self._print_loop, name="voorbeeld-pdf", daemon=True)
        self._printer.start()

    # --- pages ----------------------------------------------------------------------------------------------
    def build(self) -> None:
        """One build of the preview (the server's builder): the pages now, the PDFs handed to the print thread."""
        from site_build.content.validate import load_content
        from site_build.site.post_build import after_build
        from site_build.site.render import SITE_CONFIG, write_docs

        self.builds += 1
        start = time.perf_counter()
        # the cyclic collector would walk the whole heap many times during a build: 9 % of a 16x edit's CPU
        gc.disable()
        try:
            content = load_content(self.root)
            with tempfile.TemporaryDirectory(prefix="voorbeeld-", dir=self.base) as tmp:
                fresh = Path(tmp) / "docs"
                data = write_docs(content, fresh, self.target, downloads=self._known(content))
                self.site.build(self.root, fresh, data, after=after_build)
                shutil.copy2(Path(tmp) / SITE_CONFIG, self.site.folder / SITE_CONFIG)  # the error page's edition
        except Exception as error:  # content, a template, MkDocs, the disk: shown in the browser, never raised
            self._show_error(error)
            return
        finally:
            gc.enable()
        self._serve_from(self.site.site)
        how = f"{self.site.rebuilt} pagina's opnieuw" if self.site.incremental else "alle pagina's"
        log.info("Voorbeeld gebouwd (%s) in %.2f s", how, time.perf_counter() - start)
        with self._wake:
            self._wanted = True
            self._wake.notify()

    def _show_error(self, error: BaseException) -> None:
        from site_build.site.post_build import after_build
        from site_build.site.render import SITE_CONFIG
        from site_build.site.serve_errors import messages, write_error_docs

        lines = messages(error)
        for line in lines:
            log.error("%s", line)
        try:
            docs = write_error_docs(self.root, self.site.docs, lines)
            data = json.loads((docs.parent / SITE_CONFIG).read_text(encoding="utf-8"))
            self.errors.build(self.root, docs, data, after=after_build)
        except Exception as again:  # noqa: BLE001 (e.g. mkdocs.yml itself broken: the log says it, the server stays)
            for line in messages(again):
                log.error("%s", line)
            return
        self._serve_from(self.errors.site)
        log.info("Voorbeeld toont de foutpagina (%d %s)", len(lines), "probleem" if len(lines) == 1 else "problemen")

    def _serve_from(self, site: Path) -> None:
        self.served = site
        if self.server is not None:
            self.server.root = str(site)

    # --- PDFs -----------------------------------------------------------------------------------------------
    def _known(self, content) -> list:
        """The content's PDFs, with the size and page count of the one that is published (None: not yet)."""
        from site_build.printing.products import planned

        try:
            known = json.loads((self.pdfs / "pdf.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            known = {}
        result = []
        for d in planned(content, self.target):
            size, pages = (known.get(d.name) or [None, None])[:2]
            ok = isinstance(size, int) and isinstance(pages, int) and (self.pdfs / d.name).is_file()
            result.append(d.done(size, pages) if ok else d)
        return result

    def _print_loop(self) -> None:
        import multiprocessing

        # a process of its own, started fresh (not forked from this one, which has threads) and at a lower
        # priority: rendering PDFs never holds this process's interpreter lock nor takes a core from the pages
        context = multiprocessing.get_context("spawn")
        while True:
            with self._wake:
                self._wake.wait_for(lambda: self._wanted or self._stopped)
                if self._stopped:
                    return
                self._wanted = False
                self._child = context.Process(target=print_pdfs, args=(self.root, self.pdfs, self.target),
                                              name="voorbeeld-pdf")  # not a daemon: it has workers of its own
                self._child.start()
            self._child.join()

    def pdf_response(self, name: str, start_response):
        """The published PDF, read whole (a rename during the read cannot mix two files), or 'being made'."""
        try:
            data = (self.pdfs / name).read_bytes()
        except OSError:
            start_response("503 Service Unavailable", [("Content-Type", "text/html; charset=utf-8"),
                                                       ("Retry-After", "3"), ("Content-Length", str(len(_BEING_MADE)))])
            return [_BEING_MADE]
        start_response("200 OK", [("Content-Type", "application/pdf"), ("Content-Length", str(len(data))),
                                  ("Cache-Control", "no-store")])
        return [data]

    def close(self) -> None:
        with self._wake:
            self._stopped = True
            self._wake.notify()
            child = self._child
        if child is not None and child.is_alive():
            child.terminate()  # its workers follow: they stop when their parent is gone (printing/pool.py)
        self._printer.join(timeout=30)
        if self._lock is not None:
            import os

            os.close(self._lock)


def print_pdfs(root: Path, pdfs: Path, target: Target) -> None:
    """In the PDF process: render the content's PDFs (the cache makes unchanged ones free) and publish each that
    changed, whole. Whatever fails is logged; the PDFs published before stay."""
    import os

    if hasattr(os, "nice"):
        os.nice(10)  # inherited by its workers
    threading.Thread(target=_stop_with, args=(os.getppid(),), daemon=True).start()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    logging.getLogger("weasyprint").setLevel(logging.WARNING)
    from site_build.content.validate import load_content
    from site_build.printing.pipeline import PrintBuild
    from site_build.site.serve_errors import messages

    start = time.perf_counter()
    try:
        content = load_content(root)  # as saved now: never older than the pages just built
        with tempfile.TemporaryDirectory(prefix="nieuw-", dir=pdfs) as tmp:
            downloads = PrintBuild(content, root / "build" / "pdf-cache", target=target).run(Path(tmp))
            published = 0
            for d in downloads:
                target, fresh = pdfs / d.name, Path(tmp) / d.name
                if not target.is_file() or target.read_bytes() != fresh.read_bytes():
                    os.replace(fresh, target)  # whole: whoever reads it gets the old file or the new one
                    published += 1
        write_new(pdfs / "pdf.json", json.dumps({d.name: [d.size, d.pages] for d in downloads}).encode("utf-8"))
    except Exception as error:  # noqa: BLE001 (the pages stay up; the previous PDFs stay published)
        for line in messages(error):
            log.error("PDF's: %s", line)
        log.info("PDF's klaar: niet gelukt, de vorige blijven staan")
        return
    log.info("PDF's klaar: %d nieuw van %d, in %.2f s", published, len(downloads), time.perf_counter() - start)


def _hold(path: Path) -> int | None:
    """One preview per project: a second would build into the same folders as the first."""
    import os

    try:
        import fcntl
    except ImportError:  # Windows: no record locks; one preview is then the user's care
        return None
    from site_build.core.problems import UserError

    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        raise UserError("er draait al een voorbeeld (p2g serve) van deze map; stop dat eerst") from None
    return fd  # held until this process ends


def _stop_with(parent: int) -> None:
    """Ends the PDF process when the preview is gone (killed, so it could not say so); its workers follow."""
    import os

    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt  # a terminated preview stops as after Ctrl+C: the PDF process is stopped too


def serve(root: Path, port: int = 8000, target: Target = PUBLIC) -> None:
    """Serve the preview on 127.0.0.1:``port`` until interrupted."""
    import signal

    from mkdocs.livereload import LiveReloadServer

    logging.getLogger("weasyprint").setLevel(logging.WARNING)  # its steps per page would drown the preview's log
    signal.signal(signal.SIGTERM, _interrupt)
    preview = Preview(root, target)
    try:
        preview.build()
        server = LiveReloadServer(builder=preview.build, host="127.0.0.1", port=port, root=str(preview.served))
        preview.server = server
        pages = server.serve_request

        def app(environ, start_response):
            found = _PDF.fullmatch(environ.get("PATH_INFO", ""))
            if found:
                return preview.pdf_response(found.group(1), start_response)
            return pages(environ, start_response)

        server.set_app(app)
        server.error_handler = lambda code: _error_page(Path(server.root), code)
        for name in WATCHED:
            if (root / name).exists():
                server.watch(str(root / name))
        try:
            server.serve()
        except KeyboardInterrupt:
            log.info("Voorbeeld gestopt")
        finally:
            server.shutdown()
    finally:
        preview.close()


def _error_page(site: Path, code: int) -> bytes | None:
    page = site / f"{code}.html"
    return page.read_bytes() if code in (404, 500) and page.is_file() else None
