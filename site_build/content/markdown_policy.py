"""The one Markdown policy, for Opmaak fields and prose pages (content/paginas) alike: links only to http(s),
mailto and pages of the site; images only from the project; no raw HTML; attribute lists only '#id' and '.class';
links to other hosts marked as external. `check_*` report breaches with file:line at validate; `PolicyExtension`
enforces the same rule on every page MkDocs renders (mkdocs.yml), so nothing that slips past validation runs."""

from __future__ import annotations

import posixpath
import re
from typing import Iterable
from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor

from site_build.core.problems import Problem

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
EXTERN_CLASS = "p2g-extern"


def href_problem(href: str) -> str | None:
    """Why a link target is refused, or None when it is allowed."""
    href = href.strip()
    scheme = _SCHEME.match(href)
    if scheme:
        if scheme.group(1).lower() in ("http", "https", "mailto"):
            return None
        return f"links naar '{scheme.group(1)}:' zijn niet toegestaan; gebruik https://, mailto: of een pagina van de site"
    if href.startswith(("//", "/", "\\")):
        return "een link binnen de site is een pad vanaf deze pagina, zoals '../vaardigheden/spiegelen.md'"
    return None


def src_problem(src: str) -> str | None:
    """Why an image source is refused: only files of the project, never another host or a data: URL."""
    src = src.strip()
    if _SCHEME.match(src) or src.startswith(("//", "/", "\\")):
        return "afbeeldingen komen alleen uit het project (een pad naar een bestand in content/paginas/)"
    return None


def is_external(href: str) -> bool:
    return href.lower().startswith(("http:", "https:"))


# --- the rule at render time (every page MkDocs builds) -----------------------------------------------------

_ALLOWED_ATTRS = {"id", "class", "href", "title", "rel", "src", "alt", "width", "height", "colspan", "rowspan",
                  "start", "role", "lang", "scope"}
_TEXT_ALIGN = re.compile(r"^text-align:\s*(left|right|center);?$")
_DROP_TAGS = {"script", "style", "iframe", "object", "embed", "link", "meta", "base", "form", "svg", "math"}


class _Policy(Treeprocessor):
    def run(self, root: Element) -> None:
        for parent in list(root.iter()):
            for child in list(parent):
                if child.tag in _DROP_TAGS:
                    parent.remove(child)
                elif child.tag == "img" and src_problem(child.get("src", "")):
                    parent.remove(child)
        for element in root.iter():
            for name in list(element.attrib):
                value = element.attrib[name]
                if name == "style" and _TEXT_ALIGN.match(value):
                    continue
                if name not in _ALLOWED_ATTRS and not name.startswith("aria-"):
                    del element.attrib[name]
            if element.tag == "a" and "href" in element.attrib:
                href = element.attrib["href"]
                if href_problem(href):
                    del element.attrib["href"]
                elif is_external(href):
                    mark_external(element)


def mark_external(a: Element) -> None:
    """A link to another host: a class (shown with an arrow, p2g.css) and words for screen readers."""
    from xml.etree.ElementTree import SubElement

    classes = a.get("class", "").split()
    if EXTERN_CLASS not in classes:
        a.set("class", " ".join(classes + [EXTERN_CLASS]))
        SubElement(a, "span", {"class": "p2g-sr"}).text = " (externe link, opent een andere website)"
    a.set("rel", "external noopener")


class PolicyExtension(markdown.Extension):
    """Registered last among the tree processors, after attr_list and toc have done their work."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_Policy(md), "p2g_policy", 0)


def makeExtension(**kwargs) -> PolicyExtension:  # how Python-Markdown loads an extension named in mkdocs.yml
    return PolicyExtension(**kwargs)


# --- the rule at validate time (file:line) -------------------------------------------------------------------

_INLINE_LINK = re.compile(r"(!?)\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'][^)]*)?\)")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S*?)>?(?:\s|$)")
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>")
_ATTR_LIST = re.compile(r"\{:?\s*([^{}]*?)\s*\}")
_ATTR_OK = re.compile(r"^([#.][\w-]+)$")
_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>|<\s*[a-zA-Z]+\b")
_CODE_SPAN = re.compile(r"`[^`]*`")
_BRON_TAG = re.compile(r"\{\s*bron\s*:[^{}\n]*\}", re.IGNORECASE)


def _lines(text: str) -> Iterable[tuple[int, str]]:
    """Lines outside code (fenced blocks, indented blocks and code spans are blanked)."""
    fenced = False
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced or line.startswith(("    ", "\t")):
            continue
        yield number, _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)


def _targets(text: str):
    """(line number, column, target, is_image) of every link and image, and the lines themselves."""
    for number, line in _lines(text):
        found = [(m.start() + 1, m.group(2), bool(m.group(1))) for m in _INLINE_LINK.finditer(line)]
        ref = _REF_DEF.match(line)
        if ref:
            found.append((ref.start(1) + 1, ref.group(1), False))
        found += [(m.start() + 1, m.group(1), False) for m in _AUTOLINK.finditer(line)
                  if not m.group(1).lower().startswith(("http:", "https:", "mailto:"))]
        yield number, line, found


def check_markdown(text: str, rel: str, first_line: int, prose_page: bool) -> list[Problem]:
    """Breaches of the policy in one piece of Markdown (a prose page, or an Opmaak field starting at first_line)."""
    problems: list[Problem] = []

    def report(number: int, col: int, message: str) -> None:
        problems.append(Problem(rel, first_line + number - 1, col, message))

    for number, line, targets in _targets(text):
        tag = None if prose_page else _BRON_TAG.search(line)
        if tag:
            report(number, tag.start() + 1, f"'{tag.group(0)[:40]}' werkt alleen in pagina's (content/paginas); "
                                            f"in een inhoudsbestand schrijf je de bron in het veld 'bron'")
        for col, target, image in targets:
            if image:
                why = src_problem(target) if prose_page else "afbeeldingen kunnen niet in dit veld; beschrijf het in woorden"
            else:
                why = href_problem(target)
            if why:
                report(number, col, f"{'afbeelding' if image else 'link'} '{target[:60]}': {why}")
        if prose_page:
            match = _HTML_TAG.search(line)
            if match and not _AUTOLINK.fullmatch(match.group(0)):
                report(number, match.start() + 1,
                       f"HTML ('{match.group(0)[:30]}') is niet toegestaan in pagina's; gebruik Markdown (**vet**, "
                       f"*schuin*, [tekst](pagina.md)). Bedoel je het teken '<' zelf, zet het dan tussen `backticks`")
            for attrs in _ATTR_LIST.finditer(line):
                if attrs.group(1).lower().startswith("bron"):
                    continue  # a source tag, checked by prose_bron
                bad = [token for token in attrs.group(1).split() if not _ATTR_OK.match(token)]
                if bad:
                    report(number, attrs.start() + 1,
                           f"'{{{attrs.group(1)[:40]}}}': in een kenmerkenlijst mogen alleen '#anker' en '.klasse' "
                           f"staan, geen '{bad[0][:30]}'")
    return problems


def broken_links(text: str, rel: str, first_line: int, page: str, known: set[str]) -> list[Problem]:
    """Links to pages of the site that do not exist. ``page`` is the page relative links start from."""
    problems: list[Problem] = []
    here = posixpath.dirname(page)
    for number, _, targets in _targets(text):
        for col, target, image in targets:
            path = target.split("#", 1)[0].split("?", 1)[0]
            if image or not path.endswith(".md") or _SCHEME.match(target) or href_problem(target):
                continue
            resolved = posixpath.normpath(posixpath.join(here, path))
            if resolved not in known:
                problems.append(Problem(rel, first_line + number - 1, col,
                                        f"link '{target[:60]}': de pagina '{resolved}' bestaat niet op de site. Een "
                                        f"link gaat uit van de map van de pagina waar de tekst staat ('{here or '.'}/'); "
                                        f"controleer de naam, of gebruik '../' voor een andere map"))
    return problems


def front_matter_problem(text: str, rel: str) -> Problem | None:
    if text.startswith("---"):
        return Problem(rel, 1, 1, "kopgegevens ('---' bovenaan) worden niet ondersteund in pagina's: de titel komt "
                                  "uit de eerste kop ('# Titel'). Haal het blok tussen de '---'-regels weg")
    return None


# --- applied to the content ------------------------------------------------------------------------------------

# The page from which an Opmaak field's relative links start: one in the folder of the pages its file is shown on.
LINK_BASE = {
    "content/start.yml": "index.md", "content/editie.yml": "index.md",
    "content/organisatie.yml": "contexten/organisatie.md", "content/plg.yml": "plg/index.md",
    "content/relationele-behoeften.yml": "methode/relationele-behoeften.md",
    "content/relatiewoorden.yml": "methode/relatiewoorden.md", "content/onderzoek.yml": "onderzoek/index.md",
    "content/vaardigheden": "vaardigheden/index.md", "content/donts": "donts/index.md",
    "content/contexten": "contexten/index.md", "instruments": "instrumenten/index.md",
    "content/morgen-beginnen.yml": "methode/morgen-beginnen.md",
}


def _first_line(lines: list[str], line: int, col: int) -> int:
    """The line where a field's text starts (a block scalar's text starts on the line after '|' or '>')."""
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    return line + 1 if source[col - 1:col] in ("|", ">") else line


def opmaak_fields(loaded, model) -> list[tuple[str, int]]:
    """The Opmaak values of one file, with the line where each text starts. Found once per file (walking the models
    is most of the cost at 16x the content, issue 13) and kept on the file for the second check."""
    found = loaded._opmaak
    if found is not None:
        return found
    from site_build.content.surface import spots

    lines = loaded.text.splitlines()
    found = []
    for spot in spots(model, loaded.data, only="opmaak"):
        if spot.kind != "opmaak":
            continue
        value = loaded.data
        for part in spot.loc:
            value = value[part]
        found.append((value, _first_line(lines, *loaded.where(spot.loc))))
    loaded._opmaak = found
    return found


def check_fields(files: list, known: set[str] | None, cache=None) -> list[Problem]:
    """Every Opmaak field of every file (found from the models): the policy, and with ``known`` (the site's
    pages) broken internal links. ``files`` holds (loaded, model) pairs. ``cache`` (content/file_cache.py) skips
    a file whose text passed the same check before (with the same pages, for links)."""
    import hashlib

    problems: list[Problem] = []
    pages = "policy" if known is None else hashlib.sha256("\0".join(sorted(known)).encode()).hexdigest()
    for loaded, model in files:
        check = f"{pages}:{model.__name__}:{loaded.rel}:{loaded.digest}"
        if cache is not None and loaded.digest and cache.passed(check):
            continue
        base = LINK_BASE.get(loaded.rel) or LINK_BASE.get(loaded.rel.rsplit("/", 1)[0], "index.md")
        found: list[Problem] = []
        for value, first in opmaak_fields(loaded, model):
            if known is None:
                found += check_markdown(value, loaded.rel, first, prose_page=False)
            else:
                found += broken_links(value, loaded.rel, first, base, known)
        if not found and cache is not None and loaded.digest:
            cache.passes(check)
        problems += found
    return problems


def check_prose_links(root, known: set[str]) -> list[Problem]:
    """Broken links and missing images in the hand-written pages."""
    from site_build.content.pages import PROSE_DIR

    problems: list[Problem] = []
    base = root / PROSE_DIR
    for page in sorted(p for p in known if (base / p).is_file()):
        rel = f"{PROSE_DIR}/{page}"
        text = (base / page).read_text(encoding="utf-8")
        problems += broken_links(text, rel, 1, page, known)
        for number, _, targets in _targets(text):
            for col, target, image in targets:
                if not image or src_problem(target):
                    continue
                resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), target.split("#")[0]))
                image_path = base / resolved
                if resolved.startswith("..") or not image_path.is_file() or image_path.is_symlink():
                    problems.append(Problem(rel, number, col, f"afbeelding '{target[:60]}' staat niet in "
                                                              f"{PROSE_DIR}/; zet het bestand daar neer"))
    return problems
