"""Pages: the path and title of every page the content makes (generated pages and the prose pages), so that
validation (links in start.yml and prose), the renderers and the navigation agree on one set of URLs. The generated
pages are the ones the kinds declare (content/kinds.py); their titles are worded by the content or by the label
catalogue of the edition's language. Validation needs the paths only, so it never reads the catalogue."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, NamedTuple

from site_build.content.kinds import KINDS, Kind, LabelTitle, Page, PageItem, kind

if TYPE_CHECKING:
    from site_build.content.collection import Content
    from site_build.core.labels import Labels

PROSE_DIR = "content/paginas"
# Folders of content/paginas whose pages state the method: each paragraph and list item names its own source
# (prose_bron). The trainers' pages describe this software and need none.
PROSE_CLAIMS = ("methode", "plg")
# Folders of content/paginas written for trainers, not for the teachers who search the site most: search ranks
# their pages lower (the field reference holds every id, 'niet-prijzen' too, and would come before the method).
SEARCH_WEIGHT = {"trainers": 0.1}
MORGEN = kind("morgen").pages[0].path  # the first page a teacher needs: linked first from the home page


def item_page(name: str, id: str) -> str:
    """The page of one item of a kind: its path as the kind declares it, with the item's id."""
    return next(p.path for p in kind(name).pages if p.each).format(id=id)


def skill_page(id: str) -> str:
    return item_page("vaardigheden", id)


def instrument_page(id: str) -> str:
    return item_page("instrumenten", id)


def meeting_page(id: str) -> str:
    return item_page("plg", id)


cycle_page = meeting_page  # cycles and meetings share the pattern plg/<id>.md


class Made(NamedTuple):
    """One generated page: where it goes, its title, which template renders it with which variables."""

    path: str
    title: str
    template: str
    vars: dict[str, Any]
    kind: Kind
    page: Page


def declared(content: "Content") -> Iterator[tuple[Kind, Page, PageItem | None]]:
    """Every generated page as declared: its kind, its Page and, for a page per item, the item."""
    for k in KINDS:
        for page in k.pages:
            if page.each is None:
                yield k, page, None
            else:
                for item in page.each(content):
                    yield k, page, item


def _title(title: Any, content: "Content", labels: "Labels") -> str:
    """A title as the reader sees it: a label key or LabelTitle in the edition's language, or the content's words.
    Plain text (never escaped here): the navigation and the front matter escape it where they write it."""
    if callable(title):
        return title(content)
    if isinstance(title, LabelTitle):
        return labels.text(title.key).format(**title.values)
    return labels.text(title)


def made_pages(content: "Content") -> Iterator[Made]:
    """Every generated page, in the table's order (content/kinds.py), with its title in the edition's language."""
    labels = content.labels()
    for k, page, item in declared(content):
        if item is None:
            yield Made(page.path, _title(page.title, content, labels), page.template, {}, k, page)
        else:
            title = item.title if isinstance(item.title, str) else _title(item.title, content, labels)
            yield Made(page.path.format(id=item.id), title, item.template or page.template, item.vars, k, page)


def is_claims_page(page: str) -> bool:
    """``page`` relative to PROSE_DIR, e.g. 'methode/index.md'."""
    return page.split("/", 1)[0] in PROSE_CLAIMS


def prose_pages(root: Path) -> dict[str, str]:
    """Markdown pages written by hand in content/paginas, with the title from their first heading."""
    base = root / PROSE_DIR
    found: dict[str, str] = {}
    if not base.is_dir():
        return found
    for path in sorted(base.rglob("*.md")):
        rel = path.relative_to(base).as_posix()
        title = path.stem.replace("-", " ").capitalize()
        try:
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.startswith("# "):
                    title = line[2:].strip()
                    break
        except (OSError, UnicodeDecodeError):
            pass
        found[rel] = title
    return found


def generated_pages(content: "Content") -> dict[str, list[tuple[str, str]]]:
    """Generated pages per section, in reading order: section -> [(path, title)]."""
    made = sorted(made_pages(content), key=lambda p: not p.page.first)  # stable: otherwise the table's order
    sections: dict[str, list[tuple[str, str]]] = {}
    for p in made:
        sections.setdefault(p.page.section, []).append((p.path, p.title))
    return sections


def page_paths(content: "Content") -> list[str]:
    """Every page of the site: the generated ones in the table's order, then the prose pages."""
    generated = [page.path if item is None else page.path.format(id=item.id) for _, page, item in declared(content)]
    return generated + [p for p in prose_pages(content.root) if p not in generated]
