"""The preview's error page: when the content (or a PDF, a template, the disk) fails during `p2g serve`, the
browser shows every problem as file:line in Dutch, on whatever page it was, and reloads once it is fixed. The
server keeps running; its log gets the same lines, never a traceback. The page's own words ('foutpagina') are in the
language of the last good preview; the problems stay Dutch, like every error for trainers."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from markupsafe import escape

FOLDER = "fout"  # build/fout/docs: the pages shown while the content is broken

_EDITIE = {"organisatie": "-", "editie": "-", "versie": "-", "schooljaar": "-", "url": None, "logo": None,
           "contact": {"naam": "-", "rol": "-", "email": "-", "telefoon": None},
           "licentie": {"inhoud": "-", "code": "-"}}
# when no catalogue can be read (the problem may be the catalogue itself): signs, in no language, around the problems
_NO_WORDS = {"site_naam": "p2g", "titel": "⚠", "een": "{n} ⚠", "meer": "{n} ⚠", "andere_paginas": "…"}


def messages(error: BaseException) -> list[str]:
    """The lines to show for an error of a preview build."""
    from site_build.core.problems import ContentError, os_error

    if isinstance(error, ContentError):
        return [str(p) for p in error.problems]
    if isinstance(error, OSError):
        return [os_error(error)]
    where = getattr(error, "filename", None)
    if where:  # a template error: its file and line
        return [f"{where}:{getattr(error, 'lineno', None) or 1}: fout in een sjabloon: {getattr(error, 'message', error)}"]
    return [str(error)]


def write_error_docs(root: Path, last_docs: Path, lines: list[str]) -> Path:
    """A docs folder with the error page at every path the last good preview had (so the open page turns into
    it); returns the folder. Every line is escaped: a problem quotes content, and content stays text."""
    from site_build.site.render import SITE_CONFIG

    base = root / "build" / FOLDER
    docs = base / "docs"
    try:
        editie = json.loads((last_docs.parent / SITE_CONFIG).read_text(encoding="utf-8"))["editie"]
    except (OSError, ValueError, KeyError, TypeError):
        editie = _EDITIE
    w, theme = _words(root, editie.get("taal") if isinstance(editie, dict) else None)
    shutil.rmtree(docs, ignore_errors=True)
    docs.mkdir(parents=True)
    items = "".join(f"<li><code>{escape(line.replace(chr(10), ' '))}</code></li>" for line in lines)
    n = len(lines)
    # the catalogue's words are the site makers' own (they may hold HTML, like a template); only the problems are escaped
    count = w["een" if n == 1 else "meer"].format(n=n)
    page = (f"---\nhide:\n  - navigation\n  - toc\n  - footer\n---\n# {w['titel']}\n\n"
            f"<p>{count}</p>\n\n<ul class=\"p2g-fouten\">{items}</ul>\n")
    paths = {"index.md"} | ({p.relative_to(last_docs).as_posix() for p in last_docs.rglob("*.md")}
                            if last_docs.is_dir() else set()) | _likely_pages(root)
    for rel in sorted(paths):
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text(page, encoding="utf-8")
    assets = docs / "assets"
    assets.mkdir()
    shutil.copy2(root / "macros" / "assets" / "p2g.css", assets / "p2g.css")
    (assets / "editie.css").write_text("", encoding="utf-8")
    others = [{rel: rel} for rel in sorted(paths - {"index.md"})]
    nav = [{w["titel"]: "index.md"}] + ([{w["andere_paginas"]: others}] if others else [])
    config = {"site_name": w["site_naam"], "nav": nav, "copyright": "", "editie": editie, **theme, "trainer": False}
    (base / SITE_CONFIG).write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
    return docs


def _words(root: Path, taal: str | None) -> tuple[dict[str, str], dict[str, Any]]:
    """The page's words and the theme's (language, footer) in ``taal``; when that catalogue is what is broken, the
    program's own Dutch one; when none can be read, signs."""
    from site_build.core.labels import REFERENCE, LabelError, load_labels, package_labels
    from site_build.site.render import theme_words

    for labels_of in (lambda: load_labels(root, taal or REFERENCE), package_labels):
        try:
            labels = labels_of()
            return labels.section("foutpagina"), theme_words(labels)
        except LabelError:
            continue
    code = taal or REFERENCE
    return _NO_WORDS, {"taal": {"code": code, "zoeken": code, "kopje_link": ""}, "voet": {}}


def _likely_pages(root: Path) -> set[str]:
    """Pages a preview that never built can still be asked for: those of the content files and prose pages."""
    from site_build.content.pages import PROSE_DIR

    found = {f"vaardigheden/{p.stem}.md" for p in (root / "content" / "vaardigheden").glob("*.yml")}
    found |= {f"instrumenten/{p.stem}.md" for p in (root / "instruments").glob("*.yml")}
    prose = root / PROSE_DIR
    found |= {p.relative_to(prose).as_posix() for p in prose.rglob("*.md")} if prose.is_dir() else set()
    return found
