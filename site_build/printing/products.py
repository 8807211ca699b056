"""Print products, declared once: every PDF the site publishes is an entry of PRODUCTS, with its file name and
title (patterns filled in from the content), the print template, whether it is fillable, what content it needs,
its label and group on the Downloads page and, by its place in the table, its order there.

From the table come the render jobs (printing/render.py), the planner's order (printing/pipeline.py), the list
of downloads a build publishes (`planned`, known from the content before any PDF is rendered) and the Downloads
page (macros/site/downloads.md.j2). A new product is an entry here and its template in macros/print/.

The site's pages are written while the PDFs are still being rendered; where a page shows a size or a page
count, it holds a marker that templating.markers.fill_in replaces in the built HTML afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from site_build.printing.engine import FILLABLE, fillable_name
from site_build.printing.sheets import BIJLAGEN

if TYPE_CHECKING:
    from site_build.content.collection import Content

DOWNLOADS = "downloads"


@dataclass(frozen=True)
class Group:
    """A table of the Downloads page."""

    id: str       # the section's anchor
    order: int
    heading: str
    caption: str


PAKKETTEN = Group("pakketten", 0, "Per bijeenkomst", "Printpakketten: alles wat je voor één bijeenkomst print")
FORMULIEREN = Group("formulieren", 1, "Per formulier", "Formulieren, om te printen en om op de computer in te vullen")


@dataclass(frozen=True)
class Product:
    """One kind of PDF. ``name``, ``title``, ``template`` and ``subject`` are patterns (str.format) filled in
    with the fields of an item that ``needs`` gives: one PDF per item, none when it gives none."""

    kind: str
    name: str
    title: str
    template: str            # in macros/; a merged product's cover or front matter
    needs: Callable[[Content], list[dict[str, Any]]]
    label: str               # the column 'Soort' on the Downloads page
    group: Group
    fillable: str | None = None  # fillable: also '<name>-invulbaar.pdf', listed with this label
    context: Callable[[Content, dict[str, Any]], dict[str, Any]] | None = None  # more for the template only
    merged: bool = False     # merged by the planner from other PDFs (see pipeline, map_plan)
    subject: str = ""        # a merged PDF's subject
    trainer: bool = False    # only in the trainer edition
    rank: int = 3            # when the planner hands its work to a worker, lowest first (see PdfJob.rank)

    def items(self, content: Content) -> list[Item]:
        return [Item(self, self.name.format(**f), self.title.format(**f), self.template.format(**f), f)
                for f in self.needs(content)]


@dataclass(frozen=True)
class Item:
    """One PDF of a product, with the fields its patterns were filled in with."""

    product: Product
    name: str
    title: str
    template: str
    fields: dict[str, Any] = field(compare=False)


TELWOORDEN = ("nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf")


def telwoord(n: int) -> str:
    return TELWOORDEN[n] if 0 <= n < len(TELWOORDEN) else str(n)


def _forms(c: Content) -> list[dict[str, Any]]:
    # a letter is handed out as it is: its own layout, without the instructions for staff
    return [dict(inst=i, vorm="brief" if i.soort == "brief" else "formulier") for i in c.instrumenten]


def _form_context(c: Content, f: dict[str, Any]) -> dict[str, Any]:
    return dict(secties=c.secties(f["inst"]), richtlijnen=c.richtlijnen(f["inst"]))


def _cards(c: Content) -> list[dict[str, Any]]:
    return [dict(aantal_vaardigheden=telwoord(len(c.vaardigheden)),
                 aantal_donts=telwoord(sum(1 for d in c.donts if d.kern)))]


def _plan_context(c: Content, f: dict[str, Any]) -> dict[str, Any]:
    from site_build.authoring.plan import datum_nl
    from site_build.authoring.schoolplanning import moments

    p = c.planning
    end_year = p.start.year + 1 if p.start.month >= 8 else p.start.year
    return dict(momenten=moments(c), start=p.start, schooljaar=f"{end_year - 1}-{end_year}", datum=datum_nl)


PRODUCTS: tuple[Product, ...] = (
    Product("formulier", "{inst.id}.pdf", "{inst.titel}", "print/{vorm}.html.j2", _forms, "printen", FORMULIEREN,
            fillable="invullen op de computer", context=_form_context, rank=4),
    Product("pakket", "pakket-{b.id}.pdf", "Printpakket bijeenkomst {cyclus.nummer}.{b.nummer}: {b.titel}",
            "print/omslag.html.j2", lambda c: [dict(cyclus=cy, b=b) for cy, b in c.bijeenkomsten() if b.instrumenten],
            "printpakket", PAKKETTEN, merged=True, subject="{b.kort.tekst}", rank=2),
    Product("map", "complete-map.pdf", "Complete map: alle formulieren", "print/map.html.j2", lambda c: [{}],
            "complete map", PAKKETTEN, merged=True, subject="Alle formulieren van het Playing-2-gether-traject",
            rank=2),
    Product("zakkaarten", "zakkaarten.pdf", "Zakkaarten: {aantal_vaardigheden} vaardigheden en {aantal_donts} don'ts",
            "print/kaarten.html.j2", _cards, "zakkaarten", PAKKETTEN),
    Product("morgen-beginnen", "morgen-beginnen.pdf", "{morgen.titel}: kaart (A5, vier kanten)",
            "print/morgen.html.j2", lambda c: [dict(morgen=c.morgen)], "zakkaarten", PAKKETTEN),
    Product("bijlage", "{bijlage.name}", "{bijlage.title}", "{bijlage.template}",
            lambda c: [dict(bijlage=b) for b in BIJLAGEN.values()], "om klaar te leggen", PAKKETTEN),
    Product("planning", "jaarplanning.pdf", "{planning.titel}", "print/plan.html.j2",
            lambda c: [dict(planning=c.planning)] if c.planning is not None else [], "jaarplanning", PAKKETTEN,
            context=_plan_context),
    Product("draaiboek", "draaiboek-{cyclus.id}.pdf", "Draaiboek {cyclus.titel}", "print/draaiboek.html.j2",
            lambda c: [dict(cyclus=cy) for cy in c.plg.cycli], "draaiboek (trainers)", PAKKETTEN, trainer=True),
)
BY_KIND = {p.kind: p for p in PRODUCTS}


def products(trainer: bool = False) -> list[Product]:
    """The products of an edition, in the order of the Downloads page."""
    return [p for p in PRODUCTS if trainer or not p.trainer]


@dataclass(frozen=True)
class Download:
    name: str
    title: str
    kind: str                # a product's kind, or 'invulbaar' for a fillable form
    label: str = ""
    group: Group = PAKKETTEN
    size: int | None = None  # None while the PDF is not rendered yet
    pages: int | None = None

    @property
    def path(self) -> str:
        return f"{DOWNLOADS}/{self.name}"

    def done(self, size: int, pages: int) -> Download:
        return replace(self, size=size, pages=pages)


def downloads_of(item: Item) -> list[Download]:
    """The files one item publishes: the PDF, and for a fillable product its fillable twin."""
    p = item.product
    result = [Download(item.name, item.title, p.kind, p.label, p.group)]
    if p.fillable:
        result.append(Download(fillable_name(item.name), item.title, FILLABLE, p.fillable, p.group))
    return result


def planned(content: Content, trainer: bool = False) -> list[Download]:
    """Every PDF of the site, in the order of the Downloads page."""
    return [d for p in products(trainer) for item in p.items(content) for d in downloads_of(item)]


def file_name(kind: str, **fields: Any) -> str:
    """The file name of one PDF of a product, e.g. file_name('pakket', b=meeting)."""
    return BY_KIND[kind].name.format(**fields)
