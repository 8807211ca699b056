"""The PDF engine: turns print HTML into PDF bytes with WeasyPrint. The only module that imports WeasyPrint,
and it imports nothing of the content or the templates, so the worker processes that render PDFs start fast
(see print_build.PdfPool). Per process, WeasyPrint is imported once and each stylesheet is parsed once."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .fields import FieldError, add_fields, fields_of
from .problems import warnings_of
from .tijdlijn import mark


class PrintError(Exception):
    """A PDF could not be made (a WeasyPrint warning or a refused resource)."""


def load_weasyprint() -> None:
    """Import WeasyPrint, without the half second its library lookup can cost.

    For each C library WeasyPrint tries a list of names; every name that is not a file name makes
    ctypes.util.find_library start ldconfig, gcc and ld (more than fifty processes in all). The list also
    holds each library's real file name, which loads without that search: during the import, the search
    answers 'not found' at once. Should no name load that way, the import is done again the normal way.
    """
    import importlib
    import sys

    if "weasyprint" in sys.modules:
        return
    import ctypes.util

    search = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None
    try:
        importlib.import_module("weasyprint")
    except OSError:
        for name in [m for m in sys.modules if m == "weasyprint" or m.startswith("weasyprint.")]:
            del sys.modules[name]
        ctypes.util.find_library = search
        importlib.import_module("weasyprint")
    finally:
        ctypes.util.find_library = search


def font_files() -> dict[str, Path]:
    """The openly licensed font embedded in every PDF (Lato, SIL OFL), installed from PyPI by the set-up."""
    import font_lato

    base = Path(font_lato.__file__).parent / "files"
    files = {"regular": base / "Lato-Regular.ttf", "bold": base / "Lato-Bold.ttf",
             "italic": base / "Lato-Italic.ttf", "bolditalic": base / "Lato-BoldItalic.ttf"}
    for path in files.values():
        if not path.is_file():
            raise PrintError(f"het lettertype {path.name} ontbreekt; voer 'make site' opnieuw uit")
    return files


def make_fetcher(allowed: list[Path]):
    """A URL fetcher that reads only files inside the allowed folders and refuses everything else.

    A plain exception in a fetcher only makes WeasyPrint log a warning and carry on; FatalURLFetchingError
    stops the render, so no content can pull /etc/passwd or a remote URL into a PDF.
    """
    load_weasyprint()
    from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

    roots = [p.resolve() for p in allowed]

    class ProjectFetcher(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
            from urllib.parse import unquote, urlparse

            parsed = urlparse(url)
            if parsed.scheme != "file" or parsed.netloc not in ("", "localhost"):
                raise FatalURLFetchingError(f"geweigerd: {url} (alleen bestanden uit het project)")
            path = Path(unquote(parsed.path)).resolve()
            if not any(path == r or r in path.parents for r in roots) or not path.is_file():
                raise FatalURLFetchingError(f"geweigerd: {path} (buiten het project of bestaat niet)")
            return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": _mime(path)})

    return ProjectFetcher()


def print_html_class(ua_css):
    """WeasyPrint's HTML with the print documents' own user-agent stylesheet (macros/print/ua.css).

    WeasyPrint has no option for it, so this overrides the method that picks its built-in one; the pinned
    WeasyPrint version and the print tests (text, fonts, fields, page counts) guard that this keeps working.
    """
    from weasyprint import HTML
    from weasyprint.html import UA_FORM_STYLESHEET

    class PrintHTML(HTML):
        def _ua_stylesheets(self, forms: bool = False) -> list:
            return [ua_css, UA_FORM_STYLESHEET] if forms else [ua_css]

    return PrintHTML


def _mime(path: Path) -> str:
    return {".ttf": "font/ttf", ".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png"}.get(
        path.suffix.lower(), "application/octet-stream")


@dataclass
class PdfJob:
    """One layout, written as one PDF, or as two when the layout has form fields: the blank one without them
    (small: only the glyphs used are embedded) and the fillable one with them (laying out twice is the
    expensive part of a PDF, writing it is not)."""

    name: str          # file name, e.g. 'reflectie-interview-start.pdf'
    html: str
    title: str
    fillable: bool = False  # also write '<name>-invulbaar.pdf', with a form field for every answer

    @property
    def names(self) -> list[str]:
        return [self.name, fillable_name(self.name)] if self.fillable else [self.name]


def fillable_name(name: str) -> str:
    return name.removesuffix(".pdf") + "-invulbaar.pdf"


@dataclass
class Rendered:
    """What one job gives: the PDF bytes by file name, and the page count (known from the layout)."""

    files: dict[str, bytes]
    pages: int


class PdfEngine:
    """Renders PDFs with one stylesheet for one project; make one with `engine_for`."""

    def __init__(self, root: Path, stylesheet: str):
        load_weasyprint()
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration

        self.root = root
        self.fonts = font_files()
        self.base_url = str(root / "macros" / "print") + "/"
        self.font_config = FontConfiguration()
        self.fetcher = make_fetcher([root, self.fonts["regular"].parent])
        self.html = print_html_class(CSS(filename=str(root / "macros" / "print" / "ua.css")))
        self.css = CSS(string=stylesheet, font_config=self.font_config, url_fetcher=self.fetcher,
                       base_url=self.base_url)

    def warm_up(self) -> None:
        """Load the fonts now, with one tiny render (so processes forked after this start warm)."""
        self.pdf_bytes('<html lang="nl"><title>-</title><body><p>Playing-2-gether <b>vet</b> <i>schuin</i></p></body></html>')

    def pdf_bytes(self, html: str) -> bytes:
        """One PDF from one HTML document (no form fields)."""
        return self.render(PdfJob("document.pdf", html, "")).files["document.pdf"]

    OPTIONS = dict(pdf_variant="pdf/ua-1", pdf_tags=True, pdf_identifier=b"playing-2-gether")

    def layout(self, job: PdfJob):
        """The job laid out in pages (a WeasyPrint Document), not yet written."""
        return self.html(string=job.html, base_url=self.base_url, url_fetcher=self.fetcher).render(
            stylesheets=[self.css], font_config=self.font_config, pdf_forms=job.fillable, **self.OPTIONS)

    def render(self, job: PdfJob) -> Rendered:
        options = self.OPTIONS
        with warnings_of("weasyprint") as warnings:
            try:
                document = self.layout(job)
                files = {}
                fields = fields_of(document) if job.fillable else []
                # the blank PDF: the same layout, written without its fields
                for page in document.pages:
                    page.forms = {}
                files[job.name] = document.write_pdf(**options)
                if job.fillable:
                    files[fillable_name(job.name)] = add_fields(files[job.name], fields, self.fonts["regular"])
            except FieldError as exc:
                raise PrintError(f"{job.name}: {exc}") from exc
            except Exception as exc:  # WeasyPrint raises many kinds; the build needs one
                raise PrintError(f"PDF kon niet gemaakt worden: {exc}") from exc
            except BaseException as exc:  # FatalURLFetchingError is a BaseException so WeasyPrint cannot swallow it
                from weasyprint.urls import FatalURLFetchingError

                if isinstance(exc, FatalURLFetchingError):
                    raise PrintError(f"PDF kon niet gemaakt worden: {exc}") from exc
                raise
        # WeasyPrint only logs problems (a missing image, an unknown CSS property): we stop on them
        if warnings:
            raise PrintError("WeasyPrint meldde: " + "; ".join(warnings))
        return Rendered(files, len(document.pages))




_ENGINES: dict[tuple[str, str], PdfEngine] = {}


def engine_for(root: Path, stylesheet: str) -> PdfEngine:
    """The engine of this process for this project and stylesheet (made on first use)."""
    key = (str(root), hashlib.sha256(stylesheet.encode("utf-8")).hexdigest())
    if key not in _ENGINES:
        _ENGINES[key] = PdfEngine(root, stylesheet)
    return _ENGINES[key]


def release_engines() -> None:
    # WeasyPrint's FontConfiguration cleans up in __del__, which fails when it runs during interpreter
    # shutdown (after its modules are gone): let go of the engines while everything is still loaded.
    _ENGINES.clear()


import atexit  # noqa: E402

atexit.register(release_engines)


def job_key(job: PdfJob, stylesheet: str) -> str:
    """Content hash of everything one PDF depends on: its HTML (which carries the data) and the stylesheet."""
    digest = hashlib.sha256()
    for part in (job.html, stylesheet, job.name, str(job.fillable)):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


# --- merging ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Part:
    """A rendered PDF that goes into a merged one, with its bookmark (by default the PDF's own title)."""

    data: bytes
    title: str | None = None


def merge(parts: list[Part], title: str, subject: str) -> bytes:
    """Concatenate rendered PDFs into one, with title, subject, language and a bookmark per part, and with
    their structure trees joined under one /Document element, so the result is tagged (PDF/UA) like its parts.

    pikepdf (qpdf) copies pages without re-parsing their content: several times faster than pure Python.
    """
    import io

    import pikepdf

    out = pikepdf.new()
    tree = out.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
    document = out.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.Document,
                                                    P=tree, K=pikepdf.Array()))
    nums = pikepdf.Array()
    next_key = 0
    with out.open_outline() as outline:
        for part in parts:
            src = pikepdf.open(io.BytesIO(part.data))
            start = len(out.pages)
            out.pages.extend(src.pages)
            part_title = part.title or str(src.docinfo.get("/Title", "")) or None
            if part_title:
                outline.root.append(pikepdf.OutlineItem(part_title, start))
            if "/StructTreeRoot" in src.Root:
                next_key = _join_structure(out, src, start, document, nums, next_key)
    tree.K = pikepdf.Array([document])
    tree.ParentTree = out.make_indirect(pikepdf.Dictionary(Nums=nums))
    tree.ParentTreeNextKey = next_key
    out.Root.StructTreeRoot = tree
    out.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
    out.docinfo["/Title"] = title
    out.docinfo["/Subject"] = subject
    out.docinfo["/Producer"] = "Playing-2-gether site (pikepdf)"
    out.Root.Metadata = out.make_stream(_xmp(title, subject), Type=pikepdf.Name.Metadata,
                                        Subtype=pikepdf.Name.XML)
    out.Root.Lang = pikepdf.String("nl")
    out.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
    buffer = io.BytesIO()
    # fixed /ID and no timestamps: the same parts give the same bytes
    out.save(buffer, deterministic_id=True, compress_streams=True,
             object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return buffer.getvalue()


def _join_structure(out, src, first_page: int, document, nums, next_key: int) -> int:
    """Copy a part's structure tree into ``out``: its elements go under ``document``; its parent-tree keys
    (on its pages and annotations) move up by ``next_key``. Returns the next free key."""
    import pikepdf

    root = out.copy_foreign(src.Root.StructTreeRoot)  # the part's pages were copied already: /Pg finds them
    for page in out.pages[first_page:]:
        if "/StructParents" in page.obj:
            page.obj.StructParents = int(page.obj.StructParents) + next_key
        for annotation in page.obj.get("/Annots", []):
            if "/StructParent" in annotation:
                annotation.StructParent = int(annotation.StructParent) + next_key
    part_nums = root.ParentTree.Nums
    highest = next_key - 1
    for i in range(0, len(part_nums), 2):
        key = int(part_nums[i]) + next_key
        nums.append(key)
        nums.append(part_nums[i + 1])
        highest = max(highest, key)
    kids = root.K if isinstance(root.K, pikepdf.Array) else [root.K]
    for kid in kids:
        for element in (kid.K if kid.get("/S") == "/Document" else [kid]):
            if isinstance(element, pikepdf.Dictionary):
                element.P = document
            document.K.append(element)
    return highest + 1


def _xmp(title: str, subject: str) -> bytes:
    """The XMP metadata PDF/UA asks for: the title, and the claim to follow PDF/UA-1."""
    from xml.sax.saxutils import escape

    return ('<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>\n<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">'
            '<rdf:Description rdf:about="" pdfuaid:part="1" pdf:Producer="Playing-2-gether site (pikepdf)">'
            f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(title)}</rdf:li></rdf:Alt></dc:title>'
            f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{escape(subject)}</rdf:li></rdf:Alt></dc:description>'
            '<dc:language><rdf:Bag><rdf:li>nl</rdf:li></rdf:Bag></dc:language>'
            '</rdf:Description></rdf:RDF>\n</x:xmpmeta>\n<?xpacket end="r"?>').encode("utf-8")


# --- worker processes ------------------------------------------------------------------------------------

def _render(root: str, stylesheet: str, job: PdfJob) -> Rendered:
    return engine_for(Path(root), stylesheet).render(job)


_TASKS = {"render": _render, "merge": merge}


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
        import os
        import threading

        self.workers = workers or min(os.cpu_count() or 1, 4)
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

    def merge(self, parts: list[Part], title: str, subject: str):
        """A future for the merged PDF's bytes."""
        self.prepare(None, None)
        return self._submit("merge", parts, title, subject)

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


def _supervise(jobs, results, workers: int, setup, setup_out) -> None:
    import importlib
    import multiprocessing
    import multiprocessing.connection
    import os

    os.setpgid(0, 0)  # its workers too: the pool can stop them all at once
    build = os.getppid()
    setup_out.close()  # the forked copy of the pool's end: with it open, a closed pool would go unnoticed
    try:
        load_weasyprint()
        importlib.import_module("pikepdf")
    except BaseException as exc:
        results.put((-1, False, PrintError(f"WeasyPrint kon niet starten: {exc}")))
        return
    mark("WeasyPrint geladen")
    try:
        root, stylesheet = setup.recv()
        engine_for(Path(root), stylesheet).warm_up()
        mark("opgewarmd")
    except EOFError:  # closed without a stylesheet (the build stopped, or only merges are asked)
        pass
    except PrintError as exc:  # the jobs will meet it again and report it
        mark(f"opwarmen mislukt: {exc}")
    context = multiprocessing.get_context("fork")
    procs = [context.Process(target=_work, args=(jobs, results), daemon=True) for _ in range(workers)]
    for proc in procs:
        proc.start()
    running = list(procs)
    while running:
        ready = multiprocessing.connection.wait([p.sentinel for p in running], timeout=1)
        if os.getppid() != build:  # the build itself was killed: nobody will send the workers home
            import signal

            os.killpg(0, signal.SIGKILL)
        for sentinel in ready:
            proc = next(p for p in running if p.sentinel == sentinel)
            proc.join()
            running.remove(proc)
            if proc.exitcode != 0:
                results.put((-1, False, PrintError(f"een PDF-proces stopte onverwacht (code {proc.exitcode})")))


def _work(jobs, results) -> None:
    while True:
        message = jobs.get()
        if message is None:
            return
        number, task, args = message
        what = f"{task} {args[-1].name if task == 'render' else args[-2]}"
        mark(what)
        try:
            results.put((number, True, _TASKS[task](*args)))
            mark(what + " klaar")
        except PrintError as exc:
            results.put((number, False, exc))
        except BaseException as exc:  # sent back as a plain message: not every exception can be pickled
            results.put((number, False, PrintError(f"PDF kon niet gemaakt worden: {type(exc).__name__}: {exc}")))
