"""Validation: loads every content file of every kind (content/kinds.py), checks it against its model and against
each other (references.py for the markers on the fields, rules.py for the rest), and reports all problems of a run
at once as ``path:line:col: message`` in plain Dutch."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from site_build.content import models as m
from site_build.content.collection import Content  # noqa: F401 (re-exported)
from site_build.content.errors import parse  # noqa: F401 (re-exported)
from site_build.content.kinds import KINDS, Kind, files, folders
from site_build.content.load import Loaded, load_yaml
from site_build.content.markdown_policy import check_fields, check_prose_links
from site_build.content.pages import PROSE_DIR, page_paths
from site_build.content.references import check_markers
from site_build.content.rules import check_pages, check_special
from site_build.core.problems import ContentError, Problem

# --- the whole project -------------------------------------------------------------------------

def content_files(root: Path) -> list[tuple[Path, str, type[m.Model]]]:
    """Every content file with the model it must satisfy, in a stable order."""
    return [(path, rel, k.model) for path, rel, k in kind_files(root)]


def kind_files(root: Path) -> list[tuple[Path, str, Kind]]:
    """Every content file with its kind: the single files first, then each folder's files by name."""
    found = [(root / rel, rel, k) for rel, k in files().items()]
    for rel_dir, k in folders().items():
        directory = root / rel_dir
        if directory.is_dir():
            for path in sorted(directory.iterdir()):
                # not only regular files: a symlink or FIFO with a content name is refused when read (files.py)
                if path.suffix in (".yml", ".yaml") and (path.is_symlink() or not path.is_dir()):
                    found.append((path, f"{rel_dir}/{path.name}", k))
    return found


def stray_files(root: Path) -> list[Problem]:
    """Files in content directories that would silently be ignored (a typo'd extension)."""
    problems = []
    for rel_dir in folders():
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
    for folder, dirs, names in os.walk(base, followlinks=False):
        found += [Path(folder) / name for name in dirs + names]
    return found


def check_prose_pages(root: Path) -> list[Problem]:
    """Hand-written pages are Markdown only, under the one Markdown policy (markdown_policy): no raw HTML, no
    front matter, no foreign images, links only to http(s), mailto and the site; each breach with its place."""
    from site_build.content import prose_bron
    from site_build.content.load import read_text
    from site_build.content.markdown_policy import check_markdown, front_matter_problem
    from site_build.content.pages import is_claims_page

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
    from site_build.content.file_cache import FileCache

    root = Path(root)
    cache = FileCache.of(root)
    problems: list[Problem] = stray_files(root) + check_prose_pages(root)
    parsed: dict[str, tuple[m.Model, Loaded]] = {}  # kind name -> (object, file) for the kinds of one file
    checked: list[tuple[Loaded, type[m.Model]]] = []  # every file that parsed, for the Markdown policy
    documents: list[tuple[Kind, m.Model, Loaded]] = []  # every file that parsed, for the references
    collections: dict[str, list[tuple[m.Model, Loaded]]] = {k.name: [] for k in folders().values()}

    for path, rel, k in kind_files(root):
        if not path.exists():
            if k.required:
                problems.append(Problem(rel, 1, 1, "dit bestand ontbreekt, maar de site heeft het nodig. Zet het terug "
                                                   "(bijvoorbeeld uit de oorspronkelijke repository); de pagina 'Velden' "
                                                   "beschrijft welke velden erin horen"))
            continue
        loaded = load_yaml(path, rel, problems, cache)
        if loaded is None:
            continue
        obj = parse(loaded, k.model, problems)
        if obj is None:
            continue
        checked.append((loaded, k.model))
        documents.append((k, obj, loaded))
        if not k.many:
            parsed[k.name] = (obj, loaded)
            continue
        collections[k.name].append((obj, loaded))
        if obj.id != path.stem:
            line, col = loaded.where(("id",))
            problems.append(Problem(rel, line, col,
                                    f"'id' is '{obj.id}' maar het bestand heet '{path.name}'; "
                                    f"maak ze gelijk (hernoem het bestand naar '{obj.id}.yml' of zet id op '{path.stem}')"))

    # Checks between files run on everything that parsed, so one run reports as much as it can. Ids of files
    # that exist but did not parse still count as known, so a broken file causes no false 'bestaat niet'.
    known = {k.schema: {o.id for o, _ in collections[k.name]} | _stems(root / k.folder) for k in folders().values()}
    special, taken_over = check_special(parsed, collections, known)
    problems += special + check_markers(documents, known, taken_over)
    problems.extend(check_fields(checked, None, cache))
    loaded_apart = {k.name: k.load(root, problems) for k in KINDS if k.load is not None}
    missing = [k for k in files().values() if k.required and k.name not in parsed]
    if problems or missing:
        cache.save()
        raise ContentError(problems)

    content = Content(root, _values(parsed, collections, loaded_apart))
    for k in folders().values():
        for obj, loaded in collections[k.name]:
            content.sources[f"{k.source_key}:{obj.id}"] = loaded.rel
    problems.extend(check_pages(content, parsed))
    # broken internal links in any Markdown need the whole site map
    known_pages = set(page_paths(content))
    problems.extend(check_fields(checked, known_pages, cache))
    problems.extend(check_prose_links(root, known_pages))
    cache.save()  # what loaded and passed is kept even when another file has a problem
    if problems:
        raise ContentError(problems)
    return content


def _values(parsed: dict, collections: dict, loaded_apart: dict) -> dict[str, Any]:
    """Every kind's value for Content: the object of a file (None for a missing optional one), the items of a
    folder in the kind's order (by default 'volgorde', then id)."""
    values: dict[str, Any] = dict(loaded_apart)
    for k in KINDS:
        if k.many:
            values[k.name] = sorted((o for o, _ in collections[k.name]), key=lambda o: (getattr(o, "volgorde", 0), o.id))
        elif k.file and k.load is None:
            values[k.name] = parsed[k.name][0] if k.name in parsed else None
    for k in KINDS:
        if k.order is not None:
            values[k.name] = k.order(values[k.name], values)
    return values


def _stems(directory: Path) -> set[str]:
    if not directory.is_dir():
        return set()
    return {p.stem for p in directory.iterdir() if p.is_file() and p.suffix in (".yml", ".yaml")}
