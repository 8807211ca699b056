"""Dutch search: appends site_build/site/search_nl.js to the Dutch lunr file that Material's search worker loads,
so words are found by their stem and Dutch stop words do not count (see that file for how)."""

from __future__ import annotations

import hashlib
from pathlib import Path

PATCH = Path(__file__).with_name("search_nl.js")
TARGET = Path("assets") / "javascripts" / "lunr" / "min" / "lunr.nl.min.js"
MARKER = "/* p2g-zoeken "


def patch_dutch_search(site_dir: Path) -> bool:
    """Append the patch once (a build without changes to the theme may leave the patched file in place);
    whether the file changed. A missing file means search is not Dutch: nothing to do."""
    target = Path(site_dir) / TARGET
    if not target.is_file():
        return False
    patch = PATCH.read_text(encoding="utf-8")
    stamp = f"{MARKER}{hashlib.sha256(patch.encode()).hexdigest()[:16]} */\n"
    text = target.read_text(encoding="utf-8")
    if stamp in text:
        return False
    original = text.split(MARKER, 1)[0]  # an older patch goes: it is replaced, not stacked
    target.write_text(original.rstrip("\n") + "\n" + stamp + patch, encoding="utf-8")
    return True
