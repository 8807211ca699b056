"""Text rendering shared by site and print: the safe Markdown subset, escaping and links between pages."""

from __future__ import annotations

import functools
import html
import posixpath
import re
import threading
from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from site_build.content.markdown_policy import href_problem, is_external, mark_external


class _SafeLinks(Treeprocessor):
    """The Markdown policy (markdown_policy) for Opmaak fields: no images, only allowed link targets, external
    links marked; relative '.md' links become the built '.html' pages."""

    def run(self, root: Element) -> None:
        for parent in root.iter():
            for child in list(parent):
                if child.tag == "img":
                    parent.remove(child)
        for a in root.iter("a"):
            href = a.get("href", "")
            if href_problem(href):
                a.attrib.pop("href", None)
            elif is_external(href):
                mark_external(a)
            elif not href.lower().startswith(("mailto:", "#")):
                a.set("href", re.sub(r"\.md(#|$)", r".html\1", href))


class _Extension(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_SafeLinks(md), "p2g_safe_links", 1)


def _markdown() -> markdown.Markdown:
    return markdown.Markdown(extensions=["sane_lists", _Extension()], output_format="html")


# A Markdown instance keeps state while it converts, and the site's pages and the print HTML are rendered in two
# threads at once (printing/pipeline.py plans PDFs while the pages are written): one shared instance mixed the text
# of one page into another. Each thread gets its own.
_LOCAL = threading.local()


def _converter() -> markdown.Markdown:
    md = getattr(_LOCAL, "md", None)
    if md is None:
        md = _LOCAL.md = _markdown()
    return md


def prose(text: str | None) -> Markup:
    """The documented Markdown subset of 'Opmaak' fields: HTML is escaped first, so it shows as text."""
    return _converted(text) if text else Markup("")


# The same text is converted for its page, the overviews that show it and its PDF: converting is a pure function
# of the text (links stay relative as written), so each text is converted once per process. At 16x the content this
# took writing the pages of an edit from 3.98 to 2.37 CPU-s (issue 13). Bounded, so a long `p2g serve` does not
# keep every text it ever saw.
@functools.lru_cache(maxsize=65536)
def _converted(text: str) -> Markup:
    md = _converter()
    md.reset()
    rendered = md.convert(html.escape(text, quote=False))
    # Raw HTML blocks in the generated Markdown end at a blank line: keep our blocks free of them.
    return Markup(re.sub(r"\n\s*\n", "\n", rendered))


def prose_inline(text: str | None) -> Markup:
    """Like prose, without the surrounding paragraph (for one-line fields shown inline)."""
    rendered = str(prose(text))
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        rendered = rendered[3:-4]
    return Markup(rendered)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")  # what Python-Markdown unescapes; others would show their backslash


def md_inline(text: object) -> Markup:
    """Plain text placed where Markdown is parsed (headings): HTML-escaped and Markdown-escaped.

    Quotes stay as they are: a heading's text also becomes its table-of-contents entry, which MkDocs escapes
    once more, so an entity such as '&#39;' would show there literally."""
    return Markup(_MD_SPECIAL.sub(r"\\\1", html.escape(str(text), quote=False)))


@functools.lru_cache(maxsize=65536)  # pure, and asked for tens of thousands of times at 16x the content
def relative_url(from_page: str, to_page: str) -> str:
    """Link between generated pages as built with use_directory_urls: false (x.md -> x.html)."""
    target, _, anchor = to_page.partition("#")
    target = re.sub(r"\.md$", ".html", target)
    here = posixpath.dirname(from_page)
    rel = posixpath.relpath(target, here or ".")
    return rel + (f"#{anchor}" if anchor else "")
