"""Print rendering: turns instruments into A4 PDF forms (blank and fillable) with WeasyPrint, through the
print templates in macros/print/ and one print stylesheet. WeasyPrint is imported once per process; its font
configuration and the parsed stylesheet are reused for every PDF."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from . import models as m
from .fields import FieldError, add_fields, fields_of
from .problems import warnings_of
from .render_site import environment
from .text import prose, prose_inline
from .validate import Content

SOORT_LABELS = {
    "interview": "interview", "schriftelijke-reflectie": "schriftelijke reflectie", "intervisie": "intervisie",
    "plan": "plan", "oefening": "oefening", "observatie": "observatieformulier", "leidraad": "leidraad",
    "monitoring": "monitoring", "brief": "brief",
}


def aanwijzing_titel(inst: m.Instrument) -> str:
    if "interviewer" in inst.voor:
        return "Voor de interviewer"
    if inst.soort == "intervisie":
        return "Voor wie de intervisie leidt"
    if inst.soort == "brief":
        return "Voor de school"
    return "Aanwijzingen"


def print_links(html: Markup, site_url: str | None) -> Markup:
    import re

    def fix(match: "re.Match[str]") -> str:
        href, inner = match.group(1), match.group(2)
        if href.startswith(("http:", "https:", "mailto:")):
            return match.group(0)
        if site_url:
            import posixpath

            # print prose comes from instruments, whose site pages live in instrumenten/
            path = posixpath.normpath(posixpath.join("instrumenten", href))
            return f'<a href="{site_url.rstrip("/")}/{path}">{inner}</a>'
        return inner

    return Markup(re.sub(r'<a href="([^"]*)"[^>]*>(.*?)</a>', fix, str(html)))


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


class PrintRenderer:
    """Renders print HTML from the content and PDFs from that HTML; one per process."""

    def __init__(self, content: Content):
        self.content = content
        self.root = content.root
        self.env: Environment = environment(self.root)
        self.env.globals.update(soort_label=lambda s: SOORT_LABELS.get(s, s), aanwijzing_titel=aanwijzing_titel)
        # On paper a link to another page of the site becomes an absolute web address when the edition has
        # one, and plain text otherwise (never a file:// path of the machine that built it).
        self.env.filters["prose"] = lambda text: print_links(prose(text), content.editie.url)
        self.env.filters["prose_inline"] = lambda text: print_links(prose_inline(text), content.editie.url)
        self.fonts = font_files()
        self._css = None
        self._font_config = None
        # WeasyPrint's FontConfiguration cleans up in __del__, which fails when it runs during interpreter
        # shutdown (after its modules are gone): let go of it while everything is still loaded.
        import atexit

        atexit.register(self._release)

    def _release(self) -> None:
        self._css = None
        self._font_config = None

    # --- HTML ---------------------------------------------------------------------------------
    def _context(self, **extra: Any) -> dict[str, Any]:
        logo = self.content.editie.logo
        logo_uri = (self.root / "content" / logo).resolve().as_uri() if logo else None
        return dict(c=self.content, editie=self.content.editie, logo_uri=logo_uri, **extra)

    def stylesheet_text(self) -> str:
        fonts = {k: v.resolve().as_uri() for k, v in self.fonts.items()}
        return self.env.get_template("print/print.css.j2").render(self._context(fonts=fonts))

    def cache_basis(self) -> str:
        """Everything besides a job's HTML that its PDF depends on: both stylesheets, the code that renders
        and fills in forms, and the versions of the libraries that do the work."""
        from importlib.metadata import version

        here = Path(__file__).parent
        parts = [self.stylesheet_text(), (self.root / "macros" / "print" / "ua.css").read_text(encoding="utf-8"),
                 (here / "render_print.py").read_text(encoding="utf-8"), (here / "fields.py").read_text(encoding="utf-8"),
                 *(f"{p}={version(p)}" for p in ("weasyprint", "pikepdf", "pydyf", "fonttools", "font-lato"))]
        return "\0".join(parts)

    def form_html(self, inst: m.Instrument) -> str:
        return self.env.get_template("print/formulier.html.j2").render(self._context(
            inst=inst, secties=self.content.secties(inst), richtlijnen=self.content.richtlijnen(inst)))

    def jobs(self) -> list[PdfJob]:
        """One job per instrument, giving its blank and its fillable form."""
        return [PdfJob(f"{inst.id}.pdf", self.form_html(inst), inst.titel, fillable=True)
                for inst in self.content.instrumenten]

    def extra_jobs(self) -> list[PdfJob]:
        """The pocket cards (covers and the map's front matter need page counts: see cover_job, map_job)."""
        return [PdfJob("zakkaarten.pdf", self.env.get_template("print/kaarten.html.j2").render(self._context()),
                       "Zakkaarten: vijf vaardigheden en vier don'ts")]

    def cover_job(self, cyclus: m.Cyclus, b: m.Bijeenkomst, pages: dict[str, int]) -> PdfJob:
        """A pack's cover, with the page counts of its forms (a document per pack: editing a form re-renders
        only the covers that list it)."""
        html = self.env.get_template("print/omslag.html.j2").render(self._context(cyclus=cyclus, b=b, pages=pages))
        return PdfJob(f"omslag-{b.id}.pdf", html, f"Printpakket bijeenkomst {cyclus.nummer}.{b.nummer}")

    def draaiboek_jobs(self) -> list[PdfJob]:
        """Trainer edition only: one facilitator's script per cycle."""
        result = []
        for cyclus in self.content.plg.cycli:
            html = self.env.get_template("print/draaiboek.html.j2").render(self._context(cyclus=cyclus))
            result.append(PdfJob(f"draaiboek-{cyclus.id}.pdf", html, f"Draaiboek {cyclus.titel}"))
        return result

    def map_job(self, pages: dict[str, int], front_pages: int) -> PdfJob:
        inhoud, start = [], front_pages + 1
        for inst in self.content.instrumenten:
            inhoud.append((inst, start))
            start += pages[inst.id]
        html = self.env.get_template("print/map.html.j2").render(self._context(inhoud=inhoud))
        return PdfJob("map-voorwerk.pdf", html, "Complete map: alle formulieren")

    # --- PDF ----------------------------------------------------------------------------------
    def _weasy(self):
        if self._css is None:
            load_weasyprint()
            from weasyprint import CSS
            from weasyprint.text.fonts import FontConfiguration

            self._font_config = FontConfiguration()
            self._fetcher = make_fetcher([self.root, self.fonts["regular"].parent])
            self._html = print_html_class(CSS(filename=str(self.root / "macros" / "print" / "ua.css")))
            self._css = CSS(string=self.stylesheet_text(), font_config=self._font_config,
                            url_fetcher=self._fetcher, base_url=str(self.root / "macros" / "print") + "/")
        return self._css, self._font_config

    def warm_up(self) -> None:
        """Load fonts and parse the stylesheet now (before forking workers), with one tiny render."""
        self.pdf_bytes('<html lang="nl"><title>-</title><body><p>Playing-2-gether <b>vet</b> <i>schuin</i></p></body></html>')

    def pdf_bytes(self, html: str) -> bytes:
        """One PDF from one HTML document (no form fields)."""
        return self.render(PdfJob("document.pdf", html, "")).files["document.pdf"]

    def render(self, job: PdfJob) -> Rendered:
        css, font_config = self._weasy()
        HTML = self._html
        options = dict(pdf_variant="pdf/ua-1", pdf_tags=True, pdf_identifier=b"playing-2-gether")
        with warnings_of("weasyprint") as warnings:
            try:
                document = HTML(string=job.html, base_url=str(self.root / "macros" / "print") + "/",
                                url_fetcher=self._fetcher).render(
                    stylesheets=[css], font_config=font_config, pdf_forms=job.fillable, **options)
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


def job_key(job: PdfJob, stylesheet: str) -> str:
    """Content hash of everything one PDF depends on: its HTML (which carries the data) and the stylesheet."""
    digest = hashlib.sha256()
    for part in (job.html, stylesheet, job.name, str(job.fillable)):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()
