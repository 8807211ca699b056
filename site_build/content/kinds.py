"""Kinds of content, declared once: where each kind lives (a folder with one item per file, or one file), its model,
its schema name, the pages it makes (path, the key of its title in the label catalogue macros/labels/<taal>.yml,
template under macros/, section), its name for `p2g new`, and how its items are ordered. Loading (validate.py),
Content's attributes and lookups (collection.py), the schema files (schema.py), scaffolding and the CLI's choices,
page paths and titles (pages.py), rendering and navigation are all derived from KINDS: a new kind is one entry here,
its model, its template(s) and, when its page has a fixed title, that title's label.

References and uniqueness are not declared here but on the model's fields (``Ref``, ``Unique`` in ids.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable, NamedTuple

from site_build.content import models as m
from site_build.content.order import method_order
from site_build.content.planning import load_planning


class LabelTitle(NamedTuple):
    """A title worded by the label catalogue (macros/labels/<taal>.yml), in the edition's language: the label's key
    and the values of its '{name}' places ('bijeenkomst.titel', {'nummer': '1.2', 'titel': ...})."""

    key: str
    values: dict[str, Any]


class PageItem(NamedTuple):
    """One of the pages a Page makes per item: its id (for the path), title (written in the content, or worded by
    the catalogue), template variables and, when it is not the Page's own template, which of the Page's templates
    it uses."""

    id: str
    title: str | LabelTitle
    vars: dict[str, Any]
    template: str | None = None


@dataclass(frozen=True)
class Page:
    """A page (or, with ``each``, one page per item) that a kind makes on the site."""

    path: str  # the page's path; with '{id}' when there is one page per item
    template: str  # under macros/, for example 'site/vaardigheid.md.j2'
    section: str  # the navigation section (site/sitemap.py SECTIONS); '' for a page at the top
    # the key of its title in the label catalogue ('nav.overzicht'), read in the edition's language (content/pages.py),
    # or a function of the Content for a title written in the content
    title: str | Callable[[Any], str] = ""
    each: Callable[[Any], Iterable[PageItem]] | None = None  # one page per item, from the Content
    also: tuple[str, ...] = ()  # further templates the items of ``each`` use
    first: bool = False  # opens its section, before the pages of kinds declared earlier
    extra: str = ""  # more template variables that the site renderer makes (SiteRenderer._extra_<extra>)

    @property
    def templates(self) -> tuple[str, ...]:
        return (self.template,) + self.also


@dataclass(frozen=True)
class Kind:
    """One kind of content. A kind with a ``folder`` is a list (content.<name>, one item per file, each looked up
    by content.<schema>(id)); a kind with a ``file`` is one object; a kind with neither has only a schema."""

    name: str  # its attribute on Content, and its name in the Dutch hints ('Vaardigheden staan in ...')
    model: type[m.Model]
    schema: str  # schema/<schema>.schema.json; for a folder kind also the name of one item ('vaardigheid')
    folder: str | None = None
    file: str | None = None
    pages: tuple[Page, ...] = ()
    scaffold: tuple[str, ...] = ()  # names for `p2g new`, the first the Dutch one ('vaardigheid', 'skill')
    order: Callable[[list, dict[str, Any]], list] | None = None  # (items, every kind's value) -> items in order
    load: Callable[..., Any] | None = None  # a kind read by a loader of its own: (root, problems) -> value
    required: bool = True  # a single file that must exist
    where: str = ""  # how the 'Velden' page names a kind that has no folder or file
    glob: str = ""  # for such a kind: the files an editor checks against its schema (.vscode/settings.json)

    @property
    def many(self) -> bool:
        return self.folder is not None

    @property
    def location(self) -> str:
        """Where it lives, as the 'Velden' page says it."""
        return f"{self.folder}/<id>.yml" if self.folder else self.file or self.where

    @property
    def files_glob(self) -> str:
        """The files of this kind, as an editor's pattern ('content/vaardigheden/*.yml')."""
        return f"{self.folder}/*.yml" if self.folder else self.file or self.glob

    @property
    def source_key(self) -> str:
        """The prefix of Content.sources keys ('instruments:reflectie-interview-start')."""
        return (self.folder or "").rsplit("/", 1)[-1]


def each_item(name: str, var: str, title: str,
              more: Callable[[Any, Any], dict[str, Any]] | None = None) -> Callable[[Any], Iterable[PageItem]]:
    """One page per item of a folder kind: the item as template variable ``var``, its field ``title`` as title."""

    def items(content: Any) -> Iterable[PageItem]:
        for item in getattr(content, name):
            yield PageItem(item.id, getattr(item, title), {var: item, **(more(content, item) if more else {})})

    return items


def _plg_pages(content: Any) -> Iterable[PageItem]:
    """Cycles and their meetings interleaved, in the method's order; a meeting knows its neighbours."""
    for cyclus in content.plg.cycli:
        yield PageItem(cyclus.id, cyclus.titel, {"cyclus": cyclus})
        meetings = cyclus.bijeenkomsten
        for i, b in enumerate(meetings):
            # the words of the meeting page's own heading (macros/site/bijeenkomst.md.j2)
            yield PageItem(b.id, LabelTitle("bijeenkomst.titel", {"nummer": f"{cyclus.nummer}.{b.nummer}",
                                                                  "titel": b.titel}),
                           {"cyclus": cyclus, "b": b, "prev": meetings[i - 1] if i > 0 else None,
                            "next": meetings[i + 1] if i + 1 < len(meetings) else None}, "site/bijeenkomst.md.j2")


def _instrument_vars(content: Any, inst: m.Instrument) -> dict[str, Any]:
    return {"secties": content.secties(inst), "richtlijnen": content.richtlijnen(inst)}


# The order of this table is the order of the schema files on the 'Velden' page; pages of one section follow it too.
KINDS: tuple[Kind, ...] = (
    Kind("vaardigheden", m.Vaardigheid, "vaardigheid", folder="content/vaardigheden", scaffold=("vaardigheid", "skill"),
         pages=(Page("vaardigheden/index.md", "site/vaardigheden.md.j2", "vaardigheden", "nav.overzicht"),
                Page("vaardigheden/{id}.md", "site/vaardigheid.md.j2", "vaardigheden",
                     each=each_item("vaardigheden", "v", "naam")))),
    Kind("donts", m.Dont, "dont", folder="content/donts", scaffold=("dont",),
         pages=(Page("donts/index.md", "site/donts.md.j2", "donts", "donts.titel"),)),
    Kind("contexten", m.Context, "context", folder="content/contexten", scaffold=("context",),
         pages=(Page("contexten/index.md", "site/contexten.md.j2", "contexten", "contexten.titel"),)),
    Kind("instrumenten", m.Instrument, "instrument", folder="instruments", scaffold=("instrument",),
         # the method's order (first use in the PLG trajectory), not the file names' order
         order=lambda items, values: method_order(values["plg"], items),
         pages=(Page("instrumenten/index.md", "site/instrumenten.md.j2", "instrumenten", "nav.overzicht"),
                Page("instrumenten/downloads.md", "site/downloads.md.j2", "instrumenten", "downloads.titel"),
                Page("instrumenten/{id}.md", "site/instrument.md.j2", "instrumenten",
                     each=each_item("instrumenten", "inst", "titel", _instrument_vars)))),
    Kind("editie", m.Editie, "editie", file="content/editie.yml",
         pages=(Page("contact.md", "site/contact.md.j2", "", "contact.titel"),)),
    Kind("start", m.Start, "start", file="content/start.yml",
         pages=(Page("index.md", "site/home.md.j2", "", "home.titel", first=True),)),
    Kind("organisatie", m.Organisatie, "organisatie", file="content/organisatie.yml",
         pages=(Page("contexten/organisatie.md", "site/organisatie.md.j2", "contexten",
                     "nav.organisatie"),)),
    Kind("behoeften", m.RelationeleBehoeften, "relationele-behoeften", file="content/relationele-behoeften.yml",
         pages=(Page("methode/relationele-behoeften.md", "site/behoeften.md.j2", "methode", "behoeften.titel"),)),
    Kind("woorden", m.Relatiewoorden, "relatiewoorden", file="content/relatiewoorden.yml", scaffold=("woord", "word"),
         pages=(Page("methode/relatiewoorden.md", "site/woorden.md.j2", "methode", "nav.relatiewoorden"),)),
    Kind("plg", m.Traject, "plg", file="content/plg.yml",
         pages=(Page("plg/index.md", "site/plg.md.j2", "plg", "nav.overzicht"),
                Page("plg/{id}.md", "site/cyclus.md.j2", "plg", each=_plg_pages, also=("site/bijeenkomst.md.j2",)))),
    Kind("onderzoek", m.Onderzoek, "onderzoek", file="content/onderzoek.yml",
         pages=(Page("onderzoek/index.md", "site/onderzoek.md.j2", "onderzoek", "nav.onderzoek"),
                Page("onderzoek/bronnen.md", "site/bronnen.md.j2", "onderzoek", "bronnen.titel"))),
    Kind("vakanties", m.Vakanties, "vakanties", where="vakanties-bestand voor p2g plan",
         glob="voorbeelden/vakanties*.yml"),
    Kind("planning", m.Planning, "planning", file="content/planning.yml", required=False, load=load_planning,
         pages=(Page("trainers/jaarplanning.md", "site/jaarplanning.md.j2", "trainers", "jaarplanning.titel",
                     extra="jaarplanning"),)),
    Kind("termen", m.Termen, "termen", file="content/termen.yml"),
    Kind("morgen", m.MorgenBeginnen, "morgen-beginnen", file="content/morgen-beginnen.yml",
         # the first page a teacher needs: linked first from the home page, first in its section
         pages=(Page("methode/morgen-beginnen.md", "site/morgen.md.j2", "methode",
                     lambda content: content.morgen.titel, first=True),)),
)

BY_NAME: dict[str, Kind] = {k.name: k for k in KINDS}
BY_ITEM: dict[str, Kind] = {k.schema: k for k in KINDS if k.many}  # 'vaardigheid' -> the kind of skills


def kind(name: str) -> Kind:
    return BY_NAME[name]


def folders() -> dict[str, Kind]:
    """Folder -> kind, for the kinds with one item per file."""
    return {k.folder: k for k in KINDS if k.folder}


def files() -> dict[str, Kind]:
    """File -> kind, for the kinds of one file that are read as content (not by a loader of their own)."""
    return {k.file: k for k in KINDS if k.file and k.load is None}


def schema_names() -> dict[type[m.Model], str]:
    """Model -> schema name, in the table's order."""
    return {k.model: k.schema for k in KINDS}


def scaffold_kinds() -> dict[str, Kind]:
    """Every name `p2g new` accepts -> its kind, in the table's order."""
    return {name: k for k in KINDS for name in k.scaffold}


def scaffold_name(choice: str) -> str:
    """The Dutch name of a `p2g new` choice ('skill' -> 'vaardigheid')."""
    return scaffold_kinds()[choice].scaffold[0]
