"""Navigation titles in an incremental build: a renamed page need not rebuild the whole site (issue 13).

A page's title stands in the navigation of every page that shows it; before this, a renamed instrument changed
the builder's configuration and so rebuilt every page. The shape of the navigation (sections, their titles, the
order of the pages) still decides whether a build can be incremental; the pages' own titles are left out of that
key (`shape`). Which pages show a title is read from the previous build itself: a page that showed a page's
title in its navigation, tabs or footer linked to it. So the pages rebuilt for a rename are the renamed page and
every page whose last built HTML links to it (`touched`); with `navigation.prune` that is its section and its
neighbours, not the site. The tests rename a page and compare the incremental site with a full build, byte for
byte.
"""

from __future__ import annotations

import os
import posixpath
import re
import time
from pathlib import Path
from typing import Any

_HREF = re.compile(r'href="([^"#?]*)(?:\?[^"#]*)?(#[^"]*)?"')


def titles(nav: list[Any]) -> dict[str, str]:
    """Every page of the navigation with its title there: {'instrumenten/x.md': 'Titel'}."""
    found: dict[str, str] = {}
    for entry in nav:
        for title, value in entry.items():
            if isinstance(value, str):
                found[value] = str(title)
            else:
                found.update(titles(value))
    return found


def shape(nav: list[Any]) -> list[Any]:
    """The navigation with every page's title left out: what must not change for an incremental build."""
    result: list[Any] = []
    for entry in nav:
        for title, value in entry.items():
            result.append({"": value} if isinstance(value, str) else {str(title): shape(value)})
    return result


def renamed(before: dict[str, str] | None, now: dict[str, str]) -> dict[str, str] | None:
    """The pages whose title changed, with their new title; None when the pages themselves differ (the shape
    check rebuilds everything then)."""
    if before is None or set(before) != set(now):
        return None
    return {page: title for page, title in now.items() if before[page] != title}


def _links(site: Path, url: str) -> set[str] | None:
    """Where the last built page at ``url`` links to, as site URLs with their anchor ('x/y.html#a'); None if it
    cannot be read."""
    try:
        html = (site / url).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    here, found = posixpath.dirname(url), set()
    for href, anchor in _HREF.findall(html):
        if "://" in href or href.startswith(("mailto:", "data:")):
            continue
        resolved = posixpath.normpath(posixpath.join(here, href)) if href else url
        if href.endswith("/") or resolved == ".":  # a folder: its index page
            resolved = posixpath.normpath(posixpath.join(resolved, "index.html"))
        found.add(resolved + anchor)
    return found


def touched(site: Path, urls: dict[str, str], renamed_pages: set[str]) -> set[str]:
    """The pages (by source, e.g. 'instrumenten/x.md') whose last built HTML in ``site`` links to a renamed page,
    and the renamed pages themselves. ``urls``: source -> URL in the site, of every page."""
    targets = {urls[p] for p in renamed_pages if p in urls}
    pages = set(renamed_pages)
    for src, url in urls.items():
        if src in pages:
            continue
        links = _links(site, url)
        if links is None or any(link.split("#", 1)[0] in targets for link in links):
            pages.add(src)  # unreadable: cannot tell, so it is built too
    return pages


def linked(site: Path, urls: dict[str, str], anchors: set[str], pages: set[str]) -> bool:
    """Whether one of ``pages`` (sources) linked to one of ``anchors`` ('x/y.html#a') in the last build."""
    for src in pages:
        links = _links(site, urls[src])
        if links is None or links & anchors:
            return True
    return False


def build_again(source: Path, built: Path) -> None:
    """Give a page's source a later time than its built page, so MkDocs' dirty mode builds it again."""
    try:
        later = max(time.time(), built.stat().st_mtime + 1)
        os.utime(source, (later, later))
    except OSError:
        pass  # no built page: MkDocs builds it anyway
