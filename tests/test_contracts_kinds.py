"""Contracts of the kinds table (content/kinds.py): every declared kind has its model, schema file, template(s),
page(s), scaffold and CLI choice; a kind declared without one of them fails here with a message that says which.
And what the table promises: a kind shows up on Content without a line there, and every reference field is checked."""

from __future__ import annotations

import dataclasses
import typing

import pytest
import yaml
from pydantic import BaseModel

from conftest import MINIMAL, REPO
from site_build.content import kinds as k
from site_build.content import models as m
from site_build.content.ids import Ref, Unique
from site_build.content.kinds import KINDS, Kind, Page, PageItem
from site_build.content.load import Loaded
from site_build.content.references import check_markers
from site_build.content.schema import SCHEMA_DIR, schema_texts
from site_build.core.labels import keys
from site_build.site.sitemap import SECTIONS

# Kinds that make no page of their own, and why; a new kind without a page must say so here.
NO_PAGE = {
    "termen": "the glossary is a check on every page's words, not a page",
    "vakanties": "a holidays file for `p2g plan`, not content of the site",
}
# Folder kinds whose items share one page instead of a page each, and why.
ONE_PAGE_FOR_ALL = {
    "donts": "the don'ts are short: one page lists them all",
    "contexten": "the contexts are read side by side on one page",
}
SITE_SECTIONS = {key for key, _ in SECTIONS} | {""}


def declaration_problems(kinds: tuple[Kind, ...], root=REPO) -> list[str]:
    """What is missing for each declared kind, one clear sentence each."""
    problems = []
    schema_files = schema_texts()
    labels = keys(yaml.safe_load((root / "macros" / "labels" / "nl.yml").read_text(encoding="utf-8")))
    from site_build.authoring.scaffold import KINDS as SCAFFOLD

    for kind in kinds:
        where = f"kind '{kind.name}' (content/kinds.py)"
        if not (isinstance(kind.model, type) and issubclass(kind.model, m.Model)):
            problems.append(f"{where}: its model {kind.model!r} is no content model (site_build.content.models)")
        if f"{kind.schema}.schema.json" not in schema_files:
            problems.append(f"{where}: no schema '{kind.schema}.schema.json' is generated")
        elif not (root / SCHEMA_DIR / f"{kind.schema}.schema.json").is_file():
            problems.append(f"{where}: {SCHEMA_DIR}/{kind.schema}.schema.json is missing: run 'p2g schema'")
        if not kind.pages and kind.name not in NO_PAGE:
            problems.append(f"{where}: declares no page; give it a Page, or say in NO_PAGE why it has none")
        for page in kind.pages:
            for template in page.templates:
                if not (root / "macros" / template).is_file():
                    problems.append(f"{where}: page '{page.path}' needs the template macros/{template}, "
                                    "which does not exist")
            if page.section not in SITE_SECTIONS:
                problems.append(f"{where}: page '{page.path}' is in section '{page.section}', which the "
                                "navigation (site/sitemap.py SECTIONS) does not have")
            if isinstance(page.title, str) and page.each is None and page.title not in labels:
                problems.append(f"{where}: page '{page.path}' has the title '{page.title}', which is no label in "
                                "macros/labels/nl.yml (a title is the key of its words there)")
            if ("{id}" in page.path) != (page.each is not None):
                problems.append(f"{where}: page '{page.path}' has '{{id}}' in its path exactly when it has 'each'")
        if kind.many:
            if not any(page.each for page in kind.pages) and kind.name not in ONE_PAGE_FOR_ALL:
                problems.append(f"{where}: a folder kind needs a page per item (a Page with 'each')")
            if not kind.scaffold:
                problems.append(f"{where}: a folder kind needs a name for `p2g new` (scaffold)")
            for name in kind.scaffold:
                if SCAFFOLD.get(name, (None,))[0] != kind.folder:
                    problems.append(f"{where}: `p2g new {name}` does not write into {kind.folder}/")
        if not (kind.folder or kind.file or kind.where):
            problems.append(f"{where}: says neither its folder, its file nor where it is used")
    return problems


def test_every_declared_kind_has_model_schema_template_page_and_scaffold():
    assert declaration_problems(KINDS) == []


def test_a_kind_declared_without_its_template_fails_clearly():
    video = Kind("proeven", m.Vaardigheid, "vaardigheid", folder="content/proeven", scaffold=("proef",),
                 pages=(Page("proeven/{id}.md", "site/proef-zonder-sjabloon.md.j2", "trainers",
                             each=k.each_item("proeven", "proef", "naam")),))
    problems = declaration_problems((video,))
    assert declaration_problems((dataclasses.replace(video, pages=(Page("proeven/index.md", "site/donts.md.j2",
                                                                         "trainers", "Proeven"),)),))[0] == (
        "kind 'proeven' (content/kinds.py): page 'proeven/index.md' has the title 'Proeven', which is no label in "
        "macros/labels/nl.yml (a title is the key of its words there)")
    assert ("kind 'proeven' (content/kinds.py): page 'proeven/{id}.md' needs the template "
            "macros/site/proef-zonder-sjabloon.md.j2, which does not exist") in problems
    assert any("`p2g new proef` does not write into content/proeven/" in p for p in problems)


def test_every_scaffold_name_is_a_choice_of_p2g_new(capsys):
    from site_build.cli import main

    with pytest.raises(SystemExit):
        main(["new", "--help"])
    help_text = capsys.readouterr().out
    for name in k.scaffold_kinds():
        assert name in help_text
    assert set(k.scaffold_kinds()) == {n for kind in KINDS for n in kind.scaffold}


@pytest.mark.parametrize("name", [n for n, kind in k.scaffold_kinds().items() if kind.many])
def test_scaffold_of_every_folder_kind_writes_a_file_its_model_reads(minimal, name):
    from site_build.authoring.scaffold import new_file

    path = new_file(minimal, name, "nieuw-ding", "Nieuw ding")  # in a project: references point at its items
    kind = k.scaffold_kinds()[name]
    assert path == minimal / kind.folder / "nieuw-ding.yml"
    assert kind.model.model_validate(yaml.safe_load(path.read_text(encoding="utf-8"))).id == "nieuw-ding"


def test_pages_and_nav_follow_the_table(minimal):
    from site_build.content.pages import generated_pages, made_pages
    from site_build.content.validate import load_content

    content = load_content(minimal)  # with the project's catalogue: page titles are labels
    made = list(made_pages(content))
    assert len({p.path for p in made}) == len(made), "two kinds declare the same page"
    for p in made:
        assert p.template in p.page.templates, f"{p.path}: template {p.template} is not declared on its Page"
    sections = generated_pages(content)
    assert sections["methode"][0][0] == "methode/morgen-beginnen.md"  # 'first' opens the section
    assert [path for path, _ in sections[""]] == ["index.md", "contact.md"]


def test_every_navigation_section_is_a_label():
    labels = keys(yaml.safe_load((REPO / "macros" / "labels" / "nl.yml").read_text(encoding="utf-8")))
    assert [label for _, label in SECTIONS if label not in labels] == []


# --- Content: a declared kind shows up without a line in Content -----------------------------------------------

def test_a_new_kind_is_an_attribute_and_a_lookup_of_content(monkeypatch):
    from site_build.content.collection import Content

    video = Kind("videofragmenten", m.Vaardigheid, "videofragment", folder="content/videofragmenten")
    monkeypatch.setitem(k.BY_NAME, video.name, video)
    monkeypatch.setitem(k.BY_ITEM, video.schema, video)
    item = type("Fragment", (), {"id": "kijken"})()
    content = Content(REPO, {"videofragmenten": [item]})
    assert content.videofragmenten == [item]
    assert content.videofragment("kijken") is item
    with pytest.raises(AttributeError):
        assert content.bestaat_niet is None  # never reached: the attribute does not exist
    with pytest.raises(ValueError):
        Content(REPO, {"niet-gedeclareerd": 1})


def test_content_has_every_kind_of_the_table():
    from site_build.content.validate import load_content

    content = load_content(MINIMAL)
    for kind in KINDS:
        if kind.folder or kind.file:
            getattr(content, kind.name)  # a missing attribute raises
    first = content.vaardigheden[0]
    assert content.vaardigheid(first.id) is first


# --- references: a marker on the field is all a new reference needs --------------------------------------------

class _Ding(m.Model):
    id: typing.Annotated[m.Id, Unique()]
    vaardigheden: list[m.SkillId] = []
    namen: list[typing.Annotated[m.Tekst, Unique("naam", fold=True)]] = []


def _loaded(rel: str, data: dict) -> Loaded:
    positions = {("vaardigheden", i): (3 + i, 5) for i in range(len(data.get("vaardigheden", [])))}
    positions.update({("namen", i): (10 + i, 5) for i in range(len(data.get("namen", [])))})
    positions[("id",)] = (1, 5)
    return Loaded(path=REPO / rel, rel=rel, data=data, positions=positions)


def test_generic_checker_finds_unknown_references_and_duplicates():
    kind = Kind("dingen", _Ding, "ding", folder="content/dingen")
    a = {"id": "a", "vaardigheden": ["spiegelen", "spiegel"], "namen": ["Fijn", "fijn"]}
    b = {"id": "a"}
    docs = [(kind, _Ding.model_validate(d), _loaded(f"content/dingen/{n}.yml", d)) for n, d in (("a", a), ("b", b))]
    problems = [str(p) for p in check_markers(docs, {"vaardigheid": {"spiegelen", "verwoorden"}})]
    assert ("content/dingen/a.yml:4:5: vaardigheid 'spiegel' bestaat niet; bedoel je 'spiegelen'? "
            "Kies uit: 'spiegelen', 'verwoorden'. Vaardigheden staan in content/vaardigheden/.") in problems
    assert ("content/dingen/a.yml:11:5: naam 'fijn' komt twee keer voor (eerst in content/dingen/a.yml:10); "
            "het moet uniek zijn. Kies een andere naam of voeg de twee samen") in problems
    assert any(p.startswith("content/dingen/b.yml:1:5: id 'a' komt twee keer voor (eerst in content/dingen/a.yml:1)")
               for p in problems)
    assert len(problems) == 3


ID_PATTERN = typing.get_args(m.Id)[1].pattern


def _id_fields(model: type[BaseModel], seen: set) -> typing.Iterator[tuple[str, list]]:
    """Every field holding ids (Id, list of Id, optional Id) with its markers."""
    if model in seen:
        return
    seen.add(model)
    for name, info in model.model_fields.items():
        stack, meta = [info.annotation], list(info.metadata)
        while stack:
            a = stack.pop()
            if typing.get_origin(a) is typing.Annotated:
                meta += list(typing.get_args(a)[1:])
            if a is str and any(getattr(x, "pattern", None) == ID_PATTERN for x in meta):
                yield f"{model.__name__}.{name}", meta
                break
            if isinstance(a, type) and issubclass(a, BaseModel):
                yield from _id_fields(a, seen)
            stack.extend(typing.get_args(a))


# Id fields with no marker, and why: a new id field must carry Ref or Unique, or be named here.
UNMARKED_IDS = {
    "Ingang.id": "an anchor name on the start page",
    "Variant.id": "a name within its cycle",
    "Dimensie.id": "a name within the questionnaire",
    "Onderdeel.id": "an anchor on the 'Morgen beginnen' page",
    "WatAls.id": "an anchor on the 'Morgen beginnen' page",
    "MorgenBeginnen.organisatie": "tips of content/organisatie.yml: practice.check_morgen",
    "Printen.instrument": "an instrument of the same meeting: practice.check_meetings",
}


def test_every_id_field_is_a_reference_unique_or_named_free():
    seen: set = set()
    found = {name: meta for kind in KINDS for name, meta in _id_fields(kind.model, seen)}
    unmarked = {name for name, meta in found.items() if not any(isinstance(x, (Ref, Unique)) for x in meta)}
    assert unmarked == set(UNMARKED_IDS)
    for name, meta in found.items():
        for ref in (x for x in meta if isinstance(x, Ref)):
            assert ref.kind in k.BY_ITEM, f"{name} refers to '{ref.kind}', which is no folder kind"


def test_page_items_carry_declared_templates_only():
    page = dataclasses.replace(k.kind("plg").pages[1])
    assert page.templates == ("site/cyclus.md.j2", "site/bijeenkomst.md.j2")
    assert PageItem("x", "X", {}).template is None


@pytest.mark.parametrize("name", [n for n, kind in k.scaffold_kinds().items() if kind.many])
def test_scaffold_in_a_project_passes_the_whole_validation(minimal, name):
    """References too: a new file points at items that exist, so `p2g validate` accepts it as written."""
    from site_build.authoring.scaffold import new_file
    from site_build.content.validate import load_content

    new_file(minimal, name, "nieuw-ding", "Nieuw ding")
    kind = k.scaffold_kinds()[name]
    assert "nieuw-ding" in [item.id for item in getattr(load_content(minimal), kind.name)]
