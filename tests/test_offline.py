"""The offline edition: the site's own zip, unpacked and opened from disk (file://) in Chromium, works completely
(search, navigation, PDFs) with no request to any other host; the zip is complete and reproducible; the search
shim is the registry's copy."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import tarfile
import zipfile
from pathlib import Path

import pytest
import yaml

from conftest import REPO
from site_build.site.offline_zip import FOLDER, MARKER, ZIP_PATH, size_text, write_zip
from test_browser import ARGS, CHROMIUM, shot

# files, inline data and the browser's own pages (its PDF viewer is chrome-extension://): no host is contacted
LOCAL = ("file://", "data:", "blob:", "about:", "chrome://", "chrome-extension://")
SHIM_DIR = REPO / "theme" / "assets" / "vendor" / "iframe-worker"


def _record() -> dict:
    return json.loads((SHIM_DIR / "bron.json").read_text(encoding="utf-8"))


def test_the_shim_is_the_recorded_file_and_the_site_loads_it():
    record = _record()
    assert hashlib.sha256((SHIM_DIR / "shim.js").read_bytes()).hexdigest() == record["sha256"]
    assert "MIT License" in (SHIM_DIR / "LICENSE").read_text(encoding="utf-8") or "Permission is hereby granted" in (
        SHIM_DIR / "LICENSE").read_text(encoding="utf-8")
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert "offline" in config["plugins"]
    # Material's offline plugin adds a CDN address unless a polyfill with this name is there already
    assert config["extra"]["polyfills"] == [SHIM_DIR.relative_to(REPO / "theme").as_posix() + "/shim.js"]


def test_the_shim_is_the_registry_copy(tmp_path):
    """The committed shim is byte for byte the file in the npm package of the recorded version and integrity."""
    if shutil.which("npm") is None:
        pytest.skip("npm ontbreekt: de kopie van de shim is alleen tegen het vastgelegde sha256 gecontroleerd")
    record = _record()
    done = subprocess.run(["npm", "pack", "--silent", "--json", "--pack-destination", str(tmp_path),
                           f"{record['pakket']}@{record['versie']}"], capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    packed = json.loads(done.stdout)[0]
    assert packed["integrity"] == record["integrity"]
    with tarfile.open(tmp_path / packed["filename"]) as tar:
        registry = tar.extractfile(f"package/{record['bestand']}").read()
        license_text = tar.extractfile("package/LICENSE").read()
    assert registry == (SHIM_DIR / "shim.js").read_bytes()
    assert license_text == (SHIM_DIR / "LICENSE").read_bytes()


def test_the_zip_holds_the_whole_site_and_states_its_own_size(real_site, tmp_path):
    project, site, content = real_site
    archive = site / ZIP_PATH
    data = archive.read_bytes()
    with zipfile.ZipFile(archive) as z:
        names = z.namelist()
        assert names == sorted(names)
        files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and p != archive)
        assert names == [f"{FOLDER}/{f}" for f in files]
        for info in z.infolist():
            assert info.date_time == (1980, 1, 1, 0, 0, 0) and (info.external_attr >> 16) == 0o100644
            assert z.read(info) == (site / info.filename.removeprefix(FOLDER + "/")).read_bytes(), info.filename
    offered = [p for p in site.rglob("*.html") if ZIP_PATH.split("/")[-1] in p.read_text(encoding="utf-8")]
    assert {p.relative_to(site).as_posix() for p in offered} >= {"index.html", "instrumenten/downloads.html"}
    for page in offered:
        text = page.read_text(encoding="utf-8")
        assert f"ZIP, {size_text(len(data))}" in text and MARKER not in text, page
    # reproducible: zipping the same site again gives the same bytes
    copy = tmp_path / "kopie"
    shutil.copytree(site, copy)
    (copy / ZIP_PATH).unlink()
    assert write_zip(copy) == len(data)
    assert (copy / ZIP_PATH).read_bytes() == data


@pytest.fixture(scope="module")
def unpacked(real_site, tmp_path_factory):
    project, site, content = real_site
    target = tmp_path_factory.mktemp("usb-stick")
    with zipfile.ZipFile(site / ZIP_PATH) as z:
        z.extractall(target)
    return target / FOLDER, content


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Chromium ontbreekt: voer tools/systeem.sh uit")
def test_the_unpacked_zip_works_from_disk_without_any_other_host(unpacked):
    from playwright.sync_api import sync_playwright

    root, content = unpacked
    base = root.as_uri()
    requests: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        context = browser.new_context(accept_downloads=True)
        context.on("request", lambda r: requests.append(r.url))
        # files load; anything else is refused (and recorded above, so the test fails on it)
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(LOCAL) else route.abort())
        page = context.new_page()
        page.goto(f"{base}/index.html")
        page.wait_for_load_state("load")

        # Dutch search, from the search box
        skill = content.vaardigheden[0]
        page.click(".md-search__input")
        page.keyboard.type(skill.naam.split()[0].lower())
        first = page.locator(".md-search-result__item a").first
        first.wait_for(timeout=15000)
        shot(page, "offline-zoeken")
        href = first.get_attribute("href")
        first.click()
        page.wait_for_load_state("load")
        assert page.url.split("?")[0] == f"{base}/vaardigheden/{skill.id}.html", (href, page.url)

        # typing on a page (no field focused) stays on the page; s still opens the search
        assert page.locator("link[rel=next]").count() == 1
        here = page.url
        page.locator("h1").first.click()
        page.keyboard.type("n.p,", delay=30)
        page.wait_for_timeout(500)
        assert page.url == here, "typen op de pagina ging naar een andere pagina"
        page.keyboard.press("s")
        assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
        page.keyboard.press("Escape")

        # navigation: a tab of the top bar
        page.locator(".md-tabs__link", has_text="Don'ts").first.click()
        page.wait_for_load_state("load")
        assert page.url == f"{base}/donts/index.html"

        # a PDF from an instrument page: from disk the browser opens it in its own viewer
        inst = content.instrumenten[0]
        page.goto(f"{base}/instrumenten/{inst.id}.html")
        pdf = f"{base}/downloads/{inst.id}.pdf"
        with page.expect_request(pdf):
            page.locator(".p2g-downloads a", has_text="Printen").first.click()
        page.wait_for_url(pdf)
        assert (root / "downloads" / f"{inst.id}.pdf").read_bytes().startswith(b"%PDF")
        context.close()
        browser.close()
    outside = [u for u in requests if not u.startswith(LOCAL)]
    assert outside == [], outside
    assert any(u.endswith("search/search_index.js") for u in requests)
    assert any("iframe-worker/shim.js" in u for u in requests)
