"""Tables on a phone: every cell of a generated table learns its column's heading (data-label), so that on a
narrow screen a wide table can show each row as a small card ('Voormeting: 9') instead of being cut off."""

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
