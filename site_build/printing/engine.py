"""The PDF engine: turns print HTML into PDF bytes with WeasyPrint. The only module that imports WeasyPrint,
and it imports nothing of the content or the templates, so the worker processes that render PDFs start fast
(see printing/pool.py). Per process, WeasyPrint is imported once and each stylesheet is parsed once (see
Engines). Merging PDFs is printing/merge.py.

Where a form's CPU goes (issue 13, the twelve forms at today's content): WeasyPrint's layout 1.5 s, write_pdf 0.8 s
(drawing the text is most of it), parsing the HTML about 0.2 s of the layout,
the cascade 0.1 to 0.3 s, adding the form fields 0.2 s, the font check 0.02 s.

Measured and left out: replacing pydyf's zlib level 9 by 6 and WeasyPrint's per-font cffi array type took a sixth off
write_pdf (0.94 -> 0.78 CPU-s for the twelve forms), but only by patching both libraries' module globals; code tied
to another library's internals breaks silently on its next release, so the gain does not earn it."""

from __future__ import annotations

import hashlib
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from site_build.core.problems import (
    PrintError,  # noqa: F401 (re-exported)
    warnings_of,
)
from site_build.printing.fields import FieldError, add_fields, fields_of
from site_build.printing.fonts import check_layout


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
    """A URL fetcher that serves only what print needs, and refuses everything else.

    ``allowed`` are the files (fonts) and folders (the print stylesheet's) it may read; the logo comes as a data:
    URL (an image only). Nothing else of the repository (.git/config!) or the machine can reach a PDF, whatever the
    HTML asks for. A plain exception in a fetcher only makes WeasyPrint log a warning and carry on;
    FatalURLFetchingError stops the render.
    """
    load_weasyprint()
    from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

    roots = [p.resolve() for p in allowed]

    class ProjectFetcher(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
            from urllib.parse import unquote, urlparse

            if url.startswith(("data:image/png;base64,", "data:image/svg+xml;base64,")):
                import base64

                mime, data = url[5:].split(";base64,", 1)
                return URLFetcherResponse(url, body=base64.b64decode(data), headers={"Content-Type": mime})
            parsed = urlparse(url)
            if parsed.scheme != "file" or parsed.netloc not in ("", "localhost"):
                raise FatalURLFetchingError(f"geweigerd: {url[:80]} (alleen de lettertypen en het logo)")
            path = Path(unquote(parsed.path))
            if path.is_symlink() or not any(path.resolve() == r or r in path.resolve().parents for r in roots) \
                    or not path.is_file():
                raise FatalURLFetchingError(f"geweigerd: {path.name} (alleen de lettertypen en het logo)")
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
    rank: int = 3           # when the planner hands it to a worker, lowest first (see products.Product.rank)

    @property
    def names(self) -> list[str]:
        return [self.name, fillable_name(self.name)] if self.fillable else [self.name]


FILLABLE = "invulbaar"  # a fillable form is '<name>-invulbaar.pdf', listed as a download of this kind


def fillable_name(name: str) -> str:
    return name.removesuffix(".pdf") + f"-{FILLABLE}.pdf"


@dataclass
class Rendered:
    """What one job gives: the PDF bytes by file name, and the page count (known from the layout)."""

    files: dict[str, bytes]
    pages: int


class PdfEngine:
    """Renders PDFs with one stylesheet for one project; a build gets it from its `Engines`."""

    def __init__(self, root: Path, stylesheet: str):
        load_weasyprint()
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration

        self.root = root
        self.fonts = font_files()
        self.base_url = str(root / "macros" / "print") + "/"
        self.font_config = FontConfiguration()
        # only the print stylesheet's folder and the font files (see make_fetcher)
        self.fetcher = make_fetcher([root / "macros" / "print", *self.fonts.values()])
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
        """The job laid out in pages (a WeasyPrint Document), not yet written. No PDF carries attachments:
        those asked for by the HTML (<link rel=attachment>, <a rel=attachment>) are dropped here."""
        document = self.html(string=job.html, base_url=self.base_url, url_fetcher=self.fetcher).render(
            stylesheets=[self.css], font_config=self.font_config, pdf_forms=job.fillable, **self.OPTIONS)
        document.metadata.attachments = []
        _language_in_xmp(document.metadata)
        for page in document.pages:
            page.links = [link for link in page.links if link[0] != "attachment"]
        return document

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
        check_layout(document, job.name)  # no glyph from a system font (see pdf_fonts)
        # WeasyPrint only logs problems (a missing image, an unknown CSS property): we stop on them
        if warnings:
            raise PrintError("WeasyPrint meldde: " + "; ".join(warnings))
        return Rendered(files, len(document.pages))


def _language_in_xmp(metadata: Any) -> None:
    """Have the XMP metadata name the document's language (dc:language, from <html lang>) like a merged PDF's
    (printing/merge.py): WeasyPrint writes it only as the catalog's /Lang."""
    if not metadata.lang:
        return
    from xml.etree.ElementTree import SubElement, fromstring, tostring

    rdf_ns, dc_ns = "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://purl.org/dc/elements/1.1/"
    generate = metadata.generate_rdf_metadata

    def with_language(*args: Any) -> bytes:
        rdf = fromstring(generate(*args))
        description = SubElement(rdf, f"{{{rdf_ns}}}Description", {f"{{{rdf_ns}}}about": ""})
        bag = SubElement(SubElement(description, f"{{{dc_ns}}}language"), f"{{{rdf_ns}}}Bag")
        SubElement(bag, f"{{{rdf_ns}}}li").text = metadata.lang
        return tostring(rdf, encoding="utf-8")

    metadata.generate_rdf_metadata = with_language


class Engines:
    """The engines of one build (or of one worker process), by project and stylesheet, made on first use."""

    def __init__(self) -> None:
        self._engines: dict[tuple[str, str], PdfEngine] = {}
        # WeasyPrint's FontConfiguration cleans up in __del__, which fails when it runs during interpreter
        # shutdown (after its modules are gone): let go of the engines while everything is still loaded.
        weakref.finalize(self, self._engines.clear)

    def get(self, root: Path, stylesheet: str) -> PdfEngine:
        key = (str(root), hashlib.sha256(stylesheet.encode("utf-8")).hexdigest())
        if key not in self._engines:
            self._engines[key] = PdfEngine(root, stylesheet)
        return self._engines[key]

    def close(self) -> None:
        self._engines.clear()


def job_key(job: PdfJob, basis: str) -> str:
    """Content hash of everything one PDF depends on: its HTML (which carries the data) and ``basis``, what all
    PDFs depend on (PrintRenderer.cache_basis: stylesheets, rendering code, library versions)."""
    digest = hashlib.sha256()
    for part in (job.html, basis, job.name, str(job.fillable)):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()
