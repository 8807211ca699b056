"""Validation: one invalid fixture per kind of error, each with its exact path:line:col and Dutch message."""

from __future__ import annotations

import pytest

from site_build.content.validate import load_content
from site_build.core.problems import ContentError

CASES = {
    "onbekend veld met suggestie": (
        "content/vaardigheden/spiegelen.yml", "kort:", "korte:",
        ["content/vaardigheden/spiegelen.yml:4:1: onbekend veld 'korte'; bedoel je 'kort'? Toegestane velden hier: "
         "'buiten_vrij_spel', 'citaten', 'groep_3_4', 'id', 'kaart_voorbeeld', 'kort', 'let_op', 'naam', 'reflectievragen', 'videos', "
         "'volgorde', 'voorbeelden', 'waarom', 'wat'"]),
    "verkeerd type": (
        "content/vaardigheden/spiegelen.yml", "volgorde: 1", "volgorde: een",
        ["content/vaardigheden/spiegelen.yml:3:11: 'volgorde' moet een heel getal zijn (kreeg de tekst 'een')"]),
    "ja is geen boolean": (
        "content/donts/niet-prijzen.yml", "kern: true", "kern: ja",
        ["content/donts/niet-prijzen.yml:4:7: 'kern' moet true of false zijn (kreeg de tekst 'ja'). "
         "Schrijf true (ja) of false (nee), zonder aanhalingstekens"]),
    "lege verplichte tekst": (
        "content/vaardigheden/spiegelen.yml", '{tekst: "Het kind voelt zich gezien."', "{tekst: '   '",
        ["content/vaardigheden/spiegelen.yml:6:18: 'tekst' mag niet leeg zijn (De tekst: één alinea of één punt "
         "(Markdown mag: **vet**, *schuin*, links).). Vul een tekst in of haal het veld weg als het niet verplicht is"]),
    "bron ontbreekt bij een bewering": (
        "content/vaardigheden/spiegelen.yml", 'tekst: "Het kind voelt zich gezien.", bron: "§2.4"', 'tekst: "Het kind voelt zich gezien."',
        ["content/vaardigheden/spiegelen.yml:6:10: het verplichte veld 'bron' ontbreekt (Waar dit vandaan komt: een "
         "plek in het rapport ('§2.3.1', 'Tabel 2', 'Bijlage 2', 'Samenvatting'), 'P2G-materialen' (de oorspronkelijke "
         "Erasmus+-materialen), 'toevoeging' (door deze site toegevoegd, geen onderzoeksresultaat) of 'uitwerking van "
         "§2.3.2' (deze site werkt die plek van het rapport uit). Meer bronnen scheid je met ';'.). Voeg het toe"]),
    "ontbrekend veld": (
        "content/vaardigheden/spiegelen.yml", 'waarom: [{tekst: "Het kind voelt zich gezien.", bron: "§2.4"}]\n', "",
        ["content/vaardigheden/spiegelen.yml:1:1: het verplichte veld 'waarom' ontbreekt (Waarom de vaardigheid "
         "de relatie helpt: één alinea per punt. Elk punt heeft een eigen 'bron'.). Voeg het toe"]),
    "dubbele sleutel": (
        "content/contexten/voorlezen.yml", "vaardigheden: [spiegelen]\n", "vaardigheden: [spiegelen]\nnaam: Nog eens\n",
        ["content/contexten/voorlezen.yml:8:1: het veld 'naam' staat hier voor de tweede keer (eerst op regel 2); "
         "YAML zou de eerste waarde stilletjes weggooien. Voeg de twee samen of verwijder er één"]),
    "dubbel id": (
        "content/plg.yml", "id: c1-b2", "id: c1-b1",
        ["content/plg.yml:43:13: bijeenkomst-id 'c1-b1' komt twee keer voor (eerst in content/plg.yml:30); "
         "het moet uniek zijn. Kies een andere naam of voeg de twee samen"]),
    "onbekende vaardigheid": (
        "instruments/interview-start.yml", "vaardigheden: [spiegelen]", "vaardigheden: [spiegel]",
        ["instruments/interview-start.yml:19:24: vaardigheid 'spiegel' bestaat niet; bedoel je 'spiegelen'? "
         "Kies uit: 'spiegelen', 'verwoorden'. Vaardigheden staan in content/vaardigheden/."]),
    "onbekend instrument in bijeenkomst": (
        "content/plg.yml", "instrumenten: [interview-start]", "instrumenten: [interview-strat]",
        ["content/plg.yml:36:24: instrument 'interview-strat' bestaat niet; bedoel je 'interview-start'? "
         "Kies uit: 'interview-slot', 'interview-start'. Instrumenten staan in instruments/."]),
    "keuze uit een lijst": (
        "content/contexten/voorlezen.yml", "geschiktheid: wisselend", "geschiktheid: wisseld",
        ["content/contexten/voorlezen.yml:4:15: 'geschiktheid' moet een van 'beperkt', 'goed', 'wisselend' zijn "
         "(kreeg de tekst 'wisseld'); bedoel je 'wisselend'?"]),
    "bron zonder vorm": (
        "content/contexten/voorlezen.yml", 'bron: "§3.1.3"}]', 'bron: "het rapport"}]',
        ["content/contexten/voorlezen.yml:6:57: 'bron' moet zeggen waar dit vandaan komt: een plek in het rapport "
         "('§2.3.1', 'Tabel 2', 'Bijlage 2', 'Samenvatting'), 'P2G-materialen', 'toevoeging' of 'uitwerking van "
         "§2.3.2', meerdere gescheiden door ';'; kreeg de tekst 'het rapport'"]),
    "lijst verwacht": (
        "content/contexten/voorlezen.yml", "vaardigheden: [spiegelen]", "vaardigheden: spiegelen",
        ["content/contexten/voorlezen.yml:7:15: 'vaardigheden' moet een lijst (regels die beginnen met '- ') zijn "
         "(kreeg de tekst 'spiegelen'). Zet elk item op een eigen regel die begint met '- '"]),
    "id en bestandsnaam": (
        "content/contexten/voorlezen.yml", "id: voorlezen", "id: voorlezen-2",
        ["content/contexten/voorlezen.yml:1:5: 'id' is 'voorlezen-2' maar het bestand heet 'voorlezen.yml'; maak ze "
         "gelijk (hernoem het bestand naar 'voorlezen-2.yml' of zet id op 'voorlezen')"]),
    "overgenomen sectie bestaat niet": (
        "instruments/interview-slot.yml", "uit: interview-start/kernvragen", "uit: interview-start/kern",
        ["instruments/interview-slot.yml:10:10: sectie 'kern' bestaat niet; bedoel je 'kernvragen'? Kies uit: "
         "'kernvragen'. Kijk in instruments/interview-start.yml welke secties er zijn."]),
    "dubbele punt in tekst": (
        "content/contexten/voorlezen.yml", "naam: Voorlezen", "naam: Voorlezen: hardop",
        ["content/contexten/voorlezen.yml:2:16: YAML-fout: hier staat een dubbele punt die YAML niet verwacht. "
         "Staat er een ':' in een tekst? Zet de hele tekst dan tussen aanhalingstekens"]),
    "kapotte link op de startpagina": (
        "content/start.yml", "pagina: vaardigheden/spiegelen.md", "pagina: vaardigheden/spiegel.md",
        None),
}


@pytest.mark.parametrize("name", list(CASES))
def test_each_error_kind_has_exact_message(minimal, name):
    rel, old, new, expected = CASES[name]
    path = minimal / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, "fixture changed: update the test"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(minimal)
    messages = [str(p) for p in caught.value.problems]
    if expected is None:
        assert len(messages) == 1
        assert messages[0].startswith("content/start.yml:8:17: pagina 'vaardigheden/spiegel.md' bestaat niet; "
                                      "bedoel je 'vaardigheden/spiegelen.md'?")
    else:
        assert messages == expected


def test_all_problems_of_a_run_at_once(minimal):
    (minimal / "content/contexten/voorlezen.yml").write_text("id: voorlezen\nnaam: [\n", encoding="utf-8")
    spiegel = minimal / "content/vaardigheden/spiegelen.yml"
    spiegel.write_text(spiegel.read_text(encoding="utf-8").replace("volgorde: 1", "volgorde: '1'"), encoding="utf-8")
    (minimal / "instruments/leeg.yml").write_text("", encoding="utf-8")
    (minimal / "instruments/plaatje.yml").write_bytes(b"\x00\x01\x02")
    (minimal / "instruments/notities.txt").write_text("x", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(minimal)
    where = sorted({p.path for p in caught.value.problems})
    assert where == ["content/contexten/voorlezen.yml", "content/vaardigheden/spiegelen.yml",
                     "instruments/leeg.yml", "instruments/notities.txt", "instruments/plaatje.yml"]


def test_missing_required_file(minimal):
    (minimal / "content/plg.yml").unlink()
    with pytest.raises(ContentError) as caught:
        load_content(minimal)
    assert [str(p) for p in caught.value.problems] == [
        "content/plg.yml:1:1: dit bestand ontbreekt, maar de site heeft het nodig. Zet het terug (bijvoorbeeld uit "
        "de oorspronkelijke repository); de pagina 'Velden' beschrijft welke velden erin horen"]


def test_top_level_list_instead_of_fields(minimal):
    (minimal / "content/organisatie.yml").write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(minimal)
    assert [str(p) for p in caught.value.problems] == [
        "content/organisatie.yml:1:1: het bestand moet beginnen met velden ('veld: waarde'), maar bevat een lijst"]


def test_valid_fixture_loads_with_derived_links(minimal):
    content = load_content(minimal)
    assert [v.id for v in content.vaardigheden] == ["spiegelen", "verwoorden"]
    assert [b.id for _, b in content.bijeenkomsten_met("interview-start")] == ["c1-b1", "c1-b2"]
    # in the method's order (START is used first), not the file names'
    assert [i.id for i in content.instrumenten_met("spiegelen")] == ["interview-start", "interview-slot"]
    slot = content.instrument("interview-slot")
    assert [s.titel for s in content.secties(slot)] == ["Kernvragen", "Terugblik"]
    assert [r.tekst for r in content.richtlijnen(slot)] == ["Luister zonder oordeel."]


def test_cross_file_checks_run_even_when_another_file_is_broken(minimal):
    prijzen = minimal / "content/donts/niet-prijzen.yml"
    prijzen.write_text(prijzen.read_text(encoding="utf-8").replace("kern: true", "kern: ja"), encoding="utf-8")
    start = minimal / "instruments/interview-start.yml"
    start.write_text(start.read_text(encoding="utf-8").replace("vaardigheden: [spiegelen]", "vaardigheden: [spiegel]"),
                     encoding="utf-8")
    # a skill file that does not parse still counts as existing: no false 'bestaat niet' for it
    verwoorden = minimal / "content/vaardigheden/verwoorden.yml"
    verwoorden.write_text(verwoorden.read_text(encoding="utf-8").replace("volgorde: 2", "volgorde: twee"),
                          encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(minimal)
    assert [f"{p.path}:{p.line}" for p in caught.value.problems] == [
        "content/donts/niet-prijzen.yml:4", "content/vaardigheden/verwoorden.yml:3", "instruments/interview-start.yml:19"]
