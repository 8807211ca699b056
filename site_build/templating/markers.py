"""Markers: what a page shows of a file that is made while the page is written (a PDF's size and page count, the
offline zip's size). The page holds an HTML comment; the build replaces it in the built HTML afterwards."""

from __future__ import annotations

import re
from pathlib import Path

from markupsafe import Markup

from site_build.core.labels import Labels

ZIP_NAME = "playing-2-gether-offline.zip"
ZIP_PATH = f"downloads/{ZIP_NAME}"
MARKER = "<!--p2g:zipgrootte-->"


def _kb(size: int) -> str:
    return f"{max(1, round(size / 1024))} kB"


def _shows(labels: Labels) -> dict:
    def pages(n: int) -> str:
        return labels.text("bestand.pagina" if n == 1 else "bestand.paginas").format(n=n)

    return {"grootte": lambda d: _kb(d.size), "paginas": lambda d: pages(d.pages), "aantal": lambda d: str(d.pages)}


_MARKER = re.compile(r"<!--p2g:(grootte|paginas|aantal):([A-Za-z0-9._-]+)-->")


def template_globals(labels: Labels) -> dict:
    """grootte(d), paginas(d), pagina_aantal(d): the value, or a marker while the file is still being made."""
    shows = _shows(labels)

    def shown(what: str):
        def show(d) -> Markup:
            if d.size is None:
                return Markup(f"<!--p2g:{what}:{d.name}-->")
            return Markup.escape(shows[what](d))
        return show

    return {"grootte": shown("grootte"), "paginas": shown("paginas"), "pagina_aantal": shown("aantal")}


def fill_in(site: Path, downloads: list, labels: Labels) -> int:
    """Replace the markers in the built HTML by the real sizes and page counts; returns the files changed.

    A marker for a file that was not rendered is a bug in the build, not in the content: it stops the build.
    """
    by_name = {d.name: d for d in downloads}
    shows = _shows(labels)
    changed = 0
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if "<!--p2g:" not in text:
            continue

        def value(match: "re.Match[str]") -> str:
            d = by_name.get(match.group(2))
            if d is None or d.size is None:
                raise RuntimeError(f"{page}: geen PDF '{match.group(2)}' gemaakt")  # noqa: B023 (used in this iteration)
            return str(Markup.escape(shows[match.group(1)](d)))

        page.write_text(_MARKER.sub(value, text), encoding="utf-8")
        changed += 1
    return changed


def zip_globals() -> dict:
    """What the pages' templates use of the offline zip: where it is and the marker that becomes its size."""
    return {"offline_zip": ZIP_PATH, "zip_grootte": Markup(MARKER)}
