"""Provenance: the one sourced-statement type (Bewering), its base (Herkomst) and how a source is shown.

Every item a reader could take as a statement (a paragraph, a bullet, an example, a question, a card line)
is a model that inherits ``Herkomst``: it carries its own ``bron``, so no statement borrows the source of its
neighbours. A source is a place in the report (``§3.1.1``, ``Tabel 2``, ``Bijlage 2``, ``Samenvatting``), the
original P2G materials, ``toevoeging`` (this site's own) or ``uitwerking van §2.3.2`` (this site's elaboration
of a named report place). Additions and elaborations are never research findings; the site says so.
"""

from __future__ import annotations

import re
from typing import Annotated, Iterator, Mapping, Optional

from markupsafe import Markup
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

_PLAATS = r"(§\d+(\.\d+)*|Tabel [1-4]|Bijlage [1-4]|Samenvatting)"
_DEEL = rf"({_PLAATS}|P2G-materialen|toevoeging|uitwerking van {_PLAATS})"
BRON_PATROON = rf"^{_DEEL}(\s*;\s*{_DEEL})*$"
Bron = Annotated[str, StringConstraints(pattern=BRON_PATROON)]

BRON_HELP = ("Waar dit vandaan komt: een plek in het rapport ('§2.3.1', 'Tabel 2', 'Bijlage 2', 'Samenvatting'), "
             "'P2G-materialen' (de oorspronkelijke Erasmus+-materialen), 'toevoeging' (door deze site toegevoegd, "
             "geen onderzoeksresultaat) of 'uitwerking van §2.3.2' (deze site werkt die plek van het rapport uit). "
             "Meer bronnen scheid je met ';'.")
REDEN_HELP = "Bij een toevoeging of uitwerking: in een korte zin waarom deze site dit toevoegt (mag leeg)."


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, use_attribute_docstrings=False)


_OPMAAK = re.compile(r"(?<![\w*])(\*\*?)(?=\S)([^*\n]+?)(?<=\S)\1(?![\w*])")


def _geen_opmaak(text: str) -> str:
    """A plain-text field shows its text as written: '*zo*' would show its asterisks on every page and PDF."""
    found = _OPMAAK.search(text)
    if found:
        raise ValueError(f"dit veld is gewone tekst, zonder opmaak: '{found.group(0)}' zou met sterretjes op de site "
                         f"en op papier komen. Zet nadruk tussen aanhalingstekens (‘{found.group(2)}’) of haal de "
                         f"sterretjes weg")
    return text


Tekst = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20_000),
                  AfterValidator(_geen_opmaak)]
"""Plain text: shown exactly as written (no opmaak; Markdown emphasis is refused, it would show as asterisks)."""

Opmaak = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50_000),
                   Field(json_schema_extra={"format": "markdown"})]
"""Text with a small Markdown subset: paragraphs, **vet**, *schuin*, lists and links. No HTML."""


def bron_field(default=...):  # type: ignore[no-untyped-def]
    return Field(default, description=BRON_HELP, examples=["§3.1.4", "Bijlage 2; §2.4", "uitwerking van §2.3.2"])


class Herkomst(Model):
    """Base of every sourced item: its own source and, for an addition, why it was added."""

    bron: Bron = bron_field()
    reden: Optional[Tekst] = Field(None, description=REDEN_HELP)


class Bewering(Herkomst):
    """One statement (a paragraph or a list item) with its own source."""

    tekst: Opmaak = Field(description="De tekst: één alinea of één punt (Markdown mag: **vet**, *schuin*, links).")

    def __str__(self) -> str:  # printed forms show the text; their provenance is given once per form
        return self.tekst


def beweringen(beschrijving: str, minimaal: int = 0):  # type: ignore[no-untyped-def]
    """Field for a list of statements, each with its own source."""
    tekst = beschrijving + " Elk punt heeft een eigen 'bron'."
    if minimaal:  # required: a missing list is an error, not an empty default
        return Field(min_length=minimaal, description=tekst)
    return Field(default_factory=list, description=tekst)


# --- reading a source ---------------------------------------------------------------------------

def delen(bron: str) -> list[str]:
    return [p.strip() for p in bron.split(";") if p.strip()]


def is_toevoeging(deel: str) -> bool:
    return deel == "toevoeging" or deel.startswith("uitwerking van ")


def is_research(bron: str) -> bool:
    """True if any part of the source is a place in the report."""
    return any(not is_toevoeging(p) and p != "P2G-materialen" for p in delen(bron))


def soort(bron: str) -> str:
    """'rapport', 'uitwerking', 'toevoeging' or 'p2g' (for the marker's look and the legend)."""
    parts = delen(bron)
    if any(p.startswith("uitwerking van ") for p in parts):
        return "uitwerking"
    if is_research(bron):
        # partly report, partly added: shown as this site's elaboration, so no addition reads as research
        return "uitwerking" if "toevoeging" in parts else "rapport"
    if "P2G-materialen" in parts:
        return "p2g"
    return "toevoeging"


def _plaats_label(p: str, woorden: Mapping[str, str]) -> str:
    if p.startswith("§"):
        return woorden["paragraaf"].format(plaats=p)
    if p == "Samenvatting":
        return woorden["samenvatting"]
    kind, _, number = p.partition(" ")
    return woorden["tabel" if kind == "Tabel" else "bijlage"].format(nummer=number)


def label(bron: str, woorden: Mapping[str, str]) -> str:
    """Full words, from the catalogue's 'bron' section: '§2.3.1; toevoeging' -> 'rapport §2.3.1 · toevoeging van
    deze site (geen onderzoeksresultaat)'."""
    out = []
    for p in delen(bron):
        if p == "toevoeging":
            out.append(woorden["toevoeging"])
        elif p.startswith("uitwerking van "):
            out.append(woorden["uitwerking"].format(plaats=_plaats_label(p[len("uitwerking van "):], woorden)))
        elif p == "P2G-materialen":
            out.append(woorden["p2g"])
        else:
            out.append(_plaats_label(p, woorden))
    return " · ".join(out)


def kort(bron: str, woorden: Mapping[str, str]) -> str:
    """The marker's visible text: '§3.1.1', 'bijl. 2', 'toevoeging', 'uitwerking §2.3.2'."""
    out = []
    for p in delen(bron):
        if p.startswith("uitwerking van "):
            out.append(woorden["kort_uitwerking"].format(plaats=kort(p[len("uitwerking van "):], woorden)))
        elif p.startswith("Bijlage"):
            out.append(woorden["kort_bijlage"].format(nummer=p.split()[1]))
        elif p.startswith("Tabel"):
            out.append(woorden["kort_tabel"].format(nummer=p.split()[1]))
        elif p == "Samenvatting":
            out.append(woorden["kort_samenvatting"])
        elif p == "P2G-materialen":
            out.append("P2G")
        elif p == "toevoeging":
            out.append(woorden["kort_toevoeging"])
        else:
            out.append(p)
    return " · ".join(out)


def marker(item: Herkomst | str, rapport_url: Optional[str], bronnen_url: str, woorden: Mapping[str, str],
           reden: Optional[str] = None) -> Markup:
    """The small marker after one statement: shows where it comes from and links to where to check it."""
    bron = item if isinstance(item, str) else item.bron
    reden = reden if isinstance(item, str) else item.reden
    s = soort(bron)
    titel = woorden["titel"].format(label=label(bron, woorden)) + (woorden["reden"].format(reden=reden) if reden else "")
    href = rapport_url if (s == "rapport" and rapport_url) else f"{bronnen_url}#{s}"
    extern = s == "rapport" and bool(rapport_url)
    return Markup(
        # out of search (data-search-exclude): in a result, 'Bron: §2.4 (externe link)' after every sentence
        # hides the words a teacher looked for; the page itself shows every marker
        '<a class="p2g-m p2g-m--{s}" href="{href}" title="{titel}"{rel} data-search-exclude>'
        '<span class="p2g-sr">{sr}</span>{kort}{ext}</a>'
    ).format(s=s, href=href, titel=titel, sr=woorden["voor_teken"], kort=kort(bron, woorden),
             rel=Markup(' rel="noopener external"') if extern else "",
             ext=Markup('<span class="p2g-sr">{}</span>').format(woorden["extern"]) if extern else "")


_LAST_CLOSE = re.compile(r"(</(p|li)>)(\s*</(ul|ol)>)?\s*$")


def with_marker(html: Markup, mark: Markup) -> Markup:
    """Put the marker inside the last paragraph or list item of a rendered block (it belongs to the text)."""
    text = str(html)
    m = _LAST_CLOSE.search(text)
    if not m:
        return Markup(text + " " + str(mark))
    return Markup(text[:m.start(1)] + " " + str(mark) + text[m.start(1):])


def walk(obj: object, path: tuple = ()) -> Iterator[tuple[tuple, Herkomst]]:
    """Every sourced item inside a model (depth first), with its path: for counting and for the tests."""
    if isinstance(obj, Herkomst):
        yield path, obj
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from walk(getattr(obj, name), path + (name,))
    elif isinstance(obj, (list, tuple)):
        for i, x in enumerate(obj):
            yield from walk(x, path + (i,))


def verwijzingen(bron: str) -> Iterator[str]:
    """The report places a source names (also inside 'uitwerking van ...')."""
    for p in delen(bron):
        if p.startswith("uitwerking van "):
            yield p[len("uitwerking van "):]
        elif p not in ("toevoeging", "P2G-materialen"):
            yield p


def alineas(items: object) -> str:
    """A list of statements as one Markdown text (paragraphs), for print where sources are given once per form."""
    if isinstance(items, (list, tuple)):
        return "\n\n".join(str(x) for x in items)
    return "" if items is None else str(items)


def bronnen_van(model: object) -> list[str]:
    """The distinct sources of all statements in a model, report places first (for 'once per form')."""
    seen: list[str] = []
    for _, item in walk(model):
        for p in delen(item.bron):
            if p not in seen:
                seen.append(p)
    report = sorted((p for p in seen if not is_toevoeging(p) and p != "P2G-materialen"), key=_sleutel)
    rest = [p for p in seen if p not in report]
    return report + rest


def plaatsen_van(model: object) -> list[str]:
    """The report places the statements in a model cite directly (not those they only elaborate)."""
    return [p for p in bronnen_van(model) if not is_toevoeging(p) and p != "P2G-materialen"]


def _sleutel(p: str) -> tuple:
    if p.startswith("§"):
        return (1, tuple(int(x) for x in p[1:].split(".")))
    return (0 if p == "Samenvatting" else 2, (p,))


def telling(*models: object, publiek: bool = True) -> dict[str, int]:
    """How many sourced items the models hold, per kind of source (trainer notes left out when publiek)."""
    counts = {"rapport": 0, "uitwerking": 0, "toevoeging": 0, "p2g": 0}
    for model in models:
        for path, item in walk(model):
            if publiek and "trainer" in path:
                continue
            counts[soort(item.bron)] += 1
    return counts


def jinja_globals(woorden: Mapping[str, str]) -> dict:
    """What the templates need to show sources, in the words of the edition's catalogue ('bron' section)."""
    made: dict[tuple, Markup] = {}

    def bron_marker(item, rapport_url, bronnen_url, reden=None) -> Markup:
        # pages show thousands of markers with a few hundred different sources: each is made once per environment
        bron, why = (item, reden) if isinstance(item, str) else (item.bron, item.reden)
        key = (bron, why, rapport_url, bronnen_url)
        if key not in made:
            made[key] = marker(bron, rapport_url, bronnen_url, woorden, why)
        return made[key]

    return dict(bron_marker=bron_marker,
                with_marker=with_marker, bron_soort=soort, bron_kort=lambda b: kort(b, woorden),
                bron_label=lambda b: label(b, woorden), bronnen_van=bronnen_van, plaatsen_van=plaatsen_van,
                bron_telling=telling)
