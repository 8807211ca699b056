"""Rebuilds: an incremental build (only changed pages through MkDocs, only changed PDFs rendered) must give
exactly the site a full build gives, byte for byte; and it must fall back to a full build when it could not."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from site_build.build import build


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def assert_same_as_full_build(project: Path, site: Path, tmp_path: Path) -> None:
    """Build the same project from nothing (no caches, no earlier site) and compare every file."""
    fresh = tmp_path / "vers"
    shutil.copytree(project, fresh, symlinks=True,
                    ignore=lambda folder, names: {"build", "site"} & set(names) if Path(folder) == project else set())
    full = build(fresh)
    assert full.pages_rebuilt is None and full.pdfs_made == full.pdfs
    ours, theirs = tree(site), tree(full.site)
    assert sorted(ours) == sorted(theirs)
    different = [name for name in ours if ours[name] != theirs[name]]
    assert different == [], f"anders dan bij een volledige build: {different}"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} staat niet in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def built(real, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # the sitemap's dates: the same in both builds
    first = build(real)
    assert first.pages_rebuilt is None  # nothing to build on yet
    return real


def test_editing_an_instrument_rebuilds_only_its_pages_and_pdfs(built, tmp_path):
    edit(built / "instruments" / "reflectie-interview-slot.yml", "\nkort:\n  tekst: ", "\nkort:\n  tekst: Kort en bondig, ")
    result = build(built)
    # its own page, the overview, and the meetings that use it; the forms, their packs and the map
    assert result.pages_rebuilt is not None and 2 <= result.pages_rebuilt <= 8, result
    assert result.pdfs_made == 5, result  # blank, fillable, two packs, the complete map
    page = (result.site / "instrumenten" / "reflectie-interview-slot.html").read_text(encoding="utf-8")
    assert "Kort en bondig, " in page
    index = (result.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Kort en bondig, " in index
    assert_same_as_full_build(built, result.site, tmp_path)


def test_a_removed_anchor_no_page_links_to_rebuilds_only_its_page(built, tmp_path):
    # a heading is an anchor other pages may link to; when none of the pages that are not rebuilt did, the
    # incremental build is still exact (the next test: when one did, the build fails as a full one would)
    edit(built / "content" / "paginas" / "methode" / "index.md", "## Voor wie?", "## Voor welke scholen?")
    result = build(built)
    assert result.pages_rebuilt == 1, result
    assert 'id="voor-welke-scholen"' in (result.site / "methode" / "index.html").read_text(encoding="utf-8")
    assert_same_as_full_build(built, result.site, tmp_path)


def test_renaming_an_instrument_rebuilds_the_pages_that_show_its_title(built, tmp_path):
    # the title stands in the navigation of its section's pages, its neighbours' footers and the pages that
    # link to it: those are rebuilt, not the whole site, and the result is that of a full build
    path = built / "instruments" / "reflectie-interview-slot.yml"
    text = path.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("titel: "))
    edit(path, title, title + " (nieuw)")
    result = build(built)
    assert result.pages_rebuilt is not None and 2 <= result.pages_rebuilt < result.pages - 10, result
    for page in ("instrumenten/reflectie-interview-slot.html", "instrumenten/index.html"):
        assert " (nieuw)" in (result.site / page).read_text(encoding="utf-8"), page
    assert_same_as_full_build(built, result.site, tmp_path)


def test_a_link_to_a_removed_anchor_still_fails_the_build(real, monkeypatch):
    # the case the fallback is for: the page with the link did not change, the page with the anchor did
    from site_build.core.problems import ContentError

    edit(real / "content" / "paginas" / "trainers" / "index.md", "\n## ",
         "\nZie ook [voor wie het is](../methode/index.md#voor-wie).\n\n## ")
    build(real)
    edit(real / "content" / "paginas" / "methode" / "index.md", "## Voor wie?", "## Voor welke scholen?")
    with pytest.raises(ContentError) as failed:
        build(real)
    assert any("voor-wie" in problem.message for problem in failed.value.problems), failed.value.problems


def test_an_edition_change_rebuilds_every_page(built, tmp_path):
    # the site's name is on every page (navigation, footer): not a change to one page
    edit(built / "content" / "editie.yml", "site_naam: ", "site_naam: Samen Spelen · ")
    result = build(built)
    assert result.pages_rebuilt is None, result
    home = (result.site / "index.html").read_text(encoding="utf-8")
    assert "Samen Spelen · " in home
    assert_same_as_full_build(built, result.site, tmp_path)


def test_a_failed_incremental_build_is_followed_by_a_full_one(built, tmp_path):
    # a link to a missing anchor stops MkDocs (strict) half way (a missing page is caught by validation
    # already): the next build must not trust its state
    page = built / "content" / "paginas" / "methode" / "index.md"
    good = page.read_text(encoding="utf-8")
    page.write_text(good + "\n[kapot](../trainers/index.md#bestaat-niet) {bron: toevoeging}\n", encoding="utf-8")
    from site_build.core.problems import ContentError

    with pytest.raises(ContentError) as failed:
        build(built)
    assert any("bestaat-niet" in problem.message for problem in failed.value.problems), failed.value.problems
    page.write_text(good + "\nNog een zin. {bron: toevoeging}\n", encoding="utf-8")
    result = build(built)
    assert result.pages_rebuilt is None, result
    assert_same_as_full_build(built, result.site, tmp_path)


def test_a_new_link_to_a_missing_anchor_on_an_unchanged_page_fails(built):
    # only the page with the link is rebuilt; the anchors of the page it points to come from the last build
    from site_build.core.problems import ContentError

    edit(built / "content" / "paginas" / "trainers" / "index.md", "\n## ",
         "\nZie ook [dit kopje](../methode/index.md#bestaat-niet).\n\n## ")
    with pytest.raises(ContentError) as failed:
        build(built)
    assert any("bestaat-niet" in problem.message for problem in failed.value.problems), failed.value.problems
    # and a link to an anchor that is there builds, incrementally
    edit(built / "content" / "paginas" / "trainers" / "index.md", "#bestaat-niet", "#voor-wie")
    result = build(built)
    assert result.pages_rebuilt is None  # the failed build left nothing to build on
    edit(built / "content" / "paginas" / "trainers" / "index.md", "[dit kopje]", "[het kopje 'Voor wie?']")
    assert build(built).pages_rebuilt == 1


def test_a_changed_mkdocs_yml_rebuilds_every_page(built, tmp_path):
    # a theme feature shapes every page (here: the navigation each page carries); nothing of the old site may stay
    edit(built / "mkdocs.yml", "    - navigation.prune", "    # - navigation.prune")
    result = build(built)
    assert result.pages_rebuilt is None, result  # a full build, not an incremental one
    assert_same_as_full_build(built, result.site, tmp_path)
