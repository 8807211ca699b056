"""Putting the published site together (site/assemble.py): a file that did not change is the previous site's file
under a second name, a changed one is a new file, and nothing is ever written into the previous site, which stays
served until the swap; a whole build after an edit writes only what the edit changed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from site_build.site.assemble import Assembly
from site_build.site.offline_zip import ZIP_PATH
from site_build.site.post_build import PATCHES, patched


def write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")


def snapshot(root: Path) -> dict[str, tuple[int, bytes]]:
    """Every file under ``root``: (inode, bytes)."""
    return {p.relative_to(root).as_posix(): (p.stat().st_ino, p.read_bytes()) for p in root.rglob("*") if p.is_file()}


def fill(text: str, where: str) -> str:
    return text.replace("<!--p2g:grootte:a.pdf-->", "12 kB")


def test_unchanged_files_are_links_and_changed_ones_new_files(tmp_path):
    built, previous, site = tmp_path / "gebouwd", tmp_path / "vorige", tmp_path / "nieuw"
    write(built, {"index.html": "<p>zelfde</p>", "a/b.html": "<p>nieuw</p>", "nieuw.css": "x{}",
                  "downloads.html": "<p><!--p2g:grootte:a.pdf--></p>", "oud.html": "<p>PDF <!--p2g:grootte:a.pdf--></p>",
                  "assets/javascripts/bundle.1.min.js": 'load("https://unpkg.com/x@1/y.js")'})
    write(previous, {"index.html": "<p>zelfde</p>", "a/b.html": "<p>oud</p>", "weg.html": "<p>weg</p>",
                     "downloads.html": "<p>12 kB</p>", "oud.html": "<p>PDF 11 kB</p>",
                     "assets/javascripts/bundle.1.min.js": 'load("data:text/javascript,")'})
    before = snapshot(previous)

    assembly = Assembly(built, site, previous)
    assembly.start()
    assert not (site / "downloads.html").exists()  # its markers wait for the PDFs
    assembly.finish(fill)

    after = snapshot(site)
    assert sorted(after) == sorted(snapshot(built))  # the builder's files, nothing of the previous site's own
    # same bytes once published: the previous file under a second name
    for rel in ("index.html", "downloads.html", "assets/javascripts/bundle.1.min.js"):
        assert after[rel][0] == before[rel][0], rel
    # changed or new: a file of its own, with the published bytes
    for rel in ("a/b.html", "oud.html", "nieuw.css"):
        assert rel not in before or after[rel][0] != before[rel][0], rel
    assert after["a/b.html"][1] == b"<p>nieuw</p>" and after["oud.html"][1] == b"<p>PDF 12 kB</p>"
    assert (assembly.linked, assembly.written) == (3, 3)
    assert snapshot(previous) == before  # not a byte of the previous site was written


def test_put_replaces_a_linked_file_instead_of_writing_into_it(tmp_path):
    built, previous, site = tmp_path / "gebouwd", tmp_path / "vorige", tmp_path / "nieuw"
    write(built, {"index.html": "<p>zelfde</p>"})
    write(previous, {"index.html": "<p>zelfde</p>"})
    assembly = Assembly(built, site, previous)
    assembly.start()
    assembly.put("index.html", b"<p>anders</p>")  # e.g. the offline zip's size filled in afterwards
    assert (site / "index.html").read_bytes() == b"<p>anders</p>"
    assert (previous / "index.html").read_bytes() == b"<p>zelfde</p>"


def test_without_hard_links_unchanged_files_are_written(tmp_path, monkeypatch):
    """Another file system, or one without hard links: the same site, every file written."""
    import errno

    def no_links(*args, **kwargs):
        raise OSError(errno.EXDEV, "andere schijf")

    monkeypatch.setattr(os, "link", no_links)
    built, previous, site = tmp_path / "gebouwd", tmp_path / "vorige", tmp_path / "nieuw"
    write(built, {"index.html": "<p>zelfde</p>", "a.html": "<p>nieuw</p>"})
    write(previous, {"index.html": "<p>zelfde</p>", "a.html": "<p>oud</p>"})
    assembly = Assembly(built, site, previous)
    assembly.start()
    assembly.finish(fill)
    assert (assembly.linked, assembly.written) == (0, 2)
    assert {rel: data for rel, (_, data) in snapshot(site).items()} == {"index.html": b"<p>zelfde</p>",
                                                                        "a.html": b"<p>nieuw</p>"}
    assert snapshot(site)["index.html"][0] != snapshot(previous)["index.html"][0]


def test_without_a_previous_site_every_file_is_written(tmp_path):
    built, site = tmp_path / "gebouwd", tmp_path / "nieuw"
    write(built, {"index.html": "<p>een</p>", "assets/x.css": "y{}"})
    assembly = Assembly(built, site, tmp_path / "bestaat-niet")
    assembly.start()
    assembly.finish(fill)
    assert (assembly.linked, assembly.written) == (0, 2)
    assert snapshot(site)["assets/x.css"][1] == b"y{}"


@pytest.mark.parametrize("pattern", sorted(PATCHES))
def test_every_post_build_patch_is_applied_once(pattern):
    rel = pattern.replace("*", "abc")
    text = 'var a="https://unpkg.com/focus-visible@5/dist/x.js";' if "bundle" in pattern else "lunr.nl=function(){};"
    once = patched(rel, text.encode("utf-8"))
    assert once != text.encode("utf-8")  # it changes what the builder wrote
    assert patched(rel, once) == once  # and leaves a patched file as it is
    assert b"unpkg.com" not in once


@pytest.mark.parametrize("in_kernel", [True, False])
def test_the_zip_made_with_the_previous_one_is_the_zip_made_afresh(tmp_path, monkeypatch, in_kernel):
    """Entries of files that did not change are copied from the previous zip (in the kernel, or through a buffer
    where copy_file_range is missing); the result is byte for byte the zip made without it."""
    from site_build.site.offline_zip import MARKER, write_zip

    if not in_kernel:
        monkeypatch.delattr(os, "copy_file_range")
    files = {"index.html": f"<p>zip: {MARKER}</p>", "a.html": "<p>" + "tekst " * 500 + "</p>",
             "b.css": "x{}" * 300, "downloads/x.pdf": "%PDF-1.7 " + "0" * 4000}
    previous, site, fresh = tmp_path / "vorige", tmp_path / "nieuw", tmp_path / "vers"
    write(previous, files)
    write_zip(previous)
    files["a.html"] = files["a.html"].replace("tekst", "woord", 3)
    built = tmp_path / "gebouwd"
    write(built, files)
    assembly = Assembly(built, site, previous)
    assembly.start()
    assembly.finish(fill)
    size = write_zip(site, previous=previous, into=assembly)
    write(fresh, files)
    assert write_zip(fresh) == size
    assert (site / ZIP_PATH).read_bytes() == (fresh / ZIP_PATH).read_bytes()
    # the unchanged files are the previous ones, under a second name
    assert (site / "b.css").stat().st_ino == (previous / "b.css").stat().st_ino
    assert (site / "a.html").stat().st_ino != (previous / "a.html").stat().st_ino


@pytest.mark.build
def test_an_edit_writes_only_the_files_it_changed(real, monkeypatch):
    from site_build.build import build

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    site = build(real).site
    before = snapshot(site)
    path = real / "instruments" / "reflectie-interview-slot.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("\nkort:\n  tekst: ", "\nkort:\n  tekst: Kort, ", 1),
                    encoding="utf-8")
    after = snapshot(build(real).site)
    same = {rel for rel in after if rel in before and after[rel][1] == before[rel][1]}
    changed = set(after) - same
    # every unchanged file is the previous one (no copy, no rewrite); what the edit changed is new
    assert [rel for rel in same if after[rel][0] != before[rel][0]] == []
    assert "instrumenten/reflectie-interview-slot.html" in changed and ZIP_PATH in changed
    assert "downloads/reflectie-interview-slot.pdf" in changed
    assert len(changed) < len(after) // 4, sorted(changed)
    # the shared files hold what they held: nothing was written into the site that was being served
    for rel in same:
        assert os.stat(site / rel).st_ino == before[rel][0] and (site / rel).read_bytes() == before[rel][1]


class _Markers:
    """The markers of one page (HTML comments p2g:...), each with whether an element around it is left out of the
    search index (data-search-exclude)."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, text: str):
        from html.parser import HTMLParser

        self.found: list[tuple[str, bool]] = []
        stack: list[bool] = []
        found = self.found

        class Parser(HTMLParser):
            def handle_starttag(self, tag, attrs):
                if tag not in _Markers.VOID:
                    stack.append(any(name == "data-search-exclude" for name, _ in attrs))

            def handle_endtag(self, tag):
                if tag not in _Markers.VOID and stack:
                    stack.pop()

            def handle_comment(self, data):
                if data.startswith("p2g:"):
                    found.append((data, any(stack)))

        Parser().feed(text)


def test_every_size_filled_in_afterwards_is_left_out_of_search(real_site):
    """What the build fills in after MkDocs ran (a PDF's size and page count, the zip's size) is not in the search
    index when the index is made: each marker, on every page, sits in an element the index leaves out, so a search
    result never shows '(PDF, , )'. Walks the builder's own output (build/mkdocs/site), where the markers still are."""
    project, site, content = real_site
    built = project / "build" / "mkdocs" / "site"
    seen = 0
    for page in sorted(built.rglob("*.html")):
        for marker, excluded in _Markers(page.read_text(encoding="utf-8")).found:
            seen += 1
            assert excluded, f"{page.relative_to(built)}: <!--{marker}--> staat niet in een element met data-search-exclude"
    assert seen > 50  # the instruments, meetings, downloads and the zip: the walk found them
