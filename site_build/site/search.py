"""Dutch search: appends site_build/site/search_nl.js to the Dutch lunr file that Material's search worker loads,
so words are found by their stem and Dutch stop words do not count (see that file for how)."""

from __future__ import annotations

import hashlib
from pathlib import Path

PATCH = Path(__file__).with_name("search_nl.js")
TARGET = Path("assets") / "javascripts" / "lunr" / "min" / "lunr.nl.min.js"
MARKER = "/* p2g-zoeken "


def with_dutch_search(text: str) -> str:
    """The lunr file's text with the patch appended once: a file that has this patch already stays as it is,
    an older patch is replaced, not stacked."""
    patch = PATCH.read_text(encoding="utf-8")
    stamp = f"{MARKER}{hashlib.sha256(patch.encode()).hexdigest()[:16]} */\n"
    if stamp in text:
        return text
    original = text.split(MARKER, 1)[0]
    return original.rstrip("\n") + "\n" + stamp + patch
