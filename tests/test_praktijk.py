"""Doing the work (issue 15): the 'Morgen beginnen' page and card, every meeting runnable from its page and its
pack, and the checks that keep them whole. Units and contracts here; the built site and the browser in
test_taken.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_build.content import pages
from site_build.content import practice as praktijk
from site_build.content.validate import load_content
from site_build.core.labels import load_labels
from site_build.core.problems import ContentError
from site_build.core.target import TRAINER
from site_build.printing.products import planned
from site_build.site import sitemap
from site_build.site.render import SiteRenderer
from site_build.site.tables import finish, label_cells

REPO = Path(__file__).resolve().parent.parent
WORDS = load_labels(REPO, "nl")


def _errors(project: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(project)
    return [str(p) for p in caught.value.problems]


def _edit(project: Path, rel: str, old: str, new: str) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} staat niet in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# --- meetings -----------------------------------------------------------------------------------------

def test_every_meeting_can_be_run_from_its_data(content):
    for _, b in content.bijeenkomsten():
        u = b.uitvoering
        assert u is not None, f"bijeenkomst {b.id} heeft geen uitvoering (doelen, agenda, printen)"
        assert u.doelen and u.agenda, b.id
        # the agenda's times follow from the minutes: consecutive, from 0:00 to the sum
        times = praktijk.agenda_tijden(u.agenda)
        assert times[0][0] == "0:00"
        for (_, end, _), (start, _, _) in zip(times, times[1:], strict=False):
            assert end == start
        total = sum(p.minuten for p in u.agenda)
        assert times[-1][1] == f"{total // 60}:{total % 60:02d}"
        assert praktijk.duur(u.agenda, WORDS.section("tijd")).replace(" en ", " ").split()[0].isdigit()
        # what is printed is exactly what the meeting uses
        assert [p.instrument for p in u.printen] == [i for i in b.instrumenten if i in {p.instrument for p in u.printen}]
        assert {p.instrument for p in u.printen} == set(b.instrumenten)


def test_meeting_pages_show_the_runbook_and_keep_facilitator_notes_out(content):
    public = SiteRenderer(content, downloads=planned(content)).pages()
    trainer = SiteRenderer(content, TRAINER, downloads=planned(content, TRAINER)).pages()
    for _, b in content.bijeenkomsten():
        page = public[pages.meeting_page(b.id)]
        for anchor in ("doelen", "agenda", "voorbereiden", "werkt-aan"):
            assert f"{{#{anchor}}}" in page, (b.id, anchor)
        for start, end, punt in praktijk.agenda_tijden(b.uitvoering.agenda):
            assert f"{start}–{end}</td>\n<td>{punt.wat}" in page.replace("&#39;", "'"), (b.id, punt.wat)
        for p in b.uitvoering.printen:
            assert f"{p.aantal} {WORDS.text('per.' + p.per)}" in page
        notes = [x.tekst for veld in ("let_op", "expert_modelt", "opbrengsten") for x in getattr(b.trainer, veld)] if b.trainer else []
        for note in notes:
            words = " ".join(note.split()[:6])
            assert words not in page, f"{b.id}: begeleidersnotitie op de openbare pagina: {words}"
        if notes:
            assert "{#trainer}" in trainer[pages.meeting_page(b.id)]


def test_missing_print_line_is_a_dutch_error(minimal):
    _edit(minimal, "content/plg.yml", "            - {instrument: interview-slot, per: tweetal, bron: \"toevoeging\"}\n", "")
    errors = _errors(minimal)
    assert len(errors) == 1
    assert errors[0].startswith("content/plg.yml:")
    assert "bij bijeenkomst 'c1-b2' staat niet hoeveel je van 'interview-slot' print" in errors[0]
    assert "'- instrument: interview-slot'" in errors[0]


def test_print_line_for_an_instrument_the_meeting_does_not_use(minimal):
    _edit(minimal, "content/plg.yml", "instrumenten: [interview-start, interview-slot]", "instrumenten: [interview-start]")
    errors = _errors(minimal)
    assert any("'interview-slot' staat in 'printen' maar niet in 'instrumenten' van bijeenkomst 'c1-b2'" in e
               for e in errors), errors


def test_unknown_page_in_verdieping(minimal):
    _edit(minimal, "content/plg.yml", 'pagina: "vaardigheden/spiegelen.md"', 'pagina: "vaardigheden/spiegel.md"')
    errors = _errors(minimal)
    assert len(errors) == 1 and "pagina 'vaardigheden/spiegel.md' bestaat niet" in errors[0], errors
    assert errors[0].startswith("content/plg.yml:")


def test_unknown_organisation_tip_on_the_morgen_page(minimal):
    path = minimal / "content/morgen-beginnen.yml"
    path.write_text(path.read_text(encoding="utf-8") + "organisatie:\n  - tijmer\n", encoding="utf-8")
    errors = _errors(minimal)
    assert len(errors) == 1 and errors[0].startswith("content/morgen-beginnen.yml:")
    assert "tip 'tijmer' bestaat niet" in errors[0] and "content/organisatie.yml" in errors[0]


def test_markdown_emphasis_in_a_plain_text_field_is_refused(minimal):
    _edit(minimal, "content/morgen-beginnen.yml", "kort: Dwing niets.", "kort: Dwing *niets*.")
    errors = _errors(minimal)
    assert len(errors) == 1, errors
    assert errors[0].startswith("content/morgen-beginnen.yml:")
    assert "'kort' is gewone tekst, zonder opmaak: '*niets*'" in errors[0] and "‘niets’" in errors[0]


# --- Morgen beginnen -----------------------------------------------------------------------------------

def test_morgen_beginnen_is_the_teachers_first_link(content):
    leerkracht = next(i for i in content.start.ingangen if i.id == "leerkracht")
    assert leerkracht.links[0].pagina == pages.MORGEN
    # groep 1-2 teachers reach the practical set-up too: from the start page and from the Morgen page
    assert any(link.pagina == "contexten/organisatie.md" for link in leerkracht.links)
    assert content.morgen.organisatie


def test_morgen_page_shows_every_point_with_its_own_source(content):
    page = SiteRenderer(content, downloads=planned(content)).pages()[pages.MORGEN]
    m = content.morgen
    for o in m.onderdelen:
        assert f"{{#{o.id}}}" in page
        for p in o.punten:
            assert f'data-bron="{p.bron}"' in page
    for w in [m.zonder_plg, *m.wat_als]:
        assert f"{{#{w.id}}}" in page and f'data-bron="{w.bron}"' in page
    for tip in m.organisatie:
        assert f"{{#tip-{tip}}}" in page
    # the five skills and the don'ts come from their own files, not copied
    for v in content.vaardigheden:
        assert v.naam in page


def test_sections_open_on_their_index(content):
    """A tab opens the first page of its section: the overview, never a page like privacy."""
    for entry in sitemap.nav(content):
        (title, value), = entry.items()
        if isinstance(value, list):
            paths = [next(iter(e.values())) for e in value]
            indexes = [p for p in paths if p.endswith("/index.md")]
            if indexes:
                assert paths[0] == indexes[0], f"{title}: eerst {paths[0]}, niet {indexes[0]}"


# --- tables on a phone -------------------------------------------------------------------------------------

def test_every_wide_table_labels_its_cells(content):
    import re

    checked = 0
    for path, text in SiteRenderer(content, downloads=planned(content)).pages().items():
        for table in re.findall(r'<table class="p2g-tabel[^"]*">.*?</table>', text, re.S):
            heads = re.findall(r'<th scope="col"[^>]*>(.*?)</th>', table)
            body = table.split("</thead>", 1)[1]
            if len(heads) < 3:
                assert "p2g-tabel--stapel" not in table
                continue
            assert "p2g-tabel--stapel" in table, path
            for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
                cells = re.findall(r"<(td|th)([^>]*)>", row)
                for (tag, attrs), head in zip(cells, heads, strict=False):
                    if tag == "td":
                        checked += 1
                        assert f'data-label="{head}"' in attrs.replace("&#x27;", "'"), (path, head, attrs)
    assert checked


def test_label_cells_leaves_narrow_tables_alone():
    two = '<table class="p2g-tabel"><thead><tr><th scope="col">A</th><th scope="col">B</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>'
    assert label_cells(two) == two


def test_finish_ends_a_line_after_each_cell_item_and_break_keeping_the_indent():
    page = ('# Titel\n\nTekst met <br> in een alinea blijft.\n'
            '!!! note\n    <ul><li><a href="x">A</a><br>uitleg</li><li>B</li></ul>\n'
            '<table class="p2g-tabel"><tr><td>1</td><td>2</td></tr></table>\n')
    assert finish(page) == ('# Titel\n\nTekst met <br> in een alinea blijft.\n'
                            '!!! note\n    <ul><li><a href="x">A</a><br>\n    uitleg</li>\n    <li>B</li>\n    </ul>\n'
                            '<table class="p2g-tabel"><tr><td>1</td>\n<td>2</td>\n</tr>\n</table>\n')
