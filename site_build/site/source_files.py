"""Which file of the repository each page of the site comes from, so that a page can link to that file's editor
in the repository of the edition (content/editie.yml, 'repository'): a trainer edits in the browser, no terminal.
A page made from a whole folder (an overview) links to the folder."""

from __future__ import annotations

from typing import TYPE_CHECKING

from site_build.content import pages

if TYPE_CHECKING:
    from site_build.content.collection import Content

BRANCH = "main"  # the branch the publishing workflow builds (.github/workflows/site.yml)

# generated pages made from one content file or folder
_FIXED = {
    "index.md": "content/start.yml",
    "contact.md": "content/editie.yml",
    "methode/relationele-behoeften.md": "content/relationele-behoeften.yml",
    "methode/relatiewoorden.md": "content/relatiewoorden.yml",
    "vaardigheden/index.md": "content/vaardigheden/",
    "donts/index.md": "content/donts/",
    "contexten/index.md": "content/contexten/",
    "contexten/organisatie.md": "content/organisatie.yml",
    "instrumenten/index.md": "instruments/",
    "instrumenten/downloads.md": "instruments/",
    "onderzoek/index.md": "content/onderzoek.yml",
    "trainers/jaarplanning.md": "content/planning.yml",
}


def page_sources(content: "Content") -> dict[str, str]:
    """Page path (as in the nav) -> the file or folder (ending in '/') it is made from."""
    sources = {path: src for path, src in _FIXED.items() if (content.root / src).exists()}
    for v in content.vaardigheden:
        sources[pages.skill_page(v.id)] = f"content/vaardigheden/{v.id}.yml"
    for inst in content.instrumenten:
        sources[pages.instrument_page(inst.id)] = f"instruments/{inst.id}.yml"
    sources["plg/index.md"] = "content/plg.yml"
    for cyclus in content.plg.cycli:
        sources[pages.cycle_page(cyclus.id)] = "content/plg.yml"
        for b in cyclus.bijeenkomsten:
            sources[pages.meeting_page(b.id)] = "content/plg.yml"
    for rel in pages.prose_pages(content.root):
        sources[rel] = f"{pages.PROSE_DIR}/{rel}"
    return sources


def edit_url(repository: str, source: str) -> str:
    """The address where the file opens in the repository's editor (a folder: its listing)."""
    base = repository.rstrip("/")
    if source.endswith("/"):
        return f"{base}/tree/{BRANCH}/{source.rstrip('/')}"
    return f"{base}/edit/{BRANCH}/{source}"
