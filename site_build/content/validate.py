"""Validation: loads every content file, checks it against the models and against each other, and
reports all problems of a run at once as ``path:line:col: message`` in plain Dutch."""

from __future__ import annotations

from pathlib import Path

from site_build.content import models as m
from site_build.content import practice as praktijk
from site_build.content.collection import Content  # noqa: F401 (re-exported)
from site_build.content.errors import parse  # noqa: F401 (re-exported)
from site_build.content.load import Loaded, load_yaml
from site_build.content.markdown_policy import check_fields, check_prose_links
from site_build.content.order import method_order
from site_build.content.planning import load_planning
from site_build.core.problems import ContentError, Problem, did_you_mean, one_of

# --- the whole project -------------------------------------------------------------------------

def content_files(root: Path) -> list[tuple[Path, str, type[m.Model]]]:
    """Every content file with the model it must satisfy, in a stable order."""
    found = []
    for rel, cls in m.FILES.items():
        found.append((root / rel, rel, cls))
    for rel_dir, cls in m.DIRECTORIES.items():
        directory = root / rel_dir
        if directory.is_dir():
            for path in sorted(directory.iterdir()):
                # not only regular files: a symlink or FIFO with a content name is refused when read (files.py)
                if path.suffix in (".yml", ".yaml") and (path.is_symlink() or not path.is_dir()):
                    found.append((path, f"{rel_dir}/{path.name}", cls))
    return found


def stray_files(root: Path) -> list[Problem]:
    """Files in content directories that would silently be ignored (a typo'd extension)."""
    problems = []
    for rel_dir in m.DIRECTORIES:
        directory = root / rel_dir
        if directory.is_dir():
            for path in sorted(directory.iterdir()):
                if path.is_dir() and not path.is_symlink() and path.suffix in (".yml", ".yaml"):
                    problems.append(Problem(f"{rel_dir}/{path.name}", 1, 1,
                                            "dit is een map met de naam van een inhoudsbestand; hernoem of verwijder de map"))
                elif path.is_file() and path.suffix not in (".yml", ".yaml") and not path.name.startswith("."):
                    problems.append(Problem(f"{rel_dir}/{path.name}", 1, 1,
                                            "dit bestand wordt niet gelezen: inhoud in deze map moet eindigen op '.yml'. "
                                            "Hernoem het of haal het weg"))
    return problems


def _walk(base: Path) -> list[Path]:
    """Every entry under base, without descending into symlinked folders (they are reported, not followed)."""
    import os

    found = []
    for folder, dirs, files in os.walk(base, followlinks=False):
        found += [Path(folder) / name for name in dirs + files]
    return found


def check_prose_pages(root: Path) -> list[Problem]:
    """Hand-written pages are Markdown only, under the one Markdown policy (markdown_policy): no raw HTML, no
    front matter, no foreign images, links only to http(s), mailto and the site; each breach with its place."""
    from site_build.content import prose_bron
    from site_build.content.load import read_text
    from site_build.content.markdown_policy import check_markdown, front_matter_problem
    from site_build.content.pages import PROSE_DIR, is_claims_page

    problems: list[Problem] = []
    base = root / PROSE_DIR
    if not base.is_dir():
        return problems
    for path in sorted(_walk(base)):
        if path.is_dir() and not path.is_symlink():
            continue
        rel = path.relative_to(root).as_posix()
        if path.suffix != ".md" and path.is_file() and not path.is_symlink() and path.suffix.lower() in (".png", ".svg", ".jpg", ".jpeg"):
            continue  # an image for a page (checked where it is used)
        if path.suffix != ".md" and path.is_file() and not path.is_symlink():
            problems.append(Problem(rel, 1, 1, "in content/paginas/ horen alleen Markdown-bestanden (.md) en "
                                               "afbeeldingen; hernoem of verwijder dit bestand"))
            continue
        text = read_text(path, rel, problems)
        if text is None:
            continue
        front = front_matter_problem(text, rel)
        if front:
            problems.append(front)
        problems += check_markdown(text, rel, 1, prose_page=True)
        problems += prose_bron.check(text, rel, claims=is_claims_page(path.relative_to(base).as_posix()))
    return problems


def load_content(root: Path) -> Content:
    """Load and validate everything; raise ContentError with all problems, or return Content."""
    root = Path(root)
    problems: list[Problem] = stray_files(root) + check_prose_pages(root)
    parsed: dict[str, tuple[m.Model, Loaded]] = {}
    checked: list[tuple[Loaded, type[m.Model]]] = []  # every file that parsed, for the Markdown policy
    collections: dict[str, list[tuple[m.Model, Loaded]]] = {d: [] for d in m.DIRECTORIES}

    for path, rel, cls in content_files(root):
        if not path.exists():
            problems.append(Problem(rel, 1, 1, "dit bestand ontbreekt, maar de site heeft het nodig. Zet het terug "
                                               "(bijvoorbeeld uit de oorspronkelijke repository); de pagina 'Velden' "
                                               "beschrijft welke velden erin horen"))
            continue
        loaded = load_yaml(path, rel, problems)
        if loaded is None:
            continue
        obj = parse(loaded, cls, problems)
        if obj is None:
            continue
        checked.append((loaded, cls))
        if rel in m.FILES:
            parsed[rel] = (obj, loaded)
        else:
            directory = rel.rsplit("/", 1)[0]
            collections[directory].append((obj, loaded))
            stem = path.stem
            if obj.id != stem:
                line, col = loaded.where(("id",))
                problems.append(Problem(rel, line, col,
                                        f"'id' is '{obj.id}' maar het bestand heet '{path.name}'; "
                                        f"maak ze gelijk (hernoem het bestand naar '{obj.id}.yml' of zet id op '{stem}')"))

    # Checks between files run on everything that parsed, so one run reports as much as it can. Ids of files
    # that exist but did not parse still count as known, so a broken file causes no false 'bestaat niet'.
    known = {d: {o.id for o, _ in collections[d]} | _stems(root / d) for d in collections}
    problems.extend(check_references(parsed, collections, known))
    problems.extend(check_fields(checked, None))
    planning = load_planning(root, problems)
    if problems or len(parsed) != len(m.FILES):
        raise ContentError(problems)

    items = {d: sorted(collections[d], key=lambda p: (getattr(p[0], "volgorde", 0), p[0].id)) for d in collections}
    content = Content(
        root=root,
        editie=parsed["content/editie.yml"][0],
        start=parsed["content/start.yml"][0],
        organisatie=parsed["content/organisatie.yml"][0],
        behoeften=parsed["content/relationele-behoeften.yml"][0],
        woorden=parsed["content/relatiewoorden.yml"][0],
        plg=parsed["content/plg.yml"][0],
        onderzoek=parsed["content/onderzoek.yml"][0],
        vaardigheden=[p[0] for p in items["content/vaardigheden"]],
        donts=[p[0] for p in items["content/donts"]],
        contexten=[p[0] for p in items["content/contexten"]],
        # the method's order (first use in the PLG trajectory), not the file names' order
        instrumenten=method_order(parsed["content/plg.yml"][0], (p[0] for p in items["instruments"])),
        morgen=parsed["content/morgen-beginnen.yml"][0],
        termen=parsed["content/termen.yml"][0],
        planning=planning,
    )
    for directory, pairs in collections.items():
        kind = directory.rsplit("/", 1)[-1]
        for obj, loaded in pairs:
            content.sources[f"{kind}:{obj.id}"] = loaded.rel
    problems.extend(check_pages(content, parsed))
    # broken internal links in any Markdown need the whole site map
    from site_build.content.pages import page_paths

    known_pages = set(page_paths(content))
    problems.extend(check_fields(checked, known_pages))
    problems.extend(check_prose_links(root, known_pages))
    if problems:
        raise ContentError(problems)
    return content


def _stems(directory: Path) -> set[str]:
    if not directory.is_dir():
        return set()
    return {p.stem for p in directory.iterdir() if p.is_file() and p.suffix in (".yml", ".yaml")}


def _dupes(entries: list[tuple[str, Loaded, tuple]], what: str) -> list[Problem]:
    problems, seen = [], {}
    for value, loaded, loc in entries:
        if value in seen:
            first = seen[value]
            line, col = loaded.where(loc)
            problems.append(Problem(loaded.rel, line, col,
                                    f"{what} '{value}' komt twee keer voor (eerst in {first[0]}:{first[1]}); "
                                    f"het moet uniek zijn. Kies een andere naam of voeg de twee samen"))
        else:
            seen[value] = (loaded.rel, loaded.where(loc)[0])
    return problems


def _unknown(value: str, options, what: str, loaded: Loaded, loc: tuple, hint: str) -> Problem:
    """A reference to something that does not exist, with the closest option and the choices."""
    line, col = loaded.where(loc)
    suggestion = did_you_mean(value, options)
    return Problem(loaded.rel, line, col, f"{what} '{value}' bestaat niet{suggestion}{' ' if suggestion else '. '}"
                                          f"Kies uit: {one_of(options)}. {hint}")


def check_references(parsed: dict, collections: dict, known: dict) -> list[Problem]:
    """Checks between files: unique ids, and every reference resolving to something that exists."""
    problems: list[Problem] = []
    skills = known["content/vaardigheden"]
    instruments = {i.id: i for i, _ in collections["instruments"]}
    instrument_ids = known["instruments"]

    def ref(value: str, options: set[str] | dict, what: str, loaded: Loaded, loc: tuple, hint: str) -> None:
        if value not in options:
            problems.append(_unknown(value, options, what, loaded, loc, hint))

    skill_hint = "Vaardigheden staan in content/vaardigheden/."
    instrument_hint = "Instrumenten staan in instruments/."

    # ids unique per kind (files normally guarantee it, unless an id differs from its file name)
    for pairs in collections.values():
        problems += _dupes([(o.id, ld, ("id",)) for o, ld in pairs], "id")

    for obj, loaded in collections["content/donts"]:
        for i, s in enumerate(obj.vervangen_door):
            ref(s, skills, "vaardigheid", loaded, ("vervangen_door", i), skill_hint)
    for obj, loaded in collections["content/contexten"]:
        for i, s in enumerate(obj.vaardigheden):
            ref(s, skills, "vaardigheid", loaded, ("vaardigheden", i), skill_hint)

    for inst, loaded in collections["instruments"]:
        for i, s in enumerate(inst.vaardigheden):
            ref(s, skills, "vaardigheid", loaded, ("vaardigheden", i), skill_hint)
        if inst.variant_van:
            ref(inst.variant_van, instrument_ids, "instrument", loaded, ("variant_van",), instrument_hint)
            if inst.variant_van == inst.id:
                problems.append(Problem(loaded.rel, *loaded.where(("variant_van",)), "een instrument kan geen variant van zichzelf zijn"))
        if inst.richtlijnen_uit:
            ref(inst.richtlijnen_uit, instrument_ids, "instrument", loaded, ("richtlijnen_uit",), instrument_hint)
        problems += _dupes([(s.id, loaded, ("secties", i, "id")) for i, s in enumerate(inst.secties)], "sectie-id")
        question_ids = []
        for si, sectie in enumerate(inst.secties):
            if sectie.uit:
                other_id, sectie_id = sectie.uit.split("/")
                if other_id not in instrument_ids:
                    ref(other_id, instrument_ids, "instrument", loaded, ("secties", si, "uit"), instrument_hint)
                elif other_id in instruments:  # (a broken file's sections cannot be checked this run)
                    other = instruments[other_id]
                    target = next((s for s in other.secties if s.id == sectie_id), None)
                    if target is None:
                        ref(sectie_id, {s.id for s in other.secties}, "sectie", loaded,
                            ("secties", si, "uit"), f"Kijk in instruments/{other_id}.yml welke secties er zijn.")
                    elif target.uit:
                        problems.append(Problem(loaded.rel, *loaded.where(("secties", si, "uit")),
                                                f"'{sectie.uit}' neemt zelf ook een sectie over; verwijs naar het origineel ('{target.uit}')"))
                    else:
                        question_ids += [(q.id, loaded, ("secties", si, "uit")) for q in target.vragen]
            for qi, vraag in enumerate(sectie.vragen):
                question_ids.append((vraag.id, loaded, ("secties", si, "vragen", qi, "id")))
                for k, s in enumerate(vraag.vaardigheden):
                    ref(s, skills, "vaardigheid", loaded, ("secties", si, "vragen", qi, "vaardigheden", k), skill_hint)
        problems += _dupes(question_ids, "vraag-id")

    if "content/plg.yml" in parsed:
        plg, plg_loaded = parsed["content/plg.yml"]
        meeting_ids = []
        for ci, cyclus in enumerate(plg.cycli):
            for bi, b in enumerate(cyclus.bijeenkomsten):
                base = ("cycli", ci, "bijeenkomsten", bi)
                meeting_ids.append((b.id, plg_loaded, base + ("id",)))
                for k, inst_id in enumerate(b.instrumenten):
                    ref(inst_id, instrument_ids, "instrument", plg_loaded, base + ("instrumenten", k), instrument_hint)
                for k, s in enumerate(b.vaardigheden):
                    ref(s, skills, "vaardigheid", plg_loaded, base + ("vaardigheden", k), skill_hint)
        problems += _dupes(meeting_ids, "bijeenkomst-id")
        problems += _dupes([(c.id, plg_loaded, ("cycli", i, "id")) for i, c in enumerate(plg.cycli)], "cyclus-id")
        problems += _dupes([(r.id, plg_loaded, ("rollen", i, "id")) for i, r in enumerate(plg.rollen)], "rol-id")
        problems += praktijk.check_meetings(plg, plg_loaded)
    if "content/relationele-behoeften.yml" in parsed:
        beh, beh_loaded = parsed["content/relationele-behoeften.yml"]
        problems += _dupes([(b.id, beh_loaded, ("behoeften", i, "id")) for i, b in enumerate(beh.behoeften)],
                           "behoefte-id")
    if "content/organisatie.yml" in parsed:
        org, org_loaded = parsed["content/organisatie.yml"]
        problems += _dupes([(t.id, org_loaded, ("tips", i, "id")) for i, t in enumerate(org.tips)], "tip-id")
        if "content/morgen-beginnen.yml" in parsed:
            problems += praktijk.check_morgen(*parsed["content/morgen-beginnen.yml"], {t.id for t in org.tips})
    if "content/relatiewoorden.yml" in parsed:
        words, words_loaded = parsed["content/relatiewoorden.yml"]
        problems += _dupes([(w.woord.lower(), words_loaded, ("woorden", i, "woord"))
                            for i, w in enumerate(words.woorden)], "woord")
    if "content/onderzoek.yml" in parsed:
        onderzoek, o_loaded = parsed["content/onderzoek.yml"]
        for di, dim in enumerate(onderzoek.llrv.dimensies):
            if len(dim.voor) != len(dim.na):
                problems.append(Problem(o_loaded.rel, *o_loaded.where(("llrv", "dimensies", di, "na")),
                                        f"'na' heeft {len(dim.na)} scores maar 'voor' heeft er {len(dim.voor)}; "
                                        f"elk kind heeft een voor- en een nameting"))
        if len(onderzoek.lws.voor) != len(onderzoek.lws.na):
            problems.append(Problem(o_loaded.rel, *o_loaded.where(("lws", "na")),
                                    f"'na' heeft {len(onderzoek.lws.na)} scores maar 'voor' heeft er "
                                    f"{len(onderzoek.lws.voor)}"))
    if "content/editie.yml" in parsed:
        editie, e_loaded = parsed["content/editie.yml"]
        root = Path(e_loaded.path).parent.parent
        if editie.logo:
            from site_build.core.files import UnsafeFile, read_logo

            try:
                read_logo(root, editie.logo)
            except UnsafeFile as exc:
                why = ("het bestand bestaat niet; zet het daar neer of maak 'logo' leeg"
                       if str(exc) == "het bestand bestaat niet" else str(exc))
                problems.append(Problem(e_loaded.rel, *e_loaded.where(("logo",)), f"logo 'content/{editie.logo}': {why}"))
    return problems


def check_pages(content: Content, parsed: dict) -> list[Problem]:
    """Links to pages of the site (start page, research questions) need the whole site map."""
    problems: list[Problem] = []

    onderzoek, o_loaded = parsed["content/onderzoek.yml"]
    from site_build.content.pages import page_paths  # late import: pages depends on Content

    known = page_paths(content)
    start, s_loaded = parsed["content/start.yml"]
    for ii, ingang in enumerate(start.ingangen):
        for li, link in enumerate(ingang.links):
            page = link.pagina.split("#")[0]
            if page not in known:
                problems.append(_unknown(page, set(known), "pagina", s_loaded, ("ingangen", ii, "links", li, "pagina"),
                                         "Gebruik het pad van een pagina van de site."))
    plg, p_loaded = parsed["content/plg.yml"]
    for loc, pagina in praktijk.page_links(plg):
        if pagina.split("#")[0] not in known:
            problems.append(_unknown(pagina.split("#")[0], set(known), "pagina", p_loaded, loc,
                                     "Gebruik het pad van een pagina van de site."))
    for qi, vraag in enumerate(onderzoek.onderzoeksvragen):
        if vraag.pagina and vraag.pagina not in known:
            problems.append(_unknown(vraag.pagina, set(known), "pagina", o_loaded, ("onderzoeksvragen", qi, "pagina"),
                                     "Gebruik het pad van een pagina van de site."))
    return problems
