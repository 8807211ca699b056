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


# --- what a red team tried against the published site between builds (each once found a hole) -----------------

def _zip_is_the_site(site: Path) -> None:
    import zipfile

    from site_build.site.offline_zip import FOLDER

    with zipfile.ZipFile(site / ZIP_PATH) as z:
        assert z.testzip() is None
        for info in z.infolist():
            rel = info.filename.removeprefix(FOLDER + "/")
            assert z.read(info) == (site / rel).read_bytes(), rel


def _edit_skill(project: Path) -> None:
    path = project / "content" / "vaardigheden" / "spiegelen.yml"
    text = path.read_text(encoding="utf-8")
    assert "Doe na wat het kind doet." in text
    # as long as before: the page keeps its size, so only its bytes tell old from new
    path.write_text(text.replace("Doe na wat het kind doet.", "Doe na wat het KIND doet."), encoding="utf-8")


@pytest.mark.build
def test_a_page_written_in_place_into_the_site_leaves_no_stale_zip_entry(minimal, tmp_path, monkeypatch):
    """`mkdocs build --dirty` writes into site/ in place. When it wrote exactly what the next build makes, that
    page is linked; the zip must then hold the page as it is, not as the previous zip had it."""
    from conftest import MINIMAL, make_project
    from site_build.build import build

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    site = build(minimal).site
    twin = make_project(tmp_path / "tweeling", MINIMAL)  # the same edit, built apart: the page as it will be
    _edit_skill(twin)
    expected = build(twin).site
    _edit_skill(minimal)
    changed = [rel for rel, (_, data) in snapshot(expected).items()
               if rel.endswith(".html") and (site / rel).read_bytes() != data]
    assert changed
    for rel in changed:
        with open(site / rel, "r+b") as handle:  # in place: the same file, other bytes
            data = (expected / rel).read_bytes()
            handle.write(data)
            handle.truncate(len(data))
    _zip_is_the_site(build(minimal).site)


@pytest.mark.build
def test_a_damaged_zip_is_not_copied_forward(minimal):
    import zipfile

    from site_build.build import build

    site = build(minimal).site
    archive = site / ZIP_PATH
    with zipfile.ZipFile(archive) as z:
        info = next(i for i in z.infolist() if i.filename.endswith("index.html") and i.compress_size > 40)
    data = bytearray(archive.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra) + 10
    data[start:start + 4] = bytes(b ^ 0xFF for b in data[start:start + 4])  # headers intact, the bytes not
    archive.write_bytes(bytes(data))
    _edit_skill(minimal)
    _zip_is_the_site(build(minimal).site)


@pytest.mark.build
def test_files_get_the_permissions_of_the_build_that_publishes_them(minimal):
    from site_build.build import build

    old = os.umask(0o077)
    try:
        build(minimal)
    finally:
        os.umask(old)
    old = os.umask(0o022)
    try:
        _edit_skill(minimal)
        site = build(minimal).site
    finally:
        os.umask(old)
    modes = {p.relative_to(site).as_posix(): oct(p.stat().st_mode & 0o777) for p in site.rglob("*") if p.is_file()}
    assert {rel: mode for rel, mode in modes.items() if mode != "0o644"} == {}


@pytest.mark.build
def test_a_fifo_or_a_link_to_a_device_in_the_site_is_never_read(minimal):
    import subprocess
    import sys

    from conftest import REPO
    from site_build.build import build

    site = build(minimal).site
    (site / "contact.html").unlink()
    os.mkfifo(site / "contact.html")
    (site / "index.html").unlink()
    (site / "index.html").symlink_to("/dev/zero")
    run = subprocess.run([sys.executable, "-m", "site_build.cli", "--map", str(minimal), "build"],
                         capture_output=True, text=True, cwd=REPO, timeout=300)
    assert run.returncode == 0, run.stderr
    for rel in ("contact.html", "index.html"):
        assert (site / rel).is_file() and not (site / rel).is_symlink() and b"<html" in (site / rel).read_bytes()
    _zip_is_the_site(site)


@pytest.mark.build
def test_nothing_outside_the_site_is_linked_in_and_a_linked_site_is_updated_where_it_points(minimal, tmp_path):
    from site_build.build import build

    site = build(minimal).site
    outside = tmp_path / "elders"
    (site / "assets").rename(outside)
    (site / "assets").symlink_to(outside)
    inodes = {p.stat().st_ino for p in outside.rglob("*") if p.is_file()}
    build(minimal)
    assert not (site / "assets").is_symlink()
    assert not inodes & {p.stat().st_ino for p in site.rglob("*") if p.is_file()}
    # the site folder itself a link (to where a web server serves it): that folder gets the new site
    served = tmp_path / "www"
    site.rename(served)
    site.symlink_to(served)
    _edit_skill(minimal)
    build(minimal)
    assert site.is_symlink() and "Doe na wat het KIND doet." in (served / "vaardigheden" / "spiegelen.html").read_text(
        encoding="utf-8")
    assert not list(minimal.glob("site.*")) and not list(tmp_path.glob("www.*"))


@pytest.mark.build
def test_a_scratch_folder_on_another_disk_still_swaps_the_site_whole(minimal, monkeypatch):
    """build/ may be a link to another file system: the new site cannot be renamed into place from there."""
    import errno
    import pathlib

    from site_build.build import build

    site = build(minimal).site
    rename = pathlib.Path.rename

    def across_disks(self, target):
        if "bouw-" in str(self) and self.name == "site":
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        return rename(self, target)

    monkeypatch.setattr(pathlib.Path, "rename", across_disks)
    _edit_skill(minimal)
    build(minimal)
    assert "Doe na wat het KIND doet." in (site / "vaardigheden" / "spiegelen.html").read_text(encoding="utf-8")
    assert not list(minimal.glob("site.*"))


def test_a_site_set_aside_by_a_killed_swap_comes_back(tmp_path):
    from site_build.core.lock import clean_stale

    (tmp_path / "build").mkdir()
    write(tmp_path / "site.oud-123", {"index.html": "de vorige site"})
    write(tmp_path / "site.nieuw-123", {"index.html": "half verplaatst"})
    clean_stale(tmp_path)
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "de vorige site"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build", "site"]
