"""Sources in hand-written pages: `{bron: ...}` at the end of a paragraph or list item is checked with file:line:col,
required in the folders that describe the method, and becomes the same marker as a YAML item's."""

from __future__ import annotations

import re

import pytest

from conftest import REPO
from site_build.content import bron, prose_bron
from site_build.content.markdown_policy import check_markdown
from site_build.content.pages import PROSE_CLAIMS, PROSE_DIR, is_claims_page, prose_pages
from site_build.content.validate import check_prose_pages, load_content
from site_build.core.labels import load_labels
from site_build.core.problems import ContentError


def _problems(text: str, claims: bool = True) -> list[tuple[int, int, str]]:
    return [(p.line, p.col, p.message) for p in prose_bron.check(text, "p.md", claims)]


def test_a_wrong_source_is_a_dutch_error_at_its_value():
    (line, col, message), = _problems("# Kop\n\nEen alinea\nover de methode. {bron: §2.4x}\n")
    assert (line, col) == (4, 25)  # where the value starts
    assert "bron '§2.4x' ken ik niet" in message and "toevoeging" in message


def test_a_paragraph_or_item_without_source_is_an_error_naming_its_lines():
    text = ("Eerste alinea. {bron: Samenvatting}\n\nTweede alinea,\nzonder bron.\n\n"
            "- een punt {bron: §2.4}\n- een punt zonder\n  bron\n")
    problems = _problems(text)
    assert [(line, col) for line, col, _ in problems] == [(3, 1), (7, 1)]
    assert "deze alinea (regel 3-4)" in problems[0][2] and "op regel 4" in problems[0][2]
    assert "dit punt (regel 7-8)" in problems[1][2] and "{bron: toevoeging}" in problems[1][2]
    assert _problems(text, claims=False) == []  # outside the claims folders a source is optional


@pytest.mark.parametrize("text,col,words", [
    ("Midden {bron: §2.4} in de tekst.\n", 8, "hoort aan het eind"),
    ("# Kop {bron: §2.4}\n", 7, "een kop krijgt geen bron"),
    ("Alinea. {Bron: §2.4}\n", 9, "schrijf de bron precies zo"),
    ("Alinea. {bron §2.4}\n", 9, "schrijf de bron precies zo"),
    ("Alinea. {bron: toevoeging, waarom: x}\n", 16, "', reden: ...'"),
])
def test_a_misplaced_or_misspelt_tag_is_explained(text, col, words):
    problems = _problems(text, claims=False)
    assert problems and problems[0][1] == col and words in problems[0][2], problems


def test_code_tables_and_admonitions():
    text = ("Uitleg met `{bron: fout}` in code. {bron: toevoeging}\n\n```markdown\nVoorbeeld {bron: nee}\n```\n\n"
            "| a | b |\n| - | - |\n| c | d |\n\n    ingesprongen code\n\n"
            "!!! note \"Let op\"\n    Tekst in een kader. {bron: §3.1.5}\n\n"
            "1. Punt {bron: §2.4}\n\n    Tweede alinea in het punt. {bron: uitwerking van §2.4}\n")
    assert _problems(text) == []
    kinds = [(b.kind, b.first) for b in prose_bron.blocks(text)]
    assert kinds == [("alinea", 1), ("alinea", 14), ("punt", 16), ("alinea", 18)]


def test_the_tag_becomes_the_marker_of_a_yaml_item():
    woorden = load_labels(REPO, "nl").section("bron")

    def mark(source, reden):
        return bron.marker(source, "https://rapport.example/", "../onderzoek/bronnen.html", woorden, reden)

    text = "Alinea\nover iets. {bron: §2.4}\n\n- punt {bron: toevoeging, reden: Een tip.}\n- `{bron: §1}` blijft staan\n"
    out = prose_bron.render(text, mark)
    assert "over iets. " + mark("§2.4", None) in out
    assert mark("toevoeging", "Een tip.") in out and "Waarom toegevoegd: Een tip." in out
    assert "`{bron: §1}` blijft staan" in out and "{bron: §2.4}" not in out


def test_claims_folders_are_declared_once_and_checked_in_validation(minimal):
    assert PROSE_CLAIMS == ("methode", "plg")
    assert is_claims_page("methode/index.md") and is_claims_page("plg/privacy.md")
    assert not is_claims_page("trainers/zelf-aanpassen.md")
    base = minimal / PROSE_DIR
    (base / "methode").mkdir(parents=True)
    (base / "trainers").mkdir()
    (base / "methode" / "extra.md").write_text("# Extra\n\nZonder bron.\n\nMet bron. {bron: §9}\n", encoding="utf-8")
    (base / "trainers" / "hulp.md").write_text("# Hulp\n\nZonder bron mag hier.\n\nFout: {bron: hoofdstuk 2}\n",
                                               encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(minimal)
    found = sorted((p.path, p.line, p.col) for p in caught.value.problems)
    assert found == [("content/paginas/methode/extra.md", 3, 1), ("content/paginas/trainers/hulp.md", 5, 14)]
    # the attribute-list rule of the Markdown policy leaves the tag to this check (one message, not two)
    assert not any("kenmerkenlijst" in p.message for p in caught.value.problems)


def test_a_tag_in_a_yaml_text_is_refused():
    (problem,) = check_markdown("Een tekst. {bron: §2.4}", "content/x.yml", 7, prose_page=False)
    assert (problem.line, problem.col) == (7, 12) and "in het veld 'bron'" in problem.message


def test_the_real_claims_pages_have_a_source_everywhere_and_no_bron_lines():
    assert check_prose_pages(REPO) == []
    claims = [page for page in prose_pages(REPO) if is_claims_page(page)]
    assert {"methode/index.md", "plg/privacy.md"} <= set(claims)
    for page in claims:
        text = (REPO / PROSE_DIR / page).read_text(encoding="utf-8")
        assert not re.search(r"(?m)^\W*Bron:", text), f"{page}: nog een losse 'Bron:'-regel"
        tags = [m.group(1) for m in prose_bron.TAG.finditer(text)]
        assert len(tags) >= 10, page
