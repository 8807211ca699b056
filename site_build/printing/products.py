"""Downloads: which PDF files a build publishes (known from the content before any is rendered), and how the
site shows their size and page count, which are only known once they are.

The site's pages are written while the PDFs are still being rendered; where a page shows a size or a page
count, it holds a marker (an HTML comment) that `fill_in` replaces in the built HTML afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from site_build.printing.sheets import BIJLAGEN

DOWNLOADS = "downloads"
MORGEN_KAART = "morgen-beginnen.pdf"  # the teacher's card (A5), made from content/morgen-beginnen.yml


@dataclass(frozen=True)
class Download:
    name: str
    title: str
    kind: str                # 'formulier', 'invulbaar', 'pakket', 'map', 'kaarten', 'bijlage', 'planning', 'draaiboek'
    size: int | None = None  # None while the PDF is not rendered yet
    pages: int | None = None

    @property
    def path(self) -> str:
        return f"{DOWNLOADS}/{self.name}"

    def done(self, size: int, pages: int) -> "Download":
        return replace(self, size=size, pages=pages)


def planned(content, trainer: bool = False) -> list[Download]:
    """Every PDF of the site, in the order of the Downloads page."""
    result = []
    for inst in content.instrumenten:
        result.append(Download(f"{inst.id}.pdf", inst.titel, "formulier"))
        result.append(Download(f"{inst.id}-invulbaar.pdf", inst.titel, "invulbaar"))
    for cyclus, b in content.bijeenkomsten():
        if b.instrumenten:
            result.append(Download(pack_name(b.id), pack_title(cyclus, b), "pakket"))
    result.append(Download("complete-map.pdf", "Complete map: alle formulieren", "map"))
    result.append(Download("zakkaarten.pdf", "Zakkaarten: vijf vaardigheden en vier don'ts", "kaarten"))
    result.append(Download(MORGEN_KAART, morgen_titel(content), "kaarten"))
    result.extend(Download(b.name, b.title, "bijlage") for b in BIJLAGEN.values())
    if content.planning is not None:
        result.append(Download("jaarplanning.pdf", content.planning.titel, "planning"))
    if trainer:
        for cyclus in content.plg.cycli:
            result.append(Download(f"draaiboek-{cyclus.id}.pdf", f"Draaiboek {cyclus.titel}", "draaiboek"))
    return result


def morgen_titel(content) -> str:
    """The card's title: in the downloads list, in the PDF's own metadata and in the packs' bookmarks."""
    return f"{content.morgen.titel}: kaart (A5, vier kanten)"


def pack_name(meeting_id: str) -> str:
    return f"pakket-{meeting_id}.pdf"


def pack_title(cyclus, b) -> str:
    return f"Printpakket bijeenkomst {cyclus.nummer}.{b.nummer}: {b.titel}"


# --- how a page shows them ------------------------------------------------------------------------------
