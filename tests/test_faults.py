"""Fault tests for the build's own state: damaged caches are detected and rebuilt (never published, never a
traceback), the logo is part of every PDF that shows it, the up-to-date check notices a changed or lost site file,
one build runs at a time, and a killed build's scratch is cleaned up by the next."""

from __future__ import annotations

import io
import subprocess
import sys

import pikepdf
import pytest

from conftest import REPO
from site_build.build import build
from site_build.core.lock import build_lock

pytestmark = pytest.mark.build


def pdfs(site) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((site / "downloads").glob("*.pdf"))}


def test_damaged_cache_entries_are_rebuilt_not_published(minimal):
    first = build(minimal)
    good = pdfs(first.site)
    cache = minimal / "build" / "pdf-cache"
    entries = sorted(cache.glob("*.pdf"))
    assert entries
    for i, entry in enumerate(entries):  # truncated, garbled, emptied
        data = entry.read_bytes()
        entry.write_bytes(data[: len(data) // 2] if i % 3 == 0 else b"%PDF-1.7 kapot" if i % 3 == 1 else b"")
    (cache / "paginas.json").write_text('{"x": "geen getal"', encoding="utf-8")
    for state in (minimal / "build" / "mkdocs" / "staat.json", minimal / "build" / "laatste-bouw.json"):
        state.write_text("[1, 2", encoding="utf-8")
    for compiled in (minimal / "build" / "jinja-cache").rglob("*"):
        if compiled.is_file():
            compiled.write_bytes(compiled.read_bytes()[:40])
    again = build(minimal, force=True)
    assert again.pdfs_made == again.pdfs  # every damaged entry was made again
    assert pdfs(again.site) == good
    for data in good.values():
        pikepdf.open(io.BytesIO(data)).close()


def test_a_pdf_changed_in_place_in_the_site_is_made_again(minimal):
    # a site's PDF is a second name of its cache entry (printing/pipeline.py): changed in place (a PDF editor that
    # saves over it), the entry is changed too; the next build notices the site changed, the entry fails its hash,
    # and the PDF is made again
    first = build(minimal)
    good = pdfs(first.site)
    target = sorted((first.site / "downloads").glob("*.pdf"))[0]
    with open(target, "r+b") as handle:
        handle.write(b"%PDF-1.7 kapot")
    again = build(minimal)
    assert not again.up_to_date and again.pdfs_made >= 1
    assert pdfs(again.site) == good


def test_a_damaged_incremental_site_is_built_in_full(minimal):
    build(minimal)
    kept = minimal / "build" / "mkdocs" / "site" / "donts" / "index.html"
    kept.write_text("kapot", encoding="utf-8")
    path = minimal / "content/vaardigheden/spiegelen.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("Doe na wat het kind doet.", "Doe na wat het kind nu doet."),
                    encoding="utf-8")
    result = build(minimal)
    assert result.pages_rebuilt is None  # not incremental: the pages kept from last time were not as built
    assert "kapot" not in (result.site / "donts" / "index.html").read_text(encoding="utf-8")


def test_the_up_to_date_check_notices_a_changed_or_lost_site_file(minimal):
    site = build(minimal).site
    assert build(minimal).up_to_date
    lost = site / "contact.html"
    lost.unlink()
    result = build(minimal)
    assert not result.up_to_date and lost.is_file()
    (site / "index.html").write_text("veranderd", encoding="utf-8")
    result = build(minimal)
    assert not result.up_to_date and "veranderd" not in (site / "index.html").read_text(encoding="utf-8")
    assert build(minimal).up_to_date


def test_each_edition_keeps_its_own_record_of_the_last_build(minimal):
    from site_build.core.target import TRAINER

    build(minimal)
    build(minimal, TRAINER)
    assert build(minimal).up_to_date and build(minimal, TRAINER).up_to_date


def test_the_logo_is_in_the_key_of_the_pdfs_that_show_it(minimal):
    logo = minimal / "content" / "logo.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" '
                    'fill="#111111"/></svg>', encoding="utf-8")
    editie = minimal / "content/editie.yml"
    editie.write_text(editie.read_text(encoding="utf-8") + "logo: logo.svg\n", encoding="utf-8")
    first = pdfs(build(minimal).site)
    logo.write_text(logo.read_text(encoding="utf-8").replace("#111111", "#ee0000"), encoding="utf-8")
    second = build(minimal)
    changed = {name for name, data in pdfs(second.site).items() if first[name] != data}
    assert {"complete-map.pdf"} <= changed, changed
    assert second.pdfs_made >= 1


def test_one_build_at_a_time(minimal):
    with build_lock(minimal):
        run = subprocess.run([sys.executable, "-m", "site_build.cli", "--map", str(minimal), "build"],
                             capture_output=True, text=True, cwd=REPO, timeout=120)
    assert run.returncode == 1
    assert "er draait al een build in deze map" in run.stderr and "Traceback" not in run.stderr
    assert not (minimal / "site").exists()
    assert build(minimal).pages > 0  # the lock is free again


def test_a_killed_builds_scratch_is_cleaned_by_the_next(minimal):
    scratch = minimal / "build" / "bouw-abc123"
    (scratch / "docs").mkdir(parents=True)
    (minimal / "build" / "pdf-cache").mkdir(parents=True)
    half = minimal / "build" / "pdf-cache" / "abc-0.pdf.123.456.tmp"
    half.write_bytes(b"%PDF half")
    old = minimal / "site.oud-999"
    old.mkdir()
    build(minimal)
    assert not scratch.exists() and not half.exists() and not old.exists()


def test_a_build_killed_with_sigkill_leaves_the_site_and_the_lock_usable(minimal):
    import signal
    import time

    site = build(minimal).site
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    process = subprocess.Popen([sys.executable, "-m", "site_build.cli", "--map", str(minimal), "build", "--opnieuw"],
                               cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    time.sleep(3)
    import os

    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
    result = build(minimal, force=True)
    assert result.pages > 0 and not list((minimal / "build").glob("bouw-*"))
