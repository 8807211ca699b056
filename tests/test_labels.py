"""Reader-facing words are data (issue 12, point 3): the label catalogue's contract (every key a template or the code
uses exists in every language, no Dutch key unused, value tables match the models) and an English test edition whose
built site and its PDFs carry no Dutch word from the code or the templates, navigation titles included."""

from __future__ import annotations

import re
import shutil
import subprocess
import typing
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import REPO, make_project
from site_build.content import models as m
from site_build.content import practice as praktijk
from site_build.core.labels import LabelError, Labels, keys, load_labels

NL = REPO / "macros" / "labels" / "nl.yml"
ENGLISH = REPO / "tests" / "fixtures" / "english"
EN = ENGLISH / "labels" / "en.yml"
CATALOGUES = {"nl": NL, "en": EN}

_ALIAS = re.compile(r"\{%-?\s*set\s+(\w+)\s*=\s*t\.([\w.]+)\s*-?%\}")
_PY_USES = (re.compile(r"""labels(?:\(\))?\.(?:section|text)\(\s*["']([\w.-]+)["']"""),  # (content.)labels(().)section("bron")
            re.compile(r"(?<![\w/.])labels\.(?!section|text|get\b|py\b)([a-z_]+(?:\.[a-z_]+)*)"),  # labels.datum.dagen
            re.compile(r"""["']([a-z_]+\.[\w.-]+)["']"""))  # a dotted key chosen in code ("bestand.pagina" if ...)


def _template_uses(text: str) -> set[tuple[str, bool]]:
    """(key, whole section?) for every 't.x.y' in a template, with '{% set w = t.x %}' followed into 'w.y'."""
    names = {"t": ""}
    names.update({alias: path + "." for alias, path in _ALIAS.findall(text)})
    uses = set()
    for name, prefix in names.items():
        for match in re.finditer(rf"(?<![\w.]){name}\.([a-z_][\w]*(?:\.[a-z_][\w]*)*)(\[)?", text):
            path = prefix + match.group(1)
            if name == "t" and path in {p.rstrip(".") for p in names.values() if p}:
                if not match.group(2) and not re.match(r"\s*%\}", text[match.end():]):
                    uses.add((path, False))
                continue
            uses.add((path, bool(match.group(2))))
    return {(p, whole) for p, whole in uses if not any(p == a.rstrip(".") for a in names.values() if a) or whole}


def used_keys() -> set[tuple[str, bool]]:
    uses: set[tuple[str, bool]] = set()
    for template in sorted([*(REPO / "macros").rglob("*.j2"), *(REPO / "macros").rglob("*.css")]):
        uses |= _template_uses(template.read_text(encoding="utf-8"))
    for module in sorted((REPO / "site_build").rglob("*.py")):
        text = module.read_text(encoding="utf-8")
        uses |= {(key, True) for pattern in _PY_USES for key in pattern.findall(text)}
    theme = (REPO / "theme" / "partials" / "copyright.html").read_text(encoding="utf-8")
    uses |= {("voet." + k, False) for k in re.findall(r"\bw\.(\w+)", theme)}
    return uses


def _catalogue(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_every_used_label_exists_in_every_language():
    all_keys = {taal: keys(_catalogue(path)) for taal, path in CATALOGUES.items()}
    uses = {key for key, _ in used_keys()}
    python_literals = {key for key, whole in used_keys() if whole and "." in key and key not in all_keys["nl"]}
    for taal, present in all_keys.items():
        missing = sorted(uses - present - python_literals)
        assert not missing, f"{CATALOGUES[taal]}: deze labels worden gebruikt maar ontbreken: {missing}"


def test_no_dutch_label_is_unused():
    uses = used_keys()
    present = keys(_catalogue(NL))

    def used(key: str) -> bool:
        return any(key == u or key.startswith(u + ".") or (u.startswith(key + ".")) for u, _ in uses
                   if u in present or any(k.startswith(u + ".") for k in present)) or \
            any(whole and key.startswith(u + ".") for u, whole in uses)

    unused = sorted(k for k in present if not used(k))
    assert not unused, f"{NL}: deze labels gebruikt niemand: {unused}"


def test_catalogues_have_the_same_keys():
    assert keys(_catalogue(EN)) == keys(_catalogue(NL))


@pytest.mark.parametrize("section, literal", [
    ("rollen", m.Rol), ("kopvelden", m.Kopveld), ("per", praktijk.Per), ("drukwerk.formuliersoorten", m.Soort)])
def test_value_tables_cover_the_model(section, literal):
    table = _catalogue(NL)
    for part in section.split("."):
        table = table[part]
    assert set(table) == set(typing.get_args(literal))


def test_missing_label_fails_loudly_with_file_and_key(tmp_path):
    import jinja2

    (tmp_path / "macros" / "labels").mkdir(parents=True)
    shutil.copy2(NL, tmp_path / "macros" / "labels" / "nl.yml")
    labels = load_labels(tmp_path, "nl")
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    with pytest.raises(LabelError, match=r"nl\.yml: het label 'bijeenkomst\.bestaat_niet' ontbreekt"):
        env.from_string("{{ t.bijeenkomst.bestaat_niet }}").render(t=labels)
    (tmp_path / "macros" / "labels" / "xx.yml").write_text("taal: {code: xx}\n", encoding="utf-8")
    with pytest.raises(LabelError, match=r"xx\.yml: het label '.*' ontbreekt .*nl\.yml heeft het wel"):
        load_labels(tmp_path, "xx")
    with pytest.raises(LabelError, match="ontbreekt"):
        load_labels(tmp_path, "fr")


def test_label_fills_placeholders_escaped():
    labels = Labels({"a": "<b>{x}</b>"}, Path("x.yml"))
    assert str(labels.a(x="<i>")) == "<b>&lt;i&gt;</b>"


# --- the English test edition ---------------------------------------------------------------------------------

DUTCH_FUNCTION_WORDS = {"het", "een", "van", "voor", "niet", "met", "naar", "deze", "die", "dat", "ook", "bij",
                        "zijn", "wordt", "worden", "maar", "als", "dan", "nog", "geen", "zonder", "tussen", "jouw",
                        "waar", "hoe", "welke", "wat", "jij", "je", "wij", "onze", "uit", "per", "keer"}


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’-]*[A-Za-zÀ-ÿ]", re.sub(r"<[^>]+>|\{\w+\}", " ", text))}


def _values(node) -> list[str]:
    if isinstance(node, dict):
        return [v for x in node.values() for v in _values(x)]
    if isinstance(node, list):
        return [v for x in node for v in _values(x)]
    return [str(node)]


def forbidden_words() -> set[str]:
    """Distinctive Dutch words: those of the Dutch catalogue that neither the English catalogue nor the English
    content uses (so 'PDF' or 'Playing-2-gether' never count), plus Dutch function words."""
    dutch = {w for v in _values(_catalogue(NL)) for w in _words(v) if len(w) >= 4}
    english = {w for v in _values(_catalogue(EN)) for w in _words(v)}
    for f in ENGLISH.rglob("*.yml"):
        english |= {w for v in _values(yaml.safe_load(f.read_text(encoding="utf-8"))) for w in _words(v)}
    return (dutch - english) | (DUTCH_FUNCTION_WORDS - english)


class _Text(HTMLParser):
    """The reader's text of a page: text and the attributes a reader meets (title, aria-label, alt, placeholder,
    data-label), split into the page's own part and the navigation (header, tabs, sidebars, footer)."""

    NAV = ("md-nav", "md-tabs", "md-header", "md-footer__", "md-sidebar", "md-skip")

    def __init__(self):
        super().__init__()
        self.own: list[str] = []
        self.nav: list[str] = []
        self.stack: list[bool] = []
        self.skip = 0
        self.lang = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        void = tag in ("meta", "link", "input", "img", "br", "hr", "source", "path", "rect", "use")
        in_nav = (self.stack[-1] if self.stack else False) or any(c in (a.get("class") or "") for c in self.NAV)
        if tag in ("script", "style", "title", "svg"):
            self.skip += 1 if not void else 0
        target = self.nav if in_nav else self.own
        target += [a[k] for k in ("title", "aria-label", "alt", "placeholder", "data-label") if a.get(k)]
        if not void:
            self.stack.append(in_nav)

    def handle_endtag(self, tag):
        if tag in ("script", "style", "title", "svg") and self.skip:
            self.skip -= 1
        if self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not self.skip and data.strip():
            (self.nav if self.stack and self.stack[-1] else self.own).append(data)


def _dutch_in(texts: list[str], forbidden: set[str]) -> set[str]:
    return {w for t in texts for w in _words(t)} & forbidden


@pytest.fixture(scope="module")
def english_site(tmp_path_factory):
    from site_build.build import build

    project = make_project(tmp_path_factory.mktemp("english") / "project", ENGLISH)
    shutil.copy2(EN, project / "macros" / "labels" / "en.yml")
    return project, build(project).site


def _pages(site: Path) -> dict[str, _Text]:
    out = {}
    for page in sorted(site.rglob("*.html")):
        parser = _Text()
        parser.feed(page.read_text(encoding="utf-8"))
        out[page.relative_to(site).as_posix()] = parser
    return out


@pytest.mark.build
def test_english_pages_carry_no_dutch_from_code_or_templates(english_site):
    _, site = english_site
    forbidden = forbidden_words()
    found = {}
    for rel, text in _pages(site).items():
        assert text.lang == "en", rel
        if rel.startswith(("trainers/", "404")) or rel.startswith("assets/"):
            continue
        dutch = _dutch_in(text.own, forbidden)
        if dutch:
            found[rel] = sorted(dutch)
    assert not found, f"Nederlandse woorden uit code of templates: {found}"


@pytest.mark.build
def test_english_search_follows_the_edition(english_site):
    _, site = english_site
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"lang":["en"]' in index.replace(" ", "")


@pytest.mark.build
def test_english_navigation_titles(english_site):
    """Sections, page titles (the kinds' labels and a meeting's 'bijeenkomst.titel'), header, tables of contents
    and footer, on every page."""
    project, site = english_site
    forbidden = forbidden_words() | {"vaardigheden", "onderzoek", "instrumenten", "bijeenkomst", "methode"}
    nav = "\n" + (project / "build" / "mkdocs" / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:\n")[1]
    for line in ("- Skills:", "  - Overview: vaardigheden/index.md", "  - 'Meeting 1.1: Start': plg/c1-m1.md",
                 "  - The research: onderzoek/index.md", "- Home: index.md"):
        assert f"\n{line}\n" in nav
    pages = _pages(site)
    found = {rel: sorted(_dutch_in(text.nav, forbidden)) for rel, text in pages.items()}
    assert not {rel: words for rel, words in found.items() if words}


@pytest.mark.build
def test_english_downloads_page(english_site):
    _, site = english_site
    assert not _dutch_in(_pages(site)["instrumenten/downloads.html"].own, forbidden_words())


@pytest.mark.build
def test_english_pdf_has_no_dutch_and_english_language_tag(english_site):
    _, site = english_site
    pdf = site / "downloads" / "interview-start.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    info = subprocess.run(["pdfinfo", "-meta", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert not _dutch_in([text], forbidden_words()) and ">en<" in info


# --- navigation and the preview's error page (site/sitemap.py, content/kinds.py, site/serve_errors.py) ------------

def _last_preview(tmp_path: Path, taal: str, broken: bool = False) -> Path:
    """A project whose last good preview was in ``taal``; with ``broken``, that language's catalogue is unreadable."""
    import json

    from site_build.site.render import SITE_CONFIG

    (tmp_path / "macros" / "assets").mkdir(parents=True)
    (tmp_path / "macros" / "assets" / "p2g.css").write_text("", encoding="utf-8")
    shutil.copytree(NL.parent, tmp_path / "macros" / "labels")
    shutil.copy2(EN, tmp_path / "macros" / "labels" / "en.yml")
    if broken:
        (tmp_path / "macros" / "labels" / f"{taal}.yml").write_text("nav: [\n", encoding="utf-8")
    last = tmp_path / "build" / "docs"
    (last / "vaardigheden").mkdir(parents=True)
    (last / "vaardigheden" / "a.md").write_text("", encoding="utf-8")
    (last.parent / SITE_CONFIG).write_text(json.dumps({"editie": {"taal": taal}}), encoding="utf-8")
    return last


@pytest.mark.parametrize("taal, heading, count, others", [
    ("nl", "De inhoud bevat fouten", "2 problemen gevonden.", "Andere pagina's (zelfde melding)"),
    ("en", "The content has errors", "2 problems found.", "Other pages (same message)")])
def test_error_page_speaks_the_language_of_the_last_preview(tmp_path, taal, heading, count, others):
    import json

    from site_build.site.builder_config import theme_values
    from site_build.site.render import SITE_CONFIG
    from site_build.site.serve_errors import write_error_docs

    docs = write_error_docs(tmp_path, _last_preview(tmp_path, taal), ["a.yml:1:1: x <y>", "b.yml:2:1: z"])
    page = (docs / "vaardigheden" / "a.md").read_text(encoding="utf-8")
    assert f"\n# {heading}\n" in page and f"<p>{count} " in page and "<code>a.yml:1:1: x &lt;y&gt;</code>" in page
    config = json.loads((docs.parent / SITE_CONFIG).read_text(encoding="utf-8"))
    assert config["nav"] == [{heading: "index.md"}, {others: [{"vaardigheden/a.md": "vaardigheden/a.md"}]}]
    values = theme_values(config)  # what the hook hands the theme: it needs the language and the footer's words
    assert values["language"] == taal and config["voet"] == load_labels(tmp_path, taal).section("voet")


def test_error_page_when_the_catalogue_itself_is_broken(tmp_path, monkeypatch):
    from site_build.core import labels
    from site_build.site.serve_errors import write_error_docs

    docs = write_error_docs(tmp_path, _last_preview(tmp_path, "en", broken=True), ["macros/labels/en.yml: kapot"])
    assert "\n# De inhoud bevat fouten\n" in (docs / "index.md").read_text(encoding="utf-8")  # the program's Dutch

    def unreadable(*args):
        raise labels.LabelError("kapot")

    monkeypatch.setattr(labels, "package_labels", unreadable)
    docs = write_error_docs(tmp_path / "b", _last_preview(tmp_path / "b", "nl", broken=True), ["x"])
    page = (docs / "index.md").read_text(encoding="utf-8")
    assert "<p>1 ⚠</p>" in page and "<code>x</code>" in page
