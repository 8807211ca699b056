"""Generated tables and lists, after their template: every cell of a wide table learns its column's heading
(data-label), so that on a narrow screen it can show each row as a small card ('Voormeting: 9') instead of being
cut off; and cells, rows, list items and line breaks end their line of HTML, so that search does not glue the
text of one to the next ('InstrumentVoor wie')."""

from __future__ import annotations

import html
import re

_TABLE = re.compile(r'<table class="p2g-tabel([^"]*)">(.*?)</table>', re.S)
_HEAD = re.compile(r"<thead>(.*?)</thead>", re.S)
_COL = re.compile(r'<th scope="col"[^>]*>(.*?)</th>', re.S)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_CELL = re.compile(r"<(td|th)((?: [^>]*)?)>")
_TAG = re.compile(r"<[^>]+>")

STACK_FROM = 3  # tables with this many columns or more are stacked on a phone (two columns fit as they are)


# Material's search keeps the text between tags as it is: '<td>a</td><td>b</td>' is found as 'ab', and a
# snippet shows it so. A line break between them is a space there, and nothing on the page.
_BOUNDARY = re.compile(r"(<br>|</(?:td|th|tr|li|caption|thead|tbody|dt|dd)>)(?=[^\s])")
_HTML_LINE = re.compile(r"(?m)^([ \t]*)(<.*)$")


def finish(page: str) -> str:
    """A generated page as MkDocs gets it: its tables labelled (label_cells), its blocks of HTML spaced."""
    return label_cells(_HTML_LINE.sub(_spaced_line, page))


def _spaced_line(match: "re.Match[str]") -> str:
    # only lines of raw HTML, and each new line as indented as the one it came from: inside an indented block
    # (an admonition) a line at the margin would end the block
    indent = match.group(1)
    return indent + _BOUNDARY.sub(lambda m: m.group(1) + "\n" + indent, match.group(2))


def label_cells(page: str) -> str:
    """The page with data-label on the body cells of each p2g-tabel, and the stacking class on wide ones."""
    return _TABLE.sub(_label_table, page)


def _label_table(match: "re.Match[str]") -> str:
    classes, inner = match.group(1), match.group(2)
    head = _HEAD.search(inner)
    if head is None:
        return match.group(0)
    labels = [html.unescape(_TAG.sub("", c)).strip() for c in _COL.findall(head.group(1))]
    if len(labels) < STACK_FROM:
        return match.group(0)
    body_start = head.end()

    def row(m: "re.Match[str]") -> str:
        index = iter(range(len(labels)))

        def cell(c: "re.Match[str]") -> str:
            i = next(index, None)
            if i is None or c.group(1) == "th":  # a row heading is the card's title: it needs no label
                return c.group(0)
            return f'<{c.group(1)}{c.group(2)} data-label="{html.escape(labels[i])}">'

        return "<tr>" + _CELL.sub(cell, m.group(1)) + "</tr>"

    body = _ROW.sub(row, inner[body_start:])
    return f'<table class="p2g-tabel{classes} p2g-tabel--stapel">{inner[:body_start]}{body}</table>'
