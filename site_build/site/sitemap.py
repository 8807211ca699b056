"""Site map: the navigation of the site, in the method's order, from the pages the content makes (the pages each
kind declares in content/kinds.py, and the prose pages); a kind's pages join the section they name. Section titles
are labels ('nav.secties' in macros/labels/<taal>.yml), in the edition's language."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from site_build.content.pages import generated_pages, prose_pages

if TYPE_CHECKING:
    from site_build.content.collection import Content

# Top-level sections in the order of the method, each with the key of its title in the label catalogue; prose pages
# join the section of their folder.
SECTIONS = [
    ("methode", "nav.secties.methode"),
    ("vaardigheden", "nav.secties.vaardigheden"),
    ("donts", "nav.secties.donts"),
    ("contexten", "nav.secties.contexten"),
    ("plg", "nav.secties.plg"),
    ("instrumenten", "nav.secties.instrumenten"),
    ("trainers", "nav.secties.trainers"),
    ("onderzoek", "nav.secties.onderzoek"),
]


def nav(content: "Content") -> list[Any]:
    """The MkDocs nav: sections in method order; prose pages first within their section."""
    generated = generated_pages(content)
    prose = prose_pages(content.root)
    labels = content.labels()
    # the top level: its first page (the home page) opens the navigation, the others close it
    top = generated.get("", [])
    result: list[Any] = [{title: path} for path, title in top[:1]]
    for key, label in SECTIONS:
        title = labels.text(label)
        entries: list[Any] = []
        own = sorted((p, t) for p, t in prose.items() if p.split("/")[0] == key)
        # an index.md written by hand opens its section
        own.sort(key=lambda pt: (not pt[0].endswith("/index.md"), pt[0]))
        # the section's index (written by hand or generated) comes first: a tab opens the first page of its
        # section, so a prose page such as plg/privacy.md must not come before plg/index.md
        ordered = own + generated.get(key, [])
        ordered.sort(key=lambda pt: not pt[0].endswith("/index.md"))
        for path, page_title in ordered:
            entries.append({page_title: path})
        if len(entries) == 1 and key in ("donts", "onderzoek"):
            result.append({title: next(iter(entries[0].values()))})
        elif entries:
            result.append({title: entries})
    loose = sorted((p, t) for p, t in prose.items() if "/" not in p and p != "index.md")
    for path, page_title in loose:
        result.append({page_title: path})
    result += [{title: path} for path, title in top[1:]]
    return result
