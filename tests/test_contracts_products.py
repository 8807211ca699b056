"""Contracts of the print products (printing/products.py): every declared product has its template, a label and
a group, and shows on the Downloads page; every PDF a build publishes is declared; fillable fields sit in an
explicitly marked wrapper."""

from __future__ import annotations

import re
import typing
from types import SimpleNamespace

import pytest

from conftest import REPO
from site_build.content import practice
from site_build.core.labels import load_labels
from site_build.core.target import PUBLIC, TRAINER
from site_build.printing.products import BY_KIND, PRODUCTS, planned, products


@pytest.fixture(scope="module")
def content():
    from site_build.content.validate import load_content

    return load_content(REPO)


def test_products_are_declared_once_with_kind_label_and_group():
    kinds = [p.kind for p in PRODUCTS]
    assert len(kinds) == len(set(kinds)), "elke soort drukwerk staat één keer in de tabel"
    labels = load_labels(REPO, "nl")
    for p in PRODUCTS:
        assert p.label(labels) and labels.drukwerk.titels[p.kind], p.kind
        assert labels.drukwerk.groepen[p.group.id].kop and labels.drukwerk.groepen[p.group.id].bijschrift, p.kind
        assert p.subject or labels.drukwerk.onderwerpen.get(p.kind) or not p.merged, p.kind
        assert p.name.endswith(".pdf") or p.name == "{bijlage.name}", p.kind


def test_the_print_a_pack_can_carry_is_a_product():
    """A meeting's extra print ('bijlagen' in plg.yml) is shown with its product's title, so it must be one."""
    assert set(typing.get_args(practice.Bijlage)) <= set(BY_KIND)
    assert all(not BY_KIND[kind].merged and BY_KIND[kind].name == f"{kind}.pdf" for kind in typing.get_args(practice.Bijlage))


def test_every_product_has_an_existing_template(content):
    for p in PRODUCTS:
        items = p.items(content)
        assert items or p.kind == "planning", f"{p.kind}: de echte inhoud geeft geen enkele PDF"
        for item in items:
            assert (REPO / "macros" / item.template).is_file(), f"{item.name}: {item.template} bestaat niet"
            assert item.name.endswith(".pdf") and item.title, item.name


def test_file_names_are_unique(content):
    names = [d.name for d in planned(content, TRAINER)]
    assert len(names) == len(set(names))
    assert {d.kind for d in planned(content, TRAINER)} >= {p.kind for p in PRODUCTS}


def test_the_trainer_edition_adds_only_trainer_products(content):
    public = {d.name for d in planned(content)}
    trainer = planned(content, TRAINER)
    extra = {d.kind for d in trainer if d.name not in public}
    assert extra == {p.kind for p in products(TRAINER) if p.trainer}


def test_the_cards_title_counts_skills_and_donts_from_the_content():
    fake = SimpleNamespace(vaardigheden=[1, 2, 3], donts=[SimpleNamespace(kern=True)] * 2 + [SimpleNamespace(kern=False)])
    (item,) = BY_KIND["zakkaarten"].items(fake, load_labels(REPO, "nl"))
    assert item.title == "Zakkaarten: drie vaardigheden en twee don'ts"


@pytest.mark.parametrize("target", [PUBLIC, TRAINER], ids=["publiek", "trainer"])
def test_every_download_is_on_the_downloads_page_with_its_label(content, target):
    from site_build.site.render import SiteRenderer

    downloads = planned(content, target)
    page = SiteRenderer(content, target, downloads=downloads).pages()["instrumenten/downloads.md"]
    for d in downloads:
        row = re.search(rf'<tr><th scope="row"><a href="[^"]*/{re.escape(d.name)}">(.*?)</tr>', page, re.S)
        assert row, f"{d.name} staat niet op de downloadpagina"
        assert f">{d.label}</td>" in row.group(1), d.name
    groups = load_labels(REPO, "nl").drukwerk.groepen
    for group in {d.group for d in downloads}:
        assert f"## {groups[group.id].kop} {{#{group.id}}}" in page


def test_print_templates_mark_every_field_and_use_no_main_for_it():
    """A form field is found by its marked wrapper (printing/fields.py), never by an element HTML gives another
    meaning."""
    for path in (REPO / "macros" / "print").glob("*.j2"):
        text = path.read_text(encoding="utf-8")
        assert "<main" not in text, path.name
        for match in re.finditer(r"<(input|textarea)\b", text):
            assert text[:match.start()].endswith("<div data-p2g-veld>"), f"{path.name}: veld zonder omhulsel"


@pytest.mark.build
def test_every_built_pdf_is_declared_and_listed(real_site):
    project, site, content = real_site
    declared = {d.name: d for d in planned(content)}
    built = {p.name for p in (site / "downloads").glob("*.pdf")}
    assert built == set(declared), (built ^ set(declared))
    listing = (site / "instrumenten" / "downloads.html").read_text(encoding="utf-8")
    for name, d in declared.items():
        assert f'href="../downloads/{name}"' in listing, name
        assert d.label in listing, name


PAGE = ('<html lang="nl"><head><title>x</title></head><body><main><p>Een landmark, geen veld.</p></main>'
        '{field}</body></html>')


@pytest.mark.build
def test_a_field_needs_its_marked_wrapper_and_main_means_nothing(minimal):
    from pypdf import PdfReader

    from site_build.content.validate import load_content
    from site_build.printing.engine import PdfJob, PrintError
    from site_build.printing.render import PrintRenderer

    renderer = PrintRenderer(load_content(minimal))
    marked = PAGE.format(field='<div data-p2g-veld><input type="text" name="a" title="A"></div>')
    rendered = renderer.render(PdfJob("x.pdf", marked, "x", fillable=True))
    import io

    assert set(PdfReader(io.BytesIO(rendered.files["x-invulbaar.pdf"])).get_fields()) == {"a"}
    bare = PAGE.format(field='<main><input type="text" name="a" title="A"></main>')
    with pytest.raises(PrintError, match="data-p2g-veld"):
        renderer.render(PdfJob("y.pdf", bare, "y", fillable=True))
    renderer.close()
