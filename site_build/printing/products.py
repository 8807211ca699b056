"""Print products, declared once: every PDF the site publishes is an entry of PRODUCTS, with its file name (a
pattern filled in from the content), the print template, whether it is fillable, what content it needs, its group
on the Downloads page and, by its place in the table, its order there. The words a reader sees (a product's title
pattern, its kind on the Downloads page, a group's heading) are in the label catalogue, under 'drukwerk', keyed by
the product's kind and the group's id, so each edition has them in its own language.

From the table come the render jobs (printing/render.py), the planner's order (printing/pipeline.py), the list
of downloads a build publishes (`planned`, known from the content before any PDF is rendered) and the Downloads
page (macros/site/downloads.md.j2). A new product is an entry here and its template in macros/print/.

The site's pages are written while the PDFs are still being rendered; where a page shows a size or a page
count, it holds a marker that templating.markers.filler replaces in the built HTML afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from site_build.authoring import schoolplanning
from site_build.core.labels import Labels
from site_build.core.target import PUBLIC, Target
from site_build.printing.engine import FILLABLE, fillable_name
from site_build.printing.sheets import BIJLAGEN

if TYPE_CHECKING:
    from site_build.content.collection import Content

DOWNLOADS = "downloads"


@dataclass(frozen=True)
class Group:
    """A table of the Downloads page; its heading and caption: 'drukwerk.groepen.<id>' in the catalogue."""

    id: str       # the section's anchor
    order: int


PAKKETTEN = Group("pakketten", 0)
FORMULIEREN = Group("formulieren", 1)


@dataclass(frozen=True)
class Product:
    """One kind of PDF. ``name``, ``template`` and ``subject`` are patterns (str.format) filled in with the fields
    of an item that ``needs`` gives: one PDF per item, none when it gives none. Its title is the pattern
    'drukwerk.titels.<kind>' of the catalogue, its label on the Downloads page 'drukwerk.soorten.<kind>'."""

    kind: str
    name: str
    template: str            # in macros/; a merged product's cover or front matter
    needs: Callable[[Content, Labels], list[dict[str, Any]]]
    group: Group
    fillable: bool = False   # fillable: also '<name>-invulbaar.pdf', labelled 'drukwerk.soorten.invulbaar'
    context: Callable[[Content, dict[str, Any], Labels], dict[str, Any]] | None = None  # more for the template only
    merged: bool = False     # merged by the planner from other PDFs (see pipeline, map_plan)
    subject: str = ""        # a merged PDF's subject (a pattern; 'drukwerk.onderwerpen.<kind>' when empty)
    trainer: bool = False    # only in the trainer edition
    rank: int = 3            # when the planner hands its work to a worker, lowest first (see PdfJob.rank)

    def items(self, content: Content, labels: Labels | None = None) -> list[Item]:
        labels = labels or content.labels()
        title = str(labels.drukwerk.titels[self.kind])
        return [Item(self, self.name.format(**f), title.format(**f), self.template.format(**f), f)
                for f in self.needs(content, labels)]

    def label(self, labels: Labels) -> str:
        """Its kind on the Downloads page."""
        return str(labels.drukwerk.soorten[self.kind])

    def subject_of(self, labels: Labels, **fields: Any) -> str:
        return self.subject.format(**fields) if self.subject else str(labels.drukwerk.onderwerpen[self.kind])


@dataclass(frozen=True)
class Item:
    """One PDF of a product, with the fields its patterns were filled in with."""

    product: Product
    name: str
    title: str
    template: str
    fields: dict[str, Any] = field(compare=False)


def telwoord(n: int, labels: Labels) -> str:
    """A small count as a word ('vijf'), a larger one in digits."""
    words = labels.getal.telwoorden
    return str(words[n]) if 0 <= n < len(words) else str(n)


def _forms(c: Content, w: Labels) -> list[dict[str, Any]]:
    # a letter is handed out as it is: its own layout, without the instructions for staff
    return [dict(inst=i, vorm="brief" if i.soort == "brief" else "formulier") for i in c.instrumenten]


def _form_context(c: Content, f: dict[str, Any], w: Labels) -> dict[str, Any]:
    return dict(secties=c.secties(f["inst"]), richtlijnen=c.richtlijnen(f["inst"]))


def _cards(c: Content, w: Labels) -> list[dict[str, Any]]:
    return [dict(aantal_vaardigheden=telwoord(len(c.vaardigheden), w),
                 aantal_donts=telwoord(sum(1 for d in c.donts if d.kern), w))]


def _sheets(c: Content, w: Labels) -> list[dict[str, Any]]:
    return [dict(bijlage=b, bijlage_titel=w.text(f"drukwerk.bijlagen.{b.id}.titel")) for b in BIJLAGEN.values()]


def _plan_context(c: Content, f: dict[str, Any], w: Labels) -> dict[str, Any]:
    from site_build.authoring.plan import datum, school_year
    from site_build.authoring.schoolplanning import moments

    p = c.planning
    return dict(momenten=moments(c), start=p.start, schooljaar=school_year(p.start), datum=lambda day: datum(day, w))


PRODUCTS: tuple[Product, ...] = (
    Product("formulier", "{inst.id}.pdf", "print/{vorm}.html.j2", _forms, FORMULIEREN, fillable=True,
            context=_form_context, rank=4),
    Product("pakket", "pakket-{b.id}.pdf", "print/omslag.html.j2",
            lambda c, w: [dict(cyclus=cy, b=b) for cy, b in c.bijeenkomsten() if b.instrumenten],
            PAKKETTEN, merged=True, subject="{b.kort.tekst}", rank=2),
    Product("map", "complete-map.pdf", "print/map.html.j2", lambda c, w: [{}], PAKKETTEN, merged=True, rank=2),
    Product("zakkaarten", "zakkaarten.pdf", "print/kaarten.html.j2", _cards, PAKKETTEN),
    Product("morgen-beginnen", "morgen-beginnen.pdf", "print/morgen.html.j2", lambda c, w: [dict(morgen=c.morgen)],
            PAKKETTEN),
    Product("bijlage", "{bijlage.name}", "{bijlage.template}", _sheets, PAKKETTEN),
    Product("planning", schoolplanning.PDF, "print/plan.html.j2",
            lambda c, w: [dict(planning=c.planning)] if c.planning is not None else [], PAKKETTEN,
            context=_plan_context),
    Product("draaiboek", "draaiboek-{cyclus.id}.pdf", "print/draaiboek.html.j2",
            lambda c, w: [dict(cyclus=cy) for cy in c.plg.cycli], PAKKETTEN, trainer=True),
)
BY_KIND = {p.kind: p for p in PRODUCTS}


def products(target: Target = PUBLIC) -> list[Product]:
    """The products of an edition, in the order of the Downloads page."""
    return [p for p in PRODUCTS if target.shows(p.trainer)]


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


def downloads_of(item: Item, labels: Labels) -> list[Download]:
    """The files one item publishes: the PDF, and for a fillable product its fillable twin."""
    p = item.product
    result = [Download(item.name, item.title, p.kind, p.label(labels), p.group)]
    if p.fillable:
        result.append(Download(fillable_name(item.name), item.title, FILLABLE, str(labels.drukwerk.soorten.invulbaar),
                               p.group))
    return result


def planned(content: Content, target: Target = PUBLIC) -> list[Download]:
    """Every PDF of the site, in the order of the Downloads page."""
    w = content.labels()
    return [d for p in products(target) for item in p.items(content, w) for d in downloads_of(item, w)]


def file_name(kind: str, **fields: Any) -> str:
    """The file name of one PDF of a product, e.g. file_name('pakket', b=meeting)."""
    return BY_KIND[kind].name.format(**fields)


def title_of(content: Content, kind: str, labels: Labels | None = None) -> str:
    """The title of a product that makes one PDF (the pocket cards, the Morgen card), e.g. on a pack's cover."""
    (item,) = BY_KIND[kind].items(content, labels)
    return item.title
