"""Navigation titles in an incremental build (site/nav_titles.py): what a rename changes, and which pages showed
the old title, read from the links in the last built HTML."""

from __future__ import annotations

from pathlib import Path

from site_build.site import nav_titles

NAV = [{"Start": "index.md"},
       {"Instrumenten": [{"Overzicht": "instrumenten/index.md"}, {"Interview": "instrumenten/a.md"},
                         {"Plan": "instrumenten/b.md"}]},
       {"Onderzoek": "onderzoek/index.md"}]


def test_titles_and_shape_split_a_navigation():
    assert nav_titles.titles(NAV) == {"index.md": "Start", "instrumenten/index.md": "Overzicht",
                                      "instrumenten/a.md": "Interview", "instrumenten/b.md": "Plan",
                                      "onderzoek/index.md": "Onderzoek"}
    renamed = [{"Start": "index.md"},
               {"Instrumenten": [{"Overzicht": "instrumenten/index.md"}, {"Het interview": "instrumenten/a.md"},
                                 {"Plan": "instrumenten/b.md"}]},
               {"Onderzoek": "onderzoek/index.md"}]
    assert nav_titles.shape(renamed) == nav_titles.shape(NAV)
    # a section's title, or the order of the pages, is the shape: that still rebuilds everything
    assert nav_titles.shape([{"Formulieren": NAV[1]["Instrumenten"]}]) != nav_titles.shape([NAV[1]])
    assert nav_titles.shape(list(reversed(NAV))) != nav_titles.shape(NAV)
    assert nav_titles.renamed(nav_titles.titles(NAV), nav_titles.titles(renamed)) == {
        "instrumenten/a.md": "Het interview"}
    assert nav_titles.renamed(None, nav_titles.titles(NAV)) is None  # no record: cannot tell
    assert nav_titles.renamed({"index.md": "Start"}, nav_titles.titles(NAV)) is None  # other pages


def _site(tmp_path: Path, pages: dict[str, str]) -> Path:
    for url, html in pages.items():
        (tmp_path / url).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / url).write_text(html, encoding="utf-8")
    return tmp_path


def test_the_pages_that_linked_to_a_renamed_page_are_touched(tmp_path):
    site = _site(tmp_path, {
        "index.html": '<a href="instrumenten/">Instrumenten</a>',                    # a folder: its index
        "instrumenten/index.html": '<a href="a.html">Interview</a>',                 # the section's navigation
        "instrumenten/a.html": '<a href="b.html?x=1#top">Plan</a>',                 # its own page: always
        "instrumenten/b.html": '<a href="./a.html#vragen">Vorige: Interview</a>',   # the footer, with an anchor
        "onderzoek/index.html": '<a href="https://example.org/instrumenten/a.html">elders</a>'})
    urls = {"index.md": "index.html", "instrumenten/index.md": "instrumenten/index.html",
            "instrumenten/a.md": "instrumenten/a.html", "instrumenten/b.md": "instrumenten/b.html",
            "onderzoek/index.md": "onderzoek/index.html"}
    assert nav_titles.touched(site, urls, {"instrumenten/a.md"}) == {
        "instrumenten/a.md", "instrumenten/index.md", "instrumenten/b.md"}
    assert nav_titles.touched(site, urls, {"instrumenten/index.md"}) == {"instrumenten/index.md", "index.md"}
    # a page that cannot be read is built again rather than trusted
    (site / "onderzoek" / "index.html").unlink()
    assert "onderzoek/index.md" in nav_titles.touched(site, urls, {"instrumenten/b.md"})


def test_a_link_to_a_lost_anchor_is_found_in_the_pages_that_are_kept(tmp_path):
    site = _site(tmp_path, {"a.html": '<a href="b.html#vragen">x</a>', "b.html": "<h2 id='vragen'>Vragen</h2>",
                            "c.html": '<a href="b.html">y</a>'})
    urls = {"a.md": "a.html", "b.md": "b.html", "c.md": "c.html"}
    assert nav_titles.linked(site, urls, {"b.html#vragen"}, {"a.md", "c.md"})
    assert not nav_titles.linked(site, urls, {"b.html#vragen"}, {"c.md"})
    assert not nav_titles.linked(site, urls, {"b.html#andere"}, {"a.md", "c.md"})
