"""Print HTML: turns the content into the HTML of every PDF through the print templates in macros/print/ and
one print stylesheet: the products of printing/products.py, and the parts the planner merges into packs and
the map (covers, the map's front pages and page numbers). The PDFs themselves are made by printing/engine.py."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup, escape

from site_build.content import models as m
from site_build.content.collection import Content
from site_build.core.target import PUBLIC, Target
from site_build.printing.engine import (
    Engines,
    PdfEngine,
    PdfJob,
    PrintError,
    Rendered,
    font_files,
    job_key,
    make_fetcher,
)
from site_build.printing.products import BY_KIND, Item, products, title_of
from site_build.printing.sheets import in_map, in_pack
from site_build.templating.environment import environment
from site_build.templating.text import prose, prose_inline

# the engine's names that callers of this module use too
__all__ = ["PrintRenderer", "PdfJob", "PrintError", "Rendered", "job_key", "make_fetcher"]


def aanwijzing_soort(inst: m.Instrument) -> str:
    """Which title the box of guidance on a form gets: 'drukwerk.formulier.aanwijzingen.<this>' in the catalogue."""
    if "interviewer" in inst.voor:
        return "interviewer"
    if inst.soort in ("intervisie", "brief"):
        return inst.soort
    return "anders"


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
            return f'<a href="{escape(site_url.rstrip("/") + "/" + path)}">{inner}</a>'
        return inner

    linked = re.sub(r'<a href="([^"]*)"[^>]*>(.*?)</a>', fix, str(html))
    # a link whose unsafe target was dropped (see text._SafeLinks) keeps only its text on paper: an <a> without
    # a target would point the print stylesheet's page references at nothing
    return Markup(re.sub(r"<a(?![^>]*\bhref=)[^>]*>(.*?)</a>", r"\1", linked))


class PrintRenderer:
    """Renders print HTML from the content and PDFs from that HTML; one per process."""

    def __init__(self, content: Content):
        self.content = content
        self.root = content.root
        self.env: Environment = environment(self.root, content.editie.taal)
        self.labels = self.env.globals["t"]
        self.env.globals.update(aanwijzing_soort=aanwijzing_soort, bijlagen_van=lambda b: in_pack(content, b),
                                drukwerk_titel=lambda kind: title_of(content, kind, self.labels))
        # On paper a link to another page of the site becomes an absolute web address when the edition has
        # one, and plain text otherwise (never a file:// path of the machine that built it).
        self.env.filters["prose"] = lambda text: print_links(prose(text), content.editie.url)
        self.env.filters["prose_inline"] = lambda text: print_links(prose_inline(text), content.editie.url)
        self.fonts = font_files()
        self._stylesheet: str | None = None
        self.engines = Engines()  # this renderer's own: nothing of a build outlives it

    # --- HTML ---------------------------------------------------------------------------------
    def _context(self, **extra: Any) -> dict[str, Any]:
        return dict(c=self.content, editie=self.content.editie, logo_uri=self._logo_uri(), **extra)

    def _logo_uri(self) -> str | None:
        """The logo as a data: URL: its bytes are in the HTML, so in every PDF's cache key, and the PDF fetcher
        never needs to read a file of the content (see engine.make_fetcher)."""
        if not hasattr(self, "_logo"):
            import base64

            from site_build.core.files import read_logo

            logo = self.content.editie.logo
            data = read_logo(self.root, logo) if logo else None
            mime = "image/svg+xml" if logo and logo.endswith(".svg") else "image/png"
            self._logo = f"data:{mime};base64,{base64.b64encode(data).decode()}" if data else None
        return self._logo

    def stylesheet_text(self) -> str:
        """The print stylesheet with this edition's values (rendered once: the content does not change)."""
        if self._stylesheet is None:
            fonts = {k: v.resolve().as_uri() for k, v in self.fonts.items()}
            self._stylesheet = self.env.get_template("print/print.css.j2").render(self._context(fonts=fonts))
        return self._stylesheet

    def cache_basis(self) -> str:
        """Everything besides a job's HTML that its PDF depends on: both stylesheets, the code that renders,
        fills in and merges PDFs, and the versions of the libraries that do the work."""
        from importlib.metadata import version

        here = Path(__file__).parent
        parts = [self.stylesheet_text(), (self.root / "macros" / "print" / "ua.css").read_text(encoding="utf-8"),
                 *((here / name).read_text(encoding="utf-8") for name in ("engine.py", "fields.py", "merge.py", "stamp.py")),
                 *(f"{p}={version(p)}" for p in ("weasyprint", "pikepdf", "pydyf", "fonttools", "font-lato"))]
        return "\0".join(parts)

    def html(self, item: Item) -> str:
        """One PDF's print HTML, from its product's template and the item's fields (``titel``: its title)."""
        p = item.product
        extra = p.context(self.content, item.fields, self.labels) if p.context else {}
        return self.env.get_template(item.template).render(self._context(**item.fields, **extra, titel=item.title))

    def jobs(self, target: Target = PUBLIC, kinds: set[str] | None = None) -> list[PdfJob]:
        """A job per PDF of every product rendered from one template (or of those of ``kinds``), in the order
        of the table; merged products are the planner's (see pipeline)."""
        return [PdfJob(item.name, self.html(item), item.title, fillable=p.fillable, rank=p.rank)
                for p in products(target) if not p.merged and (kinds is None or p.kind in kinds)
                for item in p.items(self.content, self.labels)]

    def cover_job(self, cyclus: m.Cyclus, b: m.Bijeenkomst, pages: dict[str, int]) -> PdfJob:
        """A pack's cover, with the page counts of its forms (a document per pack: editing a form re-renders
        only the covers that list it)."""
        w = self.labels
        titel = w.text("drukwerk.titels.pakket").format(cyclus=cyclus, b=b)
        html = self.env.get_template("print/omslag.html.j2").render(self._context(
            cyclus=cyclus, b=b, pages=pages, bijlagen=in_pack(self.content, b), titel=titel))
        nummer = f"{cyclus.nummer}.{b.nummer}"
        return PdfJob(f"omslag-{b.id}.pdf", html, w.text("drukwerk.omslag.lopende_titel").format(nummer=nummer), rank=1)

    def map_job(self, pages: dict[str, int], front_pages: int) -> PdfJob:
        """The map's cover and contents; ``pages`` holds the page count of every form and attachment."""
        inhoud, start = [], front_pages + 1
        for inst in self.content.instrumenten:
            inhoud.append((inst, start))
            start += pages[inst.id]
        bijlagen = []
        for b in in_map(self.content):
            bijlagen.append((b, start))
            start += pages[b.name.removesuffix(".pdf")]
        map_ = BY_KIND["map"]
        titel = title_of(self.content, "map", self.labels)
        html = self.env.get_template(map_.template).render(self._context(inhoud=inhoud, bijlagen=bijlagen, titel=titel))
        return PdfJob("map-voorwerk.pdf", html, titel, rank=0)

    NUMBERS_PER_JOB = 150  # WeasyPrint lays out a long run of pages a little slower per page (3.2 ms a page at 150,
    # 4.2 at 1200: issue 13), so the numbers come in parts of this many pages, which grow in line with the map

    def map_numbers_jobs(self, total: int) -> list[PdfJob]:
        """The complete map's running page numbers: ``total`` pages holding only a number (none on the cover),
        in parts of NUMBERS_PER_JOB pages, laid over the merged map's pages in order."""
        template = self.env.get_template("print/map-nummers.html.j2")
        title = self.labels.text("drukwerk.map.paginanummers")
        return [PdfJob(f"map-nummers-{first // self.NUMBERS_PER_JOB + 1}.pdf",
                       template.render(self._context(first=first + 1, last=min(total, first + self.NUMBERS_PER_JOB),
                                                     total=total)), title, rank=0)
                for first in range(0, total, self.NUMBERS_PER_JOB)]

    # --- PDF ----------------------------------------------------------------------------------
    def engine(self) -> PdfEngine:
        return self.engines.get(self.root, self.stylesheet_text())

    def close(self) -> None:
        self.engines.close()

    def warm_up(self) -> None:
        self.engine().warm_up()

    def pdf_bytes(self, html: str) -> bytes:
        return self.engine().pdf_bytes(html)

    def render(self, job: PdfJob) -> Rendered:
        return self.engine().render(job)
