"""Whole builds through the real `mkdocs build --strict`: fixture sites that must build or must fail."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest

from conftest import REPO, indexed_text
from site_build.build import build
from site_build.core.problems import ContentError


def read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


@pytest.mark.build
def test_minimal_site_builds_with_navigation_and_links(minimal):
    result = build(minimal)
    site = result.site
    assert result.pages >= 15
    home = read(site, "index.html")
    assert '<html lang="nl"' in home
    assert "<title>Start - Playing-2-gether in groep 1-4</title>" in home
    for tab in ["Wat is Playing-2-gether", "Vaardigheden", "Don'ts", "In groep 3 en 4", "Het PLG-traject",
                "Instrumenten", "Voor trainers", "Onderzoek"]:
        assert tab in home, tab
    skill = read(site, "vaardigheden/spiegelen.html")
    # a skill page links to the instruments and meetings that use it, derived from the data
    assert '<a href="../instrumenten/interview-start.html">Interview START</a>' in skill
    assert '<a href="../plg/c1-b1.html">1.1 Start</a>' in skill
    instrument = read(site, "instrumenten/interview-start.html")
    assert '<a href="../plg/c1-b1.html">bijeenkomst 1.1</a>' in instrument
    assert '<a href="../vaardigheden/spiegelen.html">Spiegelen van het spel</a>' in instrument
    meeting = read(site, "plg/c1-b2.html")
    assert '<a href="../instrumenten/interview-slot.html"><strong>Interview SLOT</strong></a>' in meeting
    # the SLOT interview shows the START core questions without them being written twice
    assert "Met welke drie woorden zou jij de relatie met … typeren?" in read(site, "instrumenten/interview-slot.html")
    # edition settings reach the footer
    assert "Open editie, versie 2026.1" in home and "CC BY-SA 4.0" in home
    # trainer notes stay out of the public build
    assert "Iedereen kent de aanpak" not in read(site, "plg/c1-b1.html")
    # Dutch search index
    assert '"lang":["nl"]' in read(site, "search/search_index.json").replace(" ", "")


@pytest.mark.build
def test_no_request_to_other_hosts_in_built_pages(minimal):
    site = build(minimal).site
    external = re.compile(r'(?:src|href)="(?:https?:)?//', re.I)
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for match in re.finditer(r'<(?:script|link|img|iframe)[^>]+>', html):
            assert not external.search(match.group(0)), f"{page}: {match.group(0)}"
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


@pytest.mark.build
def test_yaml_markup_appears_as_text(minimal):
    path = minimal / "content/vaardigheden/spiegelen.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        'kort: {tekst: "Doe na wat het kind doet."', "kort: {tekst: \"Doe <script>alert('x')</script> na & <b onerror=x>\""),
        encoding="utf-8")
    site = build(minimal).site
    html = read(site, "vaardigheden/spiegelen.html")
    assert "<script>alert" not in html and "<b onerror" not in html
    # statements are Markdown ('Opmaak'): HTML is escaped as text, quotes may stay as they are
    assert re.search(r"Doe &lt;script&gt;alert\((&#39;|')x(&#39;|')\)&lt;/script&gt; na &amp; &lt;b onerror=x&gt;", html)


@pytest.mark.build
def test_broken_content_leaves_previous_site_intact(minimal):
    site = build(minimal).site
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    path = minimal / "instruments/interview-start.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("soort: interview", "soort: gesprek"), encoding="utf-8")
    with pytest.raises(ContentError):
        build(minimal)
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
    assert not list((minimal / "build").glob("bouw-*")), "scratch folder left behind"


@pytest.mark.build
def test_template_error_leaves_previous_site_intact(minimal):
    site = build(minimal).site
    marker = (site / "index.html").read_bytes()
    (minimal / "macros/site/instrument.md.j2").write_text("{{ bestaat_niet }}", encoding="utf-8")
    with pytest.raises(jinja2.UndefinedError, match="bestaat_niet"):
        build(minimal)
    assert (site / "index.html").read_bytes() == marker


@pytest.mark.build
def test_mkdocs_warning_fails_the_build(minimal):
    (minimal / "content/paginas").mkdir(parents=True)
    (minimal / "content/paginas/extra.md").write_text("# Extra\n\n[kapot](bestaat-niet.md)\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        build(minimal)
    assert any("bestaat-niet.md" in p.message for p in caught.value.problems)
    assert not (minimal / "site").exists()


def test_cli_reports_dutch_errors_without_traceback(minimal):
    path = minimal / "content/donts/niet-prijzen.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("kern: true", "kern: nee"), encoding="utf-8")
    for command in ("validate", "build"):
        run = subprocess.run([sys.executable, "-m", "site_build.cli", "--map", str(minimal), command],
                             capture_output=True, text=True, cwd=REPO)
        assert run.returncode == 1
        assert "Traceback" not in run.stderr + run.stdout
        assert "content/donts/niet-prijzen.yml:4:7: 'kern' moet true of false zijn (kreeg de tekst 'nee')" in run.stderr
        assert "1 probleem gevonden" in run.stderr
    assert not (minimal / "site").exists()


def test_real_content_builds(real):
    result = build(real)
    site = result.site
    skill_pages = sorted(p.name for p in (site / "vaardigheden").glob("*.html"))
    assert skill_pages == ["emoties-benoemen.html", "index.html", "inspelen-op-behoeften.html", "observeren.html",
                           "spiegelen.html", "verwoorden.html"]
    assert len(list((site / "instrumenten").glob("*.html"))) == 14  # 12 instruments, overview, downloads
    assert len(list((site / "plg").glob("c?-b?.html"))) == 10


def test_validate_github_annotations(minimal):
    path = minimal / "content/donts/niet-prijzen.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("kern: true", "kern: 50%"), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "site_build.cli", "--map", str(minimal), "validate", "--github"],
                         capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 1
    assert run.stdout.splitlines() == [
        "::error file=content/donts/niet-prijzen.yml,line=4,col=7::'kern' moet true of false zijn "
        "(kreeg de tekst '50%25'). Schrijf true (ja) of false (nee), zonder aanhalingstekens"]


@pytest.mark.build
def test_plain_mkdocs_build_strict_cli(minimal):
    """`mkdocs build --strict` itself works too: the hook generates the pages from the YAML first."""
    import os

    run = subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "-d", "uit"],
                         capture_output=True, text=True, cwd=minimal, env={**os.environ, "PYTHONPATH": str(REPO), "NO_MKDOCS_2_WARNING": "1"})
    assert run.returncode == 0, run.stderr
    assert "WARNING" not in run.stderr
    assert (minimal / "uit/vaardigheden/spiegelen.html").is_file()
    assert (minimal / "uit/downloads/interview-start.pdf").is_file()


@pytest.mark.build
def test_the_hook_and_p2g_build_make_the_same_pages_and_search_index(minimal, monkeypatch):
    """`mkdocs build` with the hook (which renders the PDFs before the pages) and `p2g build` (which fills in the
    PDFs' sizes after MkDocs ran) give the same pages and the same search index: the two ways of configuring MkDocs
    (site/hook.py, site/builder_config.py) agree, and no size the build fills in afterwards leaves a gap in the
    search index (the sizes are not searchable text: data-search-exclude). Only `p2g build` makes the offline zip,
    and its configuration holds the titles already escaped (' as &#39;): both are taken out before comparing."""
    import html
    import json
    import os
    import re

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    ours = build(minimal).site
    run = subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "-d", "uit"],
                         capture_output=True, text=True, cwd=minimal,
                         env={**os.environ, "PYTHONPATH": str(REPO), "NO_MKDOCS_2_WARNING": "1"})
    assert run.returncode == 0, run.stderr
    hooked = minimal / "uit"
    zip_section = re.compile(r'<section class="p2g-offline".*?</section>\n?', re.S)

    def page(site: Path, rel: str) -> str:
        text = html.unescape(zip_section.sub("", (site / rel).read_text(encoding="utf-8")))
        return re.sub(r"\n{2,}", "\n", text)  # the blank lines the section leaves

    pages = sorted(p.relative_to(ours).as_posix() for p in ours.rglob("*.html"))
    assert pages == sorted(p.relative_to(hooked).as_posix() for p in hooked.rglob("*.html"))
    assert [rel for rel in pages if page(ours, rel) != page(hooked, rel)] == []

    def index(site: Path) -> list[dict]:
        docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
        return [{k: html.unescape(v) for k, v in d.items()} for d in docs if "zonder-internet" not in d["location"]]

    assert index(ours) == index(hooked)


@pytest.mark.build
def test_generated_config_builds_the_same_pages_without_the_hook(minimal, tmp_path):
    """The builder is swappable: the configuration `p2g build` writes is complete, so a builder that runs no hooks
    (here `mkdocs build` itself, on that file) builds the same pages."""
    import os

    import yaml

    result = build(minimal)
    config = minimal / "build" / "mkdocs" / "mkdocs.yml"
    data = yaml.safe_load(config.read_text(encoding="utf-8"))  # plain YAML: no tags a builder must know
    assert "hooks" not in data and data["site_name"] == "Playing-2-gether in groep 1-4" and data["nav"]
    out = tmp_path / "zonder-hook"
    run = subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "-f", str(config),
                          "-d", str(out)], capture_output=True, text=True, cwd=tmp_path,
                         env={**os.environ, "PYTHONPATH": str(REPO), "NO_MKDOCS_2_WARNING": "1"})
    assert run.returncode == 0, run.stderr

    def html(site: Path) -> list[str]:
        return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))

    assert html(out) == html(result.site) and len(html(out)) == result.pages


class _Runs(__import__("html.parser").parser.HTMLParser):
    """The texts that search must keep apart, per page: the cells of each table row, and the lines of each list
    item that has line breaks. Text in an element with data-search-exclude is left out, as the index leaves it."""

    VOID = {"br", "img", "input", "hr", "meta", "link", "wbr", "col", "source"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, excluded)
        self.runs: list[list[str]] = []  # finished rows and items: their parts
        self.open: list[list[str]] = []  # the rows and items being read, innermost last

    def handle_starttag(self, tag, attrs):
        if tag == "br" and self.open:
            self.open[-1].append("")
        if tag in self.VOID:
            return
        excluded = any(name == "data-search-exclude" for name, _ in attrs) or bool(self.stack and self.stack[-1][1])
        self.stack.append((tag, excluded))
        if tag in ("tr", "li"):
            self.open.append([""])
        elif tag in ("td", "th") and self.open and not excluded:
            self.open[-1].append("")

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break
        if tag in ("tr", "li") and self.open:
            parts = [" ".join(p.split()) for p in self.open.pop()]
            parts = [p for p in parts if p]
            if len(parts) > 1:
                self.runs.append(parts)

    def handle_data(self, data):
        if self.open and not (self.stack and self.stack[-1][1]):
            self.open[-1][-1] += data


@pytest.mark.build
def test_search_keeps_cells_items_and_lines_apart(real_site):
    """A search result shows 'Instrument Voor wie Bijeenkomst', never 'InstrumentVoor wieBijeenkomst': on every page,
    the cells of every table row (and the lines of every list item with line breaks) are apart in the index's text."""
    project, site, content = real_site
    checked = 0
    for page, text in indexed_text(site).items():
        words = " ".join(text.split())
        article = read(site, page).split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>")[0]
        runs = _Runs()
        runs.feed(article)
        for parts in runs.runs:
            if parts[0] not in words:  # a row the index leaves out (the whole row excluded)
                continue
            checked += 1
            assert " ".join(parts) in words, f"{page}: in de zoekindex staan {parts} niet los van elkaar"
    assert checked > 300  # the walk reached the tables and lists of every page
