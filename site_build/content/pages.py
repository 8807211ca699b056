"""Pages: the path and title of every page the content makes (generated pages and the prose pages), so that
validation (links in start.yml and prose), the renderers and the navigation agree on one set of URLs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from site_build.content.collection import Content

PROSE_DIR = "content/paginas"
# Folders of content/paginas whose pages state the method: each paragraph and list item names its own source
# (prose_bron). The trainers' pages describe this software and need none.
PROSE_CLAIMS = ("methode", "plg")
MORGEN = "methode/morgen-beginnen.md"  # the first page a teacher needs: linked first from the home page


def skill_page(id: str) -> str:
    return f"vaardigheden/{id}.md"


def instrument_page(id: str) -> str:
    return f"instrumenten/{id}.md"


def meeting_page(id: str) -> str:
    return f"plg/{id}.md"


def cycle_page(id: str) -> str:
    return f"plg/{id}.md"


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
    plg: list[tuple[str, str]] = [("plg/index.md", "Overzicht")]
    for cyclus in content.plg.cycli:
        plg.append((cycle_page(cyclus.id), cyclus.titel))
        for b in cyclus.bijeenkomsten:
            plg.append((meeting_page(b.id), f"Bijeenkomst {cyclus.nummer}.{b.nummer}: {b.titel}"))
    return {
        "": [("index.md", "Start"), ("contact.md", "Contact")],
        "methode": [(MORGEN, content.morgen.titel), ("methode/relationele-behoeften.md", "Relationele behoeften"),
                    ("methode/relatiewoorden.md", "Relatiewoorden")],
        "vaardigheden": [("vaardigheden/index.md", "Overzicht")] + [(skill_page(v.id), v.naam) for v in content.vaardigheden],
        "donts": [("donts/index.md", "Don'ts")],
        "contexten": [("contexten/index.md", "Contexten naast vrij spel"),
                      ("contexten/organisatie.md", "Tijd en ruimte maken (groep 1-4)")],
        "plg": plg,
        "instrumenten": [("instrumenten/index.md", "Overzicht"), ("instrumenten/downloads.md", "Alle downloads")]
                        + [(instrument_page(i.id), i.titel) for i in content.instrumenten],
        "trainers": [("trainers/jaarplanning.md", "Jaarplanning")],
        "onderzoek": [("onderzoek/index.md", "Het onderzoek"), ("onderzoek/bronnen.md", "Bronnen")],
    }


def page_paths(content: "Content") -> dict[str, str]:
    pages: dict[str, str] = {}
    for entries in generated_pages(content).values():
        pages.update(dict(entries))
    pages.update(prose_pages(content.root))
    return pages
