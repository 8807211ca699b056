"""The one Markdown policy on hand-written pages, and the one text rule where the theme makes HTML: every breach
is a Dutch problem at file:line; theme templates are autoescaped; titles reach the theme escaped; CSS strings
cannot be ended by any value."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import REPO
from site_build.content.validate import load_content
from site_build.core.problems import ContentError


def test_every_breach_in_a_prose_page_is_a_problem_with_its_line(minimal):
    pages = minimal / "content/paginas"
    pages.mkdir(parents=True)
    (pages / "extra.md").write_text(
        "---\ntitle: x\n---\n# Extra\n\n"
        "[js](javascript:alert(1))\n"                      # 6
        "![beeld](https://evil.example/x.png)\n"           # 7
        "Alinea\n{: onclick=\"alert(1)\" }\n"              # 8, 9
        "[weg](bestaat-niet.md) en [goed](https://example.org/) en `[code](javascript:x)`\n"  # 10
        "[ref]: data:text/html,x\n"                        # 11
        "![lokaal](plaatje.png)\n",                        # 12
        encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(minimal)
    lines = sorted(p.line for p in caught.value.problems)
    assert all(p.path == "content/paginas/extra.md" for p in caught.value.problems)
    assert lines == [1, 6, 7, 9, 11], [str(p) for p in caught.value.problems]
    # the broken link and the missing image are found once the rest is fixed (they need the site map)
    (pages / "extra.md").write_text("# Extra\n\n[weg](bestaat-niet.md)\n\n![lokaal](plaatje.png)\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(minimal)
    assert [str(p) for p in caught.value.problems] == [
        "content/paginas/extra.md:3:1: link 'bestaat-niet.md': de pagina 'bestaat-niet.md' bestaat niet op de site. "
        "Een link gaat uit van de map van de pagina waar de tekst staat ('./'); controleer de naam, of gebruik '../' "
        "voor een andere map",
        "content/paginas/extra.md:5:1: afbeelding 'plaatje.png' staat niet in content/paginas/; zet het bestand daar neer"]


def test_every_theme_template_is_autoescaped():
    templates = sorted((REPO / "theme").rglob("*.html"))
    assert templates
    for path in templates:
        text = path.read_text(encoding="utf-8")
        assert "{% autoescape true %}" in text and "{% endautoescape %}" in text, path


def test_plain_strings_never_reach_the_theme():
    from types import SimpleNamespace

    from site_build.core.safety import assert_theme_safe, theme_config

    data = theme_config({"site_name": "<b>", "copyright": "a & b", "nav": [{"T<i>": "x.md"}, {"S": [{"U'": "y.md"}]}]})
    assert data["site_name"] == "&lt;b&gt;" and list(data["nav"][0]) == ["T&lt;i&gt;"]
    assert list(data["nav"][1]["S"][0]) == ["U'"]
    assert_theme_safe(SimpleNamespace(**data))
    with pytest.raises(TypeError):
        assert_theme_safe(SimpleNamespace(site_name="<b>", copyright="", nav=[]))


@given(st.text())
def test_a_css_string_shows_any_value_and_cannot_be_ended(value):
    from site_build.core.safety import css_string

    literal = str(css_string(value))
    assert literal.startswith('"') and literal.endswith('"')
    inner = literal[1:-1]
    assert '"' not in inner and "\n" not in inner and "{" not in inner and "}" not in inner
    # every backslash starts a six-digit escape: nothing can escape the closing quote
    import re

    assert re.fullmatch(r"(?:[^\\]|\\[0-9a-f]{6})*", inner)
