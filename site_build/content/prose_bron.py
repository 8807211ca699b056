"""Provenance in hand-written pages: the `{bron: §2.4}` tag at the end of a paragraph or list item.

A prose page states its sources the way a YAML item does, one per paragraph or list item, with the same values
(bron.BRON_PATROON) and the same small marker on the site (bron.marker). Validation (`check`) reports a wrong or
misplaced tag with file:line:column and, in the folders that describe the method (pages.PROSE_CLAIMS), every
paragraph or list item without one. The site turns each tag into the marker (`render`) while it copies the pages
into the docs folder, so MkDocs never sees the tag and a trainer never writes HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterator, Optional

from site_build.content import bron
from site_build.core.problems import Problem

# Loose on purpose ('{Bron : x}', '{bron x}'), so a near miss gets an explanation instead of showing as text.
TAG = re.compile(r"\{\s*bron\b\s*:?\s*([^{}\n]*?)\s*\}", re.IGNORECASE)
_EXACT = re.compile(r"\{bron: [^{}\n]*\}")
_CODE_SPAN = re.compile(r"`[^`\n]*`")
_FENCE = re.compile(r"^\s*(```|~~~)")
_ITEM = re.compile(r"^(\s*)([-*+]|\d+[.)])(\s+|$)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(\s|$)")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_ADMONITION = re.compile(r"^\s*(!!!|\?\?\?\+?)\s")
VOORBEELD = "{bron: §2.4}"


@dataclass
class Block:
    """One paragraph, list item or heading: its lines (number, text with code spans blanked out)."""

    kind: str  # 'alinea', 'punt' or 'kop'
    lines: list[tuple[int, str]] = field(default_factory=list)

    @property
    def first(self) -> int:
        return self.lines[0][0]

    @property
    def last(self) -> int:
        return self.lines[-1][0]


def blocks(text: str) -> list[Block]:
    """The paragraphs, list items and headings of a page, outside code (tables, rules and code are skipped)."""
    return list(_blocks(text))


def _blocks(text: str) -> Iterator[Block]:
    current: Optional[Block] = None
    fenced = in_list = False  # in_list: indented lines continue a list item
    after_blank = True
    for number, raw in enumerate(text.splitlines(), start=1):
        line = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), raw)
        if _FENCE.match(raw):
            fenced = not fenced
            current = None
            continue
        if fenced:
            continue
        if not line.strip():
            current, after_blank = None, True
            continue
        indented = len(line) - len(line.lstrip(" \t")) >= 4 or line.startswith("\t")
        item = _ITEM.match(line)
        if _HEADING.match(line) or _RULE.match(line) or line.lstrip().startswith("|") or _ADMONITION.match(line):
            current = None
            if _HEADING.match(line):
                yield Block("kop", [(number, line)])
            # an admonition's body is indented like a list item's: text, not code
            in_list = bool(_ADMONITION.match(line)) or (in_list and indented)
        elif item and not (indented and not in_list):
            in_list = True
            current = Block("punt", [(number, line)])
            yield current
        elif current is not None and not after_blank:
            current.lines.append((number, line))  # a paragraph or item running on
        elif indented and not in_list:
            current = None  # an indented code block
        else:
            in_list = in_list and (indented or not after_blank)
            current = Block("alinea", [(number, line)])
            yield current
        after_blank = False


def _parse(value: str) -> tuple[str, Optional[str]]:
    """'toevoeging, reden: waarom' -> ('toevoeging', 'waarom')."""
    source, _, rest = value.partition(",")
    rest = rest.strip()
    if not rest:
        return source.strip(), None
    if not rest.lower().startswith("reden:") or not rest[len("reden:"):].strip():
        raise ValueError("na de bron mag alleen ', reden: ...' komen (waarom deze site dit toevoegt)")
    return source.strip(), rest[len("reden:"):].strip()


def check(text: str, rel: str, claims: bool) -> list[Problem]:
    """Wrong, misplaced or missing source tags in one prose page; ``claims``: every paragraph and item needs one."""
    problems: list[Problem] = []
    for block in blocks(text):
        ends_with_tag = False
        for number, line in block.lines:
            for tag in TAG.finditer(line):
                col = tag.start() + 1
                at_end = number == block.last and not line[tag.end():].strip()
                ends_with_tag = ends_with_tag or at_end
                if block.kind == "kop":
                    problems.append(Problem(rel, number, col, f"een kop krijgt geen bron; zet '{tag.group(0)}' aan "
                                                              f"het eind van de alinea of het punt eronder"))
                    continue
                if not at_end:
                    problems.append(Problem(rel, number, col, f"'{tag.group(0)}' hoort aan het eind van de alinea of "
                                                              f"het punt (één bron per alinea of punt, als laatste)"))
                if not _EXACT.fullmatch(tag.group(0)):
                    problems.append(Problem(rel, number, col, f"schrijf de bron precies zo: {VOORBEELD} (kleine "
                                                              f"letters, dubbele punt, spatie); hier staat "
                                                              f"'{tag.group(0)}'"))
                    continue
                problems += _value_problems(tag.group(1), rel, number, tag.start(1) + 1)
        if claims and block.kind != "kop" and not ends_with_tag:
            wat = "dit punt" if block.kind == "punt" else "deze alinea"
            problems.append(Problem(rel, block.first, 1,
                                    f"{wat} (regel {block.first}-{block.last}) zegt iets over de methode maar heeft "
                                    f"geen eigen bron. Zet aan het eind, op regel {block.last}, de plek in het "
                                    f"rapport ({VOORBEELD}) of {{bron: toevoeging}} als het van deze site komt"))
    return problems


def _value_problems(value: str, rel: str, line: int, col: int) -> list[Problem]:
    try:
        source, _ = _parse(value)
    except ValueError as error:
        return [Problem(rel, line, col, f"'{value[:60]}': {error}")]
    if not re.fullmatch(bron.BRON_PATROON, source):
        return [Problem(rel, line, col, f"bron '{source[:60]}' ken ik niet. {bron.BRON_HELP}")]
    return []


def render(text: str, mark: Callable[[str, Optional[str]], object]) -> str:
    """The page with each valid tag replaced by ``mark(source, reden)``: the same marker as a YAML item's
    (bron.marker, in the edition's words); code is left as written."""
    lines = text.splitlines(keepends=True)
    for block in blocks(text):
        for number, blanked in block.lines:
            for tag in reversed(list(TAG.finditer(blanked))):
                if block.kind == "kop" or _value_problems(tag.group(1), "", number, 1):
                    continue  # validation refused it already; never reached in a build
                source, reden = _parse(tag.group(1))
                raw = lines[number - 1]
                lines[number - 1] = raw[:tag.start()].rstrip() + " " + str(mark(source, reden)) + raw[tag.end():]
    return "".join(lines)
