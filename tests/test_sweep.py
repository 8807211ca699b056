"""Hostile sweep, generated from the models: every text, Markdown and URL field of every content file (found by
walking the pydantic models through surface.py, never listed by hand) gets a hostile value; the built site (HTML,
search index), the PDFs and a real browser must show it as text only: no script, no request to another host, no
file of the machine, no PDF attachment."""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import subprocess
import threading
import typing
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import ARTIFACTS, REPO, make_project
from site_build.build import build
from site_build.content import models as m
from site_build.content.kinds import files, folders
from site_build.content.surface import _options, all_model_fields, spots, text_kind
from site_build.content.validate import load_content
from site_build.core.problems import ContentError
from site_build.core.target import TRAINER

pytestmark = pytest.mark.build

EVIL = "evil.example"
LOGO = "afbeeldingen/logo.svg"  # written into every project of these tests (see with_logo)
SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" viewBox="0 0 40 40">'
       '<circle cx="20" cy="20" r="18" fill="#1f5f5b"/></svg>')


def with_logo(project: Path) -> Path:
    (project / "content" / LOGO).parent.mkdir(parents=True, exist_ok=True)
    (project / "content" / LOGO).write_text(SVG, encoding="utf-8")
    return project


def hostile(kind: str, n: int) -> str:
    """A value that tries every way out of its place: HTML, attributes, <title>, CSS strings, Markdown."""
    mark = f"zq{n}q"
    if kind == "url":
        return f"https://voorbeeld.nl/{mark}"
    if kind == "opmaak":
        # (what the policy refuses at validate, such as javascript: links, is tried field by field below)
        return (f"{mark} <script>alert({n})</script> <img src=x onerror=alert({n})> [extern](https://example.org/) "
                f"**vet**\"'</title>\n{{: onclick=\"alert({n})\" }}\n\n- punt {{: onmouseover=alert({n}) }}\n")
    return (f"{mark}\"'</title></style><script>alert({n})</script><img src=x onerror=alert({n})>"
            f"\\\"; }} @import url(https://{EVIL}/{mark}.css); {{ \"[js](javascript:alert({n})) {{: onclick=alert({n}) }}")


def fill_missing(model, data: dict) -> None:
    """Give absent optional text fields a value too, and absent optional blocks (with their text fields), so the
    sweep reaches every field of the model; only where the object stays valid (a section with 'uit' takes no
    text of its own)."""
    for name, info in model.model_fields.items():
        options = _options(info.annotation)
        if data.get(name) is None and (info.default is None or isinstance(info.default, str)):
            for option in options:
                kind = text_kind(option, list(info.metadata) + [info])
                if kind in ("tekst", "opmaak", "url", "pad"):
                    data[name] = {"url": "https://voorbeeld.nl/", "pad": LOGO}.get(kind, "placeholder")
                elif isinstance(option, type) and issubclass(option, m.Model):
                    data[name] = {}
                    fill_missing(option, data[name])
                else:
                    continue
                try:
                    model.model_validate(data)
                except Exception:
                    del data[name]
        value = data.get(name)
        for option in options:
            inner = option
            while typing.get_origin(inner) is typing.Annotated:
                inner = typing.get_args(inner)[0]
            if typing.get_origin(inner) is list:
                inner = typing.get_args(inner)[0]
                values = value if isinstance(value, list) else []
            else:
                values = [value]
            if isinstance(inner, type) and issubclass(inner, m.Model):
                for v in values:
                    if isinstance(v, dict):
                        fill_missing(inner, v)


def content_files(root: Path):
    for rel, kind in files().items():
        yield rel, kind.model
    for folder, kind in folders().items():
        for path in sorted((root / folder).glob("*.yml")):
            yield path.relative_to(root).as_posix(), kind.model


def make_hostile(project: Path) -> dict[str, tuple[str, str]]:
    """Write a hostile value into every text field of every file; returns marker -> (file, field)."""
    markers: dict[str, tuple[str, str]] = {}
    n = 0
    for rel, cls in content_files(project):
        path = project / rel
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if rel == "content/editie.yml":  # optional blocks the open edition leaves empty get a value to attack
            data["contact"] = data.get("contact") or {"naam": "x", "rol": "x", "email": "x@voorbeeld.nl"}
            data["school"] = data.get("school") or {}
        fill_missing(cls, data)
        for spot in spots(cls, data):
            if spot.kind not in ("tekst", "opmaak", "url"):
                continue
            n += 1
            target = data
            for part in spot.loc[:-1]:
                target = target[part]
            target[spot.loc[-1]] = hostile(spot.kind, n)
            markers[f"zq{n}q"] = (rel, spot.name)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return markers


class Active(HTMLParser):
    """Collects what a browser would run or load from a page: script and style text, attribute values."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._in = tag
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") and "alert(" in value:
                self.found.append(f"<{tag} {name}={value[:60]}>")
            if name in ("href", "src", "action", "formaction", "data", "srcset", "style") and (
                    re.match(r"\s*(javascript|data|vbscript):", value, re.I) or EVIL in value or ".git" in value):
                self.found.append(f"<{tag} {name}={value[:60]}>")
        if tag in ("img", "iframe", "object", "embed", "link") and any(EVIL in (v or "") for _, v in attrs):
            self.found.append(f"<{tag}> naar {EVIL}")

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in and ("alert(" in data or EVIL in data):
            self.found.append(f"<{self._in}> met {data.strip()[:60]}")


def active_in(html: str) -> list[str]:
    parser = Active()
    parser.feed(html)
    parser.close()
    return parser.found


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = with_logo(make_project(tmp_path_factory.mktemp("vijandig") / "project", REPO))
    markers = make_hostile(project)
    result = build(project, TRAINER)
    return project, result.site, markers


def test_the_sweep_covers_every_text_field_of_every_model(hostile_site):
    project, site, markers = hostile_site
    wanted = {name for name, kind in all_model_fields() if kind in ("tekst", "opmaak", "url")}
    covered = {field for _, field in markers.values()}
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "sweep.txt").write_text(f"{len(markers)} waarden in {len(covered)} van {len(wanted)} velden\n",
                                         encoding="utf-8")
    assert covered == wanted


def test_no_hostile_value_becomes_active_html_or_search_entry(hostile_site):
    project, site, markers = hostile_site
    offenders = []
    for page in sorted(site.rglob("*.html")):
        offenders += [f"{page.relative_to(site)}: {x}" for x in active_in(page.read_text(encoding="utf-8"))]
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        for key in ("title", "text"):
            offenders += [f"zoekindex {doc['location']} {key}: {x}" for x in active_in(doc.get(key, ""))]
    for css in site.rglob("*.css"):
        if EVIL in css.read_text(encoding="utf-8"):
            offenders.append(f"{css.relative_to(site)}: {EVIL}")
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "sweep-html.txt").write_text("\n".join(offenders) + "\n", encoding="utf-8")
    assert offenders == []
    # the values did land, as text: in the pages and in the search index
    text = " ".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    landed = {mark for mark in markers if mark in text}
    assert len(landed) > len(markers) * 0.8


def test_pdfs_carry_no_attachment_script_or_foreign_link(hostile_site):
    import pikepdf

    project, site, markers = hostile_site
    pdfs = sorted(site.rglob("*.pdf"))
    assert pdfs
    offenders, text = [], []
    for path in pdfs:
        with pikepdf.open(path) as pdf:
            if len(pdf.attachments):
                offenders.append(f"{path.name}: bijlagen {list(pdf.attachments)}")
            names = pdf.Root.get("/Names", {})
            if "/JavaScript" in names or "/EmbeddedFiles" in names or "/OpenAction" in pdf.Root:
                offenders.append(f"{path.name}: script of bijlage in /Root")
            for number, page in enumerate(pdf.pages, 1):
                for annot in page.obj.get("/Annots", []):
                    if annot.get("/Subtype") == "/FileAttachment":
                        offenders.append(f"{path.name} p{number}: bijlage")
                    action = annot.get("/A", {})
                    uri = str(action.get("/URI", ""))
                    if action.get("/S") in ("/JavaScript", "/Launch") or re.match(r"(javascript|file|data):", uri) \
                            or EVIL in uri:
                        offenders.append(f"{path.name} p{number}: {action.get('/S')} {uri[:60]}")
        if shutil.which("pdftotext"):
            text.append(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout)
    assert offenders == []
    if text:
        joined = "\n".join(text)
        assert "[core]" not in joined and "repositoryformatversion" not in joined  # .git/config
        assert sum(1 for mark in markers if mark in joined) > 50


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Chromium ontbreekt")
def test_in_a_real_browser_no_dialog_and_no_request_leaves(hostile_site):
    from playwright.sync_api import sync_playwright

    project, site, markers = hostile_site
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *a: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    dialogs, external = [], []

    def guard(route):
        url = route.request.url
        if url.startswith(base) or url.startswith(("data:", "blob:", "about:")):
            route.continue_()
        else:
            external.append(url)
            route.abort()

    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                         args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                               "--disable-component-update", "--disable-sync", "--no-first-run"])
            context = browser.new_context()
            context.route("**/*", guard)
            page = context.new_page()
            page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))
            for rel in sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")):
                page.goto(f"{base}/{rel}", wait_until="load")
                # hover and click everything that carries hostile text: no handler may run
                for element in page.locator("article a:visible, article p:visible").all()[:8]:
                    try:
                        element.hover(timeout=1000)
                    except Exception:  # covered by another element: nothing to hover
                        pass
            page.goto(f"{base}/index.html")
            page.click(".md-search__input")
            page.keyboard.type("zq1q")
            page.wait_for_timeout(3000)
            browser.close()
    finally:
        httpd.shutdown()
    assert dialogs == []
    assert external == []


def _with(project: Path, rel: str, loc: tuple, value: str) -> None:
    path = project / rel
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    target = data
    for part in loc[:-1]:
        target = target[part]
    target[loc[-1]] = value
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


BAD = {"url": ["javascript:alert(1)", "file:///etc/passwd", "//evil.example/x", "https://x\" onmouseover=\"a"],
       "pad": ["../../.git/config", "/etc/passwd", "afbeeldingen/logo.svg\" x=\"", "../mkdocs.yml"],
       "opmaak": ["Zie [dit](javascript:alert(1)).", "Een ![beeld](https://evil.example/x.png).",
                  "Zie [dit](data:text/html,x).", "Lees [hier](../bestaat/niet.md).", "[a][r]\n\n[r]: vbscript:x",
                  "Zie <javascript:alert(1)>.", "Zie [dit](//evil.example/x)."]}


def test_every_url_path_and_markdown_field_refuses_what_it_may_not_hold(tmp_path):
    """URL fields take only http(s) addresses, path fields only files of the project, Markdown fields only the
    policy's links (and no images, no broken internal link): for every such field, found from the models, a
    refused value gives a Dutch problem at that file and line."""
    project = with_logo(make_project(tmp_path / "p", REPO))
    tried, fields = 0, set()
    for rel, cls in content_files(project):
        data = yaml.safe_load((project / rel).read_text(encoding="utf-8"))
        fill_missing(cls, data)
        for spot in spots(cls, data):
            values = BAD.get(spot.kind, [])
            if not values or spot.name in fields and spot.kind == "opmaak":
                continue  # every Markdown field once (they share one code path), every URL and path value
            for value in values if spot.kind != "opmaak" else [values[len(fields) % len(values)]]:
                original = (project / rel).read_text(encoding="utf-8")
                changed = yaml.safe_load(original)
                fill_missing(cls, changed)
                target = changed
                for part in spot.loc[:-1]:
                    target = target[part]
                target[spot.loc[-1]] = value
                (project / rel).write_text(yaml.safe_dump(changed, allow_unicode=True, sort_keys=False), encoding="utf-8")
                try:
                    with pytest.raises(ContentError) as caught:
                        load_content(project)
                finally:
                    (project / rel).write_text(original, encoding="utf-8")
                assert [p.path for p in caught.value.problems] == [rel], (spot.name, value, [str(p) for p in caught.value.problems])
                tried += 1
            fields.add(spot.name)
    wanted = {name for name, kind in all_model_fields() if kind in BAD}
    assert fields == wanted
    assert tried >= len(wanted)
