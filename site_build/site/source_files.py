"""Which file of the repository each page of the site comes from, so that a page can link to that file's editor
in the repository of the edition (content/editie.yml, 'repository'): a trainer edits in the browser, no terminal.
A page made from a whole folder (an overview) links to the folder."""

from __future__ import annotations

from typing import TYPE_CHECKING

from site_build.content import pages

if TYPE_CHECKING:
    from site_build.content.collection import Content

BRANCH = "main"  # the branch the publishing workflow builds (.github/workflows/site.yml)


def page_sources(content: "Content") -> dict[str, str]:
    """Page path (as in the nav) -> the file or folder (ending in '/') it is made from, derived from the kinds
    table (content/kinds.py): an item's page comes from the item's file, an overview of a folder kind from the
    folder, a page of a one-file kind from that file; hand-written pages from themselves."""
    sources: dict[str, str] = {}
    for k, page, item in pages.declared(content):
        if item is None:
            path, source = page.path, (f"{k.folder}/" if k.folder else k.file)
        else:
            path = page.path.format(id=item.id)
            source = content.sources.get(f"{k.source_key}:{item.id}", f"{k.folder}/{item.id}.yml") if k.folder \
                else k.file
        if source and (content.root / source).exists():
            sources[path] = source
    for rel in pages.prose_pages(content.root):
        sources[rel] = f"{pages.PROSE_DIR}/{rel}"
    return sources


def edit_url(repository: str, source: str) -> str:
    """The address where the file opens in the repository's editor (a folder: its listing)."""
    base = repository.rstrip("/")
    if source.endswith("/"):
        return f"{base}/tree/{BRANCH}/{source.rstrip('/')}"
    return f"{base}/edit/{BRANCH}/{source}"
