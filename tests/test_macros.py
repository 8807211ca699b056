"""Templates and text helpers alone, against small data: escaping, the Markdown subset, provenance."""

from __future__ import annotations

from conftest import REPO
from site_build.content import models as m
from site_build.core.labels import load_labels
from site_build.templating.environment import environment
from site_build.templating.text import prose, relative_url

BRON = load_labels(REPO, "nl").section("bron")


def render_macro(name: str, *args, **context):
    env = environment(REPO)
    template = env.from_string('{% import "components.j2" as k with context %}{{ k.' + name + '(*args) }}')
    editie = m.Editie.model_construct(rapport_url="https://rapport.example/")
    defaults = dict(url=lambda p: relative_url("x/y.md", p), skill_page=lambda i: f"vaardigheden/{i}.md", editie=editie)
    defaults.update(context)
    return template.render(args=args, **defaults)


def test_bron_macro_marks_additions():
    assert render_macro("bron", "§2.3.1") == (
        '<p class="p2g-bron"><span class="p2g-bron__label">Bron:</span> rapport §2.3.1</p>')
    assert render_macro("bron", "toevoeging") == (
        '<p class="p2g-bron p2g-bron--toevoeging"><span class="p2g-bron__label">Bron:</span> '
        'toevoeging van deze site (geen onderzoeksresultaat)</p>')


def test_bron_labels():
    from site_build.content import bron

    assert bron.label("§3.1.4; Bijlage 2; P2G-materialen", BRON) == (
        "rapport §3.1.4 · rapport, bijlage 2 · oorspronkelijke P2G-materialen (Erasmus+)")


def test_question_macro_escapes_yaml_text():
    q = m.Vraag(id="v", tekst="Wat <script>alert(1)</script> zie je?",
                doorvragen=[m.Bewering(tekst="<img src=x onerror=alert(1)>", bron="toevoeging")],
                optioneel=True, wie="meekijkers", antwoord=m.Antwoord(vorm="lijnen", regels=3), bron="§2.3.2")
    html = render_macro("vraag", q, 1)
    assert "<script>" not in html and "<img" not in html
    assert "Wat &lt;script&gt;alert(1)&lt;/script&gt; zie je?" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert '<span class="p2g-label">naar keuze</span>' in html
    assert '<span class="p2g-label p2g-label--wie">meekijkers</span>' in html
    # the question carries its own quiet marker; form layout ('3 regels ruimte') stays off the reader's page
    assert '<a class="p2g-m p2g-m--rapport" href="https://rapport.example/"' in html and ">§2.3.2<" in html
    assert "regels ruimte" not in html
    assert 'p2g-m--toevoeging' in html  # the follow-up tip is an addition, with its own marker


def test_example_macro():
    v = m.Voorbeeld(situatie="Thomas hangt een bal in de boom.", woorden=["Ik hang er ook een."],
                    doen="Je hangt een bal vlak bij de zijne.", bron="Samenvatting")
    html = render_macro("voorbeeld", v)
    assert "<q>Ik hang er ook een.</q>" in html
    assert "<strong>Wat je doet:</strong> Je hangt een bal vlak bij de zijne." in html
    assert "rapport, samenvatting" in html and 'data-bron="Samenvatting"' in html


def test_marker_for_each_kind_of_source():
    from site_build.content import bron
    cases = {"§3.1.1": ("rapport", "§3.1.1"), "Tabel 2; §2.4": ("rapport", "tabel 2 · §2.4"),
             "toevoeging": ("toevoeging", "toevoeging"), "uitwerking van §2.3.2": ("uitwerking", "uitwerking §2.3.2"),
             "P2G-materialen": ("p2g", "P2G"),
             # partly report, partly added: never shown as plain research
             "§3.2.1; toevoeging": ("uitwerking", "§3.2.1 · toevoeging")}
    for b, (soort, kort) in cases.items():
        html = str(bron.marker(b, "https://rapport.example/", "../onderzoek/bronnen.html", BRON))
        assert f'p2g-m--{soort}"' in html and f">{kort}<" in html, html
        assert ("https://rapport.example/" in html) == (soort == "rapport"), html
        assert ("bronnen.html#" + soort in html) == (soort != "rapport"), html
    assert "geen onderzoeksresultaat" in bron.label("uitwerking van §2.3.2", BRON)


def test_prose_subset_escapes_html_and_drops_bad_links():
    html = str(prose("Een **vet** woord <b>niet vet</b> en [klik](javascript:alert(1)) en [pagina](../x/y.md#a)\n\n"
                     "- een\n- twee\n\n![plaatje](http://voorbeeld.nl/a.png)"))
    assert "<strong>vet</strong>" in html
    assert "&lt;b&gt;niet vet&lt;/b&gt;" in html
    assert "javascript" not in html and "<a>klik</a>" in html
    assert '<a href="../x/y.html#a">pagina</a>' in html
    assert "<ul>" in html and "<li>een</li>" in html
    assert "<img" not in html
    assert "\n\n" not in html  # raw HTML blocks in Markdown must not contain blank lines


def test_relative_urls():
    assert relative_url("vaardigheden/spiegelen.md", "instrumenten/x.md") == "../instrumenten/x.html"
    assert relative_url("index.md", "plg/c1-b1.md#onderdelen") == "plg/c1-b1.html#onderdelen"
    assert relative_url("plg/c1-b1.md", "plg/c1-b2.md") == "c1-b2.html"


def test_undefined_variable_fails_loudly():
    import jinja2
    import pytest

    env = environment(REPO)
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ bestaat_niet }}").render()


def test_autoescape_on_for_markdown_templates():
    env = environment(REPO)
    assert env.from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"
    assert env.get_template("site/vaardigheden.md.j2").environment.autoescape("site/vaardigheden.md.j2")


def test_prose_is_safe_from_two_threads_at_once():
    """Pages and print HTML are rendered in two threads at once: each text must come out as it does alone."""
    from concurrent.futures import ThreadPoolExecutor

    from site_build.templating.text import prose

    texts = [f"Alinea {i} met **vet** en *schuin*.\n\n- punt {i}a\n- punt {i}b\n\nSlot {i} " + "woord " * (i % 40)
             for i in range(400)]
    alone = [str(prose(t)) for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        for _ in range(5):
            together = list(pool.map(lambda t: str(prose(t)), texts))
            assert together == alone
