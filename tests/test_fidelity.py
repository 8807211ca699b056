"""Faithful to the report: every statement on the built site shows its own source, key method statements of the
report are on the site and in the PDFs, and the glossary's one name per thing holds everywhere."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
import yaml

from conftest import REPO
from site_build.content import bron

# The report's key method statements, each with its place: the built site must carry them (in its own words).
# Each entry: place in the report, what it says, and words that must stand together on one page of the site.
KERN = [
    ("§2.4", "sessies van ca. 5-10 minuten, twee of drie keer per week", ["5 tot 10 minuten"]),
    ("§2.4; Tabel 2", "vijf vaardigheden", ["Observeren", "Spiegelen van het spel", "Verwoorden", "Emoties benoemen",
                                            "Inspelen op relationele behoeften"]),
    ("§2.4", "vier don'ts", ["Niet steeds vragen stellen", "Geen opdrachten geven", "Niet prijzen", "Geen lesjes geven"]),
    ("§2.4", "twee cycli van vijf bijeenkomsten, elk ongeveer vier maanden", ["vier maanden"]),
    ("§2.3.1", "interview: zeven vragen, uit te breiden naar negen", ["drie woorden"]),
    ("§2.3.2", "video-intervisie: fragment van ca. 5 minuten, eerste keer samen kijken", ["5 minuten"]),
    ("§2.4", "gelijkwaardigheid in de dialoog; waarden en overtuigingen", ["gelijkwaardig", "overtuigingen"]),
    ("Samenvatting; §4.2", "helemaal zelfstandig is een brug te ver; expert in de eerste cyclus",
     ["brug te ver", "eerste cyclus"]),
    ("Samenvatting; §4.2", "ib'ers e.a. kunnen getraind worden als expert", ["getraind"]),
    ("§3.1.7", "het kind heeft de leiding; de relatie staat centraal", ["leiding"]),
    ("§3.2.4", "bevorderende factoren: veilig team, continuïteit, steun van de directie", ["veilig", "directie"]),
    ("Samenvatting", "werkwijze en materialen op positieverelatiesmetkinderen.nl", ["positieverelatiesmetkinderen.nl"]),
]


class _Items(HTMLParser):
    """Collects every element marked as a statement (data-bron) and whether a source marker sits inside it."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[dict] = []
        self.items: list[dict] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("br", "img", "input", "meta", "link", "hr"):
            return
        node = {"tag": tag, "bron": a.get("data-bron"), "marker": False, "text": []}
        if "p2g-m" in (a.get("class") or "").split():
            for n in self.stack:
                n["marker"] = True
        self.stack.append(node)

    def handle_endtag(self, tag):
        while self.stack:
            node = self.stack.pop()
            if node["bron"] is not None:
                self.items.append(node)
                if self.stack:
                    self.stack[-1]["text"].extend(node["text"])
                break
            if self.stack:
                self.stack[-1]["text"].extend(node["text"])
            if node["tag"] == tag:
                break

    def handle_data(self, data):
        if self.stack:
            self.stack[-1]["text"].append(data)


def _pages(site):
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}


def _plain(text: str) -> str:
    text = re.sub(r"(?m)^\s*(?:[-*]|\d+\.)\s+", "", text)  # Markdown list markers
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`>#]", "", text)
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def _main_text(item) -> str | None:
    for name in ("tekst", "situatie", "uitleg", "woord", "vraag", "titel"):
        value = getattr(item, name, None)
        if isinstance(value, str):
            return value
    return None


def test_every_rendered_statement_has_its_marker(real_site, content):
    site = real_site[1]
    found = []
    for rel, text in _pages(site).items():
        parser = _Items()
        parser.feed(text)
        for node in parser.items:
            assert node["marker"], f"{rel}: een tekst met bron {node['bron']!r} heeft geen bronteken"
            found.append((node["bron"], re.sub(r"\s+", " ", "".join(node["text"]))))
    assert found
    # every sourced item of the content that the public site shows is found, with its own source
    missing = []
    for model in ([*content.vaardigheden, *content.donts, *content.contexten, content.organisatie, content.behoeften,
                   content.woorden, content.plg, *content.instrumenten, content.onderzoek]):
        for path, item in bron.walk(model):
            if "trainer" in path or "literatuur" in path:
                continue
            text = _main_text(item)
            if not text:
                continue
            words = _plain(text).split()[:6]
            needle = " ".join(words)
            if not any(b == item.bron and needle in _plain(t) for b, t in found):
                missing.append(f"{type(model).__name__}:{'/'.join(map(str, path))}: {needle!r} ({item.bron})")
    assert not missing, f"{len(missing)} teksten zonder eigen bron op de site, bijvoorbeeld: " + "; ".join(missing[:5])


class _ProseBlocks(HTMLParser):
    """Every paragraph and list item in a page's article, and the sources of the markers directly inside it
    (a nested list's markers belong to its own items)."""

    def __init__(self) -> None:
        super().__init__()
        self.in_article = 0
        self.open: list[dict] = []
        self.blocks: list[dict] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article":
            self.in_article += 1
        elif self.in_article and tag in ("p", "li"):
            self.open.append({"tag": tag, "titles": [], "text": []})
        elif self.in_article and "p2g-m" in (a.get("class") or "").split() and self.open:
            self.open[-1]["titles"].append(a.get("title", ""))

    def handle_endtag(self, tag):
        if tag == "article":
            self.in_article -= 1
        elif self.in_article and tag in ("p", "li") and self.open:
            self.blocks.append(self.open.pop())

    def handle_data(self, data):
        if self.open:
            self.open[-1]["text"].append(data)


def test_every_paragraph_and_item_of_the_claims_pages_has_its_own_marker(real_site):
    """Prose pages in the folders that describe the method (pages.PROSE_CLAIMS): each paragraph and list item ends
    with its own source marker, the one its '{bron: ...}' tag names, in the order of the page."""
    from site_build.content import prose_bron
    from site_build.content.pages import PROSE_DIR, is_claims_page, prose_pages
    from site_build.core.labels import load_labels

    project, site = real_site[0], real_site[1]
    woorden = load_labels(project, "nl").section("bron")
    claims = [page for page in prose_pages(project) if is_claims_page(page)]
    assert {"methode/index.md", "plg/privacy.md"} <= set(claims)
    total = 0
    for page in claims:
        parser = _ProseBlocks()
        parser.feed((site / page).with_suffix(".html").read_text(encoding="utf-8"))
        assert parser.blocks, page
        for block in parser.blocks:
            text = re.sub(r"\s+", " ", "".join(block["text"])).strip()
            assert len(block["titles"]) == 1, f"{page}: {text[:60]!r} heeft {len(block['titles'])} brontekens"
            assert "{bron" not in text, f"{page}: '{{bron: ...}}' staat als tekst op de site: {text[:60]!r}"
        source = (project / PROSE_DIR / page).read_text(encoding="utf-8")
        wanted = []
        for tag in prose_bron.TAG.finditer(source):
            value, _, reden = tag.group(1).partition(", reden:")
            wanted.append("Bron: " + bron.label(value, woorden) + (f". Waarom toegevoegd: {reden.strip()}" if reden else ""))
        assert [html.unescape(t) for b in parser.blocks for t in b["titles"]] == wanted, page
        total += len(parser.blocks)
    assert total >= 35


def test_no_form_layout_notes_or_walls_of_sources(real_site):
    site = real_site[1]
    for rel, text in _pages(site).items():
        assert "Op het formulier:" not in text, rel
        assert text.count("p2g-bron__label") <= 1, f"{rel}: losse 'Bron:'-regels in plaats van tekens"


@pytest.mark.parametrize("plaats,wat,woorden", KERN, ids=[k[1][:40] for k in KERN])
def test_key_method_statements_are_on_the_site(real_site, plaats, wat, woorden):
    site = real_site[1]
    pages = {rel: _plain(re.sub(r"<[^>]+>", " ", t)) for rel, t in _pages(site).items()}
    assert any(all(w.lower() in t.lower() for w in woorden) for t in pages.values()), \
        f"{plaats}: '{wat}' staat niet op de site (gezocht: {woorden})"
    for p in bron.delen(plaats):
        assert re.fullmatch(bron.BRON_PATROON, p)


def test_key_statements_in_the_pdfs(real_site, content):
    """The interview forms carry the interview's purpose and the interviewer's introduction (§2.3.1, §3.2.1)."""
    from pypdf import PdfReader

    site = real_site[1]
    for inst in content.instrumenten:
        if inst.soort != "interview":
            continue
        text = " ".join(page.extract_text() or "" for page in PdfReader(site / "downloads" / f"{inst.id}.pdf").pages)
        text = re.sub(r"\s+", " ", text)
        first = _plain(inst.inleiding[0].tekst).split()[:5]
        assert " ".join(first) in text, f"{inst.id}: de inleiding (doel) staat niet op het formulier"
        assert "Herkomst:" in text, f"{inst.id}: geen herkomst op het formulier"


def _texts_outside_quotes(content):
    """Every text a reader sees, except literal quotes from the report (those keep the report's words)."""
    from site_build.content.models import Citaat

    out = []
    for model in [*content.vaardigheden, *content.donts, *content.contexten, content.organisatie, content.behoeften,
                  content.woorden, content.plg, *content.instrumenten, content.onderzoek]:
        for path, item in bron.walk(model):
            if isinstance(item, Citaat):
                continue
            for name, value in item:
                if isinstance(value, str) and name not in ("bron", "reden"):
                    out.append((f"{type(model).__name__}:{'/'.join(map(str, path))}", value))
    for page in (REPO / "content" / "paginas").rglob("*.md"):
        out.append((str(page.relative_to(REPO)), page.read_text(encoding="utf-8")))
    # text between quotation marks is a quote from the report or from a teacher
    return [(w, re.sub(r'“[^”]*”|"[^"]*"', "", t)) for w, t in out]


def test_glossary_variants_appear_nowhere(content):
    termen = content.termen.termen
    assert termen
    texts = _texts_outside_quotes(content)
    for term in termen:
        for variant in term.niet:
            pattern = re.compile(rf"\b{re.escape(variant)}\b", re.I)
            hits = [w for w, t in texts if pattern.search(t)]
            assert not hits, f"'{variant}' heet op deze site '{term.term}': {hits[:5]}"


def test_citation_says_only_what_is_known(content):
    """The report's text names no authors and no year of publication: the citation does not invent them."""
    citation = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    report = next(r for r in citation["references"] if "40.5.20630.106" in str(r))
    assert "year" not in report and "z.j." in report["notes"]
    assert report["title"] == content.onderzoek.titel
    assert content.onderzoek.jaar is None and "(z.j.)" in content.onderzoek.citeer_als
    # every reference on the site either is given in full or says it is missing; none is described as a finding
    for lit in content.onderzoek.literatuur:
        assert lit.verwijzing is None or re.search(r"\(\d{4}", lit.verwijzing), lit.kort
