"""Trust: no external resources, every internal link resolves, reproducible builds, hostile content stays text."""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from conftest import ARTIFACTS, REPO, make_project
from site_build.build import build
from site_build.content.validate import load_content
from site_build.core.problems import ContentError

CDN = re.compile(r"(fonts\.googleapis|fonts\.gstatic|unpkg\.com|cdn\.jsdelivr|cdnjs\.|googletagmanager|"
                 r"google-analytics|plausible\.io|matomo)", re.I)


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.resources: list[tuple[str, str]] = []  # (tag, url) loaded by the browser
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        for attr in ("src", "data"):
            if a.get(attr):
                self.resources.append((tag, a[attr]))
        if tag == "link" and a.get("href") and "stylesheet" in (a.get("rel") or "") + (a.get("as") or ""):
            self.resources.append((tag, a["href"]))
        if tag == "link" and a.get("rel") in ("icon", "preload", "modulepreload", "manifest"):
            self.resources.append((tag, a["href"]))


def parse(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_no_external_resources_in_html_css_js(real_site):
    project, site, content = real_site
    offenders = []
    for page in site.rglob("*.html"):
        for tag, url in parse(page).resources:
            if urlparse(url).scheme in ("http", "https") or url.startswith("//"):
                offenders.append(f"{page.relative_to(site)}: <{tag}> {url}")
    for css in site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^)'\"]+)", css.read_text(encoding="utf-8")):
            if url.startswith(("http:", "https:", "//")):
                offenders.append(f"{css.relative_to(site)}: url({url})")
    for path in list(site.rglob("*.js")) + list(site.rglob("*.html")) + list(site.rglob("*.css")):
        for match in CDN.finditer(path.read_text(encoding="utf-8", errors="replace")):
            offenders.append(f"{path.relative_to(site)}: {match.group(0)}")
    assert offenders == []


def test_every_internal_link_and_anchor_resolves(real_site):
    project, site, content = real_site
    pages = {p.relative_to(site).as_posix(): p for p in site.rglob("*.html")}
    ids = {rel: parse(p).ids for rel, p in pages.items()}
    broken, external, checked = [], set(), 0
    for rel, path in pages.items():
        for href in parse(path).links:
            parsed = urlparse(href)
            if parsed.scheme in ("http", "https", "mailto"):
                external.add(href)
                continue
            checked += 1
            if parsed.path.startswith("/"):  # the 404 page links from the site root
                target = unquote(parsed.path).lstrip("/")
            else:
                target = rel if not parsed.path else os.path.normpath(os.path.join(os.path.dirname(rel), unquote(parsed.path)))
            if target.endswith("/"):
                target += "index.html"
            if not (site / target).exists():
                broken.append(f"{rel} -> {href}")
            elif parsed.fragment and target.endswith(".html") and parsed.fragment not in ids.get(target, set()):
                broken.append(f"{rel} -> {href} (anker ontbreekt)")
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "externe-links.txt").write_text("\n".join(sorted(external)) + "\n", encoding="utf-8")
    assert checked > 500
    assert broken == []


@pytest.mark.build
def test_two_builds_are_byte_identical(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    trees = []
    for name in ("een", "twee"):
        project = make_project(tmp_path / name, REPO)
        site = build(project).site
        trees.append({p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()})
    assert trees[0].keys() == trees[1].keys()
    different = [name for name in trees[0] if trees[0][name] != trees[1][name]]
    assert different == []
    assert any(name.endswith(".pdf") for name in trees[0]) and "sitemap.xml" in trees[0]
    assert "search/search_index.json" in trees[0]


# Hostile values in every field of every model: tests/test_sweep.py (generated from the models).


def test_raw_html_in_a_prose_page_is_refused(minimal):
    (minimal / "content/paginas").mkdir(parents=True)
    (minimal / "content/paginas/extra.md").write_text(
        "# Extra\n\nGewone tekst met `<b>code</b>` mag.\n\nHier <script>alert(1)</script> niet.\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(minimal)
    assert [str(p) for p in caught.value.problems] == [
        "content/paginas/extra.md:5:6: HTML ('<script>') is niet toegestaan in pagina's; gebruik Markdown "
        "(**vet**, *schuin*, [tekst](pagina.md)). Bedoel je het teken '<' zelf, zet het dan tussen `backticks`"]
