"""The steps after the site builder has written the site, the same whichever builder ran: the theme's bundle loses
its loads from a public CDN, and the Dutch search gets its stemmer patch (search.py). One table of patches, used two
ways: `p2g build` applies them to each file as it puts the published site together (site/assemble.py), the preview
and the hook for `mkdocs serve` apply them in place."""

from __future__ import annotations

import re
from fnmatch import fnmatchcase
from pathlib import Path

from site_build.site.search import TARGET, with_dutch_search

_CDN = re.compile(r"https://unpkg\.com/[^\"'`)\s]*")


def strip_cdn(text: str) -> str:
    """Material's bundle can fetch a polyfill and Mermaid from a public CDN. This site uses neither, and its
    readers' browsers must never contact another host: point those loads at an empty inline script."""
    return _CDN.sub("data:text/javascript,", text)


# file of the built site (a pattern, relative to the site) -> what its text becomes; each patch leaves a text it
# has patched already as it is, so applying it twice changes nothing
PATCHES = {"assets/javascripts/bundle.*.js": strip_cdn, TARGET.as_posix(): with_dutch_search}


def patched(rel: str, data: bytes) -> bytes:
    """The file ``rel`` (relative to the site) as it is published."""
    for pattern, patch in PATCHES.items():
        if fnmatchcase(rel, pattern):
            text = data.decode("utf-8")
            new = patch(text)
            return data if new == text else new.encode("utf-8")
    return data


def after_build(site: Path) -> None:
    """Apply the patches to a built site in place (a file is written only when it changes)."""
    for pattern, patch in PATCHES.items():
        for path in sorted(Path(site).glob(pattern)):
            text = path.read_text(encoding="utf-8")
            new = patch(text)
            if new != text:
                path.write_text(new, encoding="utf-8")
