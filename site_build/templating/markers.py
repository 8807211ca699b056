"""Markers: what a page shows of a file that is made while the page is written (a PDF's size and page count, the
offline zip's size). The page holds an HTML comment; the build replaces it in the built HTML afterwards."""

from __future__ import annotations

import re

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


PREFIX = b"<!--p2g:"  # what every marker starts with (the zip's too): a page without it has none


def filler(downloads: list, labels: Labels):
    """A function that replaces the markers in one page's HTML by the real sizes and page counts
    (``fill(text, where)``; ``where`` names the page in an error). The offline zip's own marker is left for
    site/offline_zip.py.

    A marker for a file that was not rendered is a bug in the build, not in the content: it stops the build.
    """
    by_name = {d.name: d for d in downloads}
    shows = _shows(labels)

    def fill(text: str, where: str) -> str:
        def value(match: "re.Match[str]") -> str:
            d = by_name.get(match.group(2))
            if d is None or d.size is None:
                raise RuntimeError(f"{where}: geen PDF '{match.group(2)}' gemaakt")
            return str(Markup.escape(shows[match.group(1)](d)))

        return _MARKER.sub(value, text)

    return fill


def zip_globals() -> dict:
    """What the pages' templates use of the offline zip: where it is and the marker that becomes its size."""
    return {"offline_zip": ZIP_PATH, "zip_grootte": Markup(MARKER)}
