"""The steps after the site builder has written the site, the same whichever builder ran: the theme's bundle loses
its loads from a public CDN, and the Dutch search gets its stemmer patch (search.py). `p2g build` runs them
itself; the hook runs them for `mkdocs serve`."""

from __future__ import annotations

import re
from pathlib import Path

from site_build.site.search import patch_dutch_search

_CDN = re.compile(r"https://unpkg\.com/[^\"'`)\s]*")


def strip_cdn(site: Path) -> None:
    """Material's bundle can fetch a polyfill and Mermaid from a public CDN. This site uses neither, and its
    readers' browsers must never contact another host: point those loads at an empty inline script."""
    for bundle in Path(site, "assets", "javascripts").glob("bundle.*.js"):
        text = bundle.read_text(encoding="utf-8")
        cleaned = _CDN.sub("data:text/javascript,", text)
        if cleaned != text:
            bundle.write_text(cleaned, encoding="utf-8")


def after_build(site: Path) -> None:
    strip_cdn(site)
    patch_dutch_search(site)
