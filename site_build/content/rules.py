"""The rules between files that no marker on a field can say (content/references.py checks the markers): an
instrument is no variant of itself, a section taken over with 'uit' exists and is itself no copy, a meeting's print
list, the tips on the 'Morgen beginnen' page, scores before and after, the edition's logo, and links to pages of
the site (which need the whole site map). Each reports a Dutch problem with its place."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from site_build.content import practice as praktijk
from site_build.content.kinds import kind
from site_build.content.load import Loaded
from site_build.content.pages import page_paths
from site_build.content.references import Entry, hint, unknown
from site_build.core.problems import Problem

if TYPE_CHECKING:
    from site_build.content.collection import Content

PAGE_HINT = "Gebruik het pad van een pagina van de site."


def check_special(parsed: dict[str, tuple[Any, Loaded]], collections: dict[str, list[tuple[Any, Loaded]]],
                  known: dict[str, set[str]]) -> tuple[list[Problem], list[Entry]]:
    """Problems of the special rules, and the unique values they add (questions taken over by 'uit')."""
    problems: list[Problem] = []
    entries: list[Entry] = []
    instrument_ids = known["instrument"]
    instruments = {i.id: i for i, _ in collections.get("instrumenten", [])}
    instrument_hint = hint(kind("instrumenten"))
    for inst, loaded in collections.get("instrumenten", []):
        if inst.variant_van and inst.variant_van == inst.id:
            problems.append(Problem(loaded.rel, *loaded.where(("variant_van",)), "een instrument kan geen variant van zichzelf zijn"))
        for si, sectie in enumerate(inst.secties):
            if not sectie.uit:
                continue
            loc = ("secties", si, "uit")
            other_id, sectie_id = sectie.uit.split("/")
            if other_id not in instrument_ids:
                problems.append(unknown(other_id, instrument_ids, "instrument", loaded, loc, instrument_hint))
            elif other_id in instruments:  # (a broken file's sections cannot be checked this run)
                other = instruments[other_id]
                target = next((s for s in other.secties if s.id == sectie_id), None)
                if target is None:
                    problems.append(unknown(sectie_id, {s.id for s in other.secties}, "sectie", loaded, loc,
                                            f"Kijk in instruments/{other_id}.yml welke secties er zijn."))
                elif target.uit:
                    problems.append(Problem(loaded.rel, *loaded.where(loc),
                                            f"'{sectie.uit}' neemt zelf ook een sectie over; verwijs naar het origineel ('{target.uit}')"))
                else:
                    entries += [Entry((loaded.rel, "vraag-id"), "vraag-id", q.id, loaded, loc) for q in target.vragen]

    if "plg" in parsed:
        problems += praktijk.check_meetings(*parsed["plg"])
    if "organisatie" in parsed and "morgen" in parsed:
        problems += praktijk.check_morgen(*parsed["morgen"], {t.id for t in parsed["organisatie"][0].tips})
    if "onderzoek" in parsed:
        problems += _scores(*parsed["onderzoek"])
    if "editie" in parsed:
        problems += _logo(*parsed["editie"])
    return problems, entries


def _scores(onderzoek: Any, loaded: Loaded) -> list[Problem]:
    problems = []
    for di, dim in enumerate(onderzoek.llrv.dimensies):
        if len(dim.voor) != len(dim.na):
            problems.append(Problem(loaded.rel, *loaded.where(("llrv", "dimensies", di, "na")),
                                    f"'na' heeft {len(dim.na)} scores maar 'voor' heeft er {len(dim.voor)}; "
                                    f"elk kind heeft een voor- en een nameting"))
    if len(onderzoek.lws.voor) != len(onderzoek.lws.na):
        problems.append(Problem(loaded.rel, *loaded.where(("lws", "na")),
                                f"'na' heeft {len(onderzoek.lws.na)} scores maar 'voor' heeft er "
                                f"{len(onderzoek.lws.voor)}"))
    return problems


def _logo(editie: Any, loaded: Loaded) -> list[Problem]:
    if not editie.logo:
        return []
    from site_build.core.files import UnsafeFile, read_logo

    root = Path(loaded.path).parent.parent
    try:
        read_logo(root, editie.logo)
    except UnsafeFile as exc:
        why = ("het bestand bestaat niet; zet het daar neer of maak 'logo' leeg"
               if str(exc) == "het bestand bestaat niet" else str(exc))
        return [Problem(loaded.rel, *loaded.where(("logo",)), f"logo 'content/{editie.logo}': {why}")]
    return []


def check_pages(content: "Content", parsed: dict[str, tuple[Any, Loaded]]) -> list[Problem]:
    """Links to pages of the site (start page, meetings, research questions) need the whole site map."""
    known = set(page_paths(content))
    problems: list[Problem] = []

    def check(pagina: str, loaded: Loaded, loc: tuple) -> None:
        page = pagina.split("#")[0]
        if page not in known:
            problems.append(unknown(page, known, "pagina", loaded, loc, PAGE_HINT))

    start, s_loaded = parsed["start"]
    for ii, ingang in enumerate(start.ingangen):
        for li, link in enumerate(ingang.links):
            check(link.pagina, s_loaded, ("ingangen", ii, "links", li, "pagina"))
    plg, p_loaded = parsed["plg"]
    for loc, pagina in praktijk.page_links(plg):
        check(pagina, p_loaded, loc)
    onderzoek, o_loaded = parsed["onderzoek"]
    for qi, vraag in enumerate(onderzoek.onderzoeksvragen):
        if vraag.pagina:
            check(vraag.pagina, o_loaded, ("onderzoeksvragen", qi, "pagina"))
    return problems
