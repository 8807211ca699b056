"""The real content: the whole method of the report is in the data (the schema checks form, this checks substance)."""

from __future__ import annotations

from conftest import REPO
from site_build.content.bron import delen as bron_parts
from site_build.content.bron import is_research


def test_five_skills_and_the_dont_lists(content):
    assert [v.id for v in content.vaardigheden] == ["observeren", "spiegelen", "verwoorden", "emoties-benoemen",
                                                     "inspelen-op-behoeften"]
    assert sorted(d.id for d in content.donts if d.kern) == ["geen-lesjes", "geen-opdrachten", "niet-prijzen",
                                                              "niet-steeds-vragen"]
    extra = [d for d in content.donts if not d.kern]
    assert sorted(d.id for d in extra) == ["geen-kritiek", "niet-straffen"]
    assert all("P2G-materialen" in bron_parts(d.kort.bron) for d in extra)
    for d in content.donts:
        assert d.vervangen_door, d.id


def test_contexts_and_needs_from_the_report(content):
    ids = {c.id for c in content.contexten}
    assert {"spel-groep-3-4", "samen-actief-handelen", "voorlezen", "gezelschapsspelletjes", "p2g-gesprekjes",
            "korte-contactmomenten", "buitenspelen"} <= ids
    names = " ".join(b.naam.lower() for b in content.behoeften.behoeften)
    for need in ("aandacht", "veiligheid", "gezien", "competent", "stabiliteit", "rust", "warmte", "duidelijkheid",
                 "nabijheid"):
        assert need in names, need


def test_relation_word_list(content):
    words = content.woorden.woorden
    assert len(words) >= 120
    assert {w.waarde for w in words} == {"positief", "negatief", "neutraal"}
    listed = {w.woord for w in words}
    for word in ("broos", "close", "dynamisch", "instabiel", "liefdevol", "ongelijkwaardig", "onvoorspelbaar", "vrij",
                 "water-en-vuur", "vluchtig", "intens", "zoekend", "ingewikkeld"):
        assert word in listed, word
        assert is_research(next(w.bron for w in words if w.woord == word)), word


def test_plg_trajectory(content):
    c1, c2 = content.plg.cycli
    assert [b.id for b in c1.bijeenkomsten] == [f"c1-b{i}" for i in range(1, 6)]
    assert [b.id for b in c2.bijeenkomsten] == [f"c2-b{i}" for i in range(1, 6)]
    assert len(c2.varianten) == 3
    assert "reflectie-interview-start" in next(b for b in c1.bijeenkomsten if b.nummer == 2).instrumenten
    assert "reflectie-interview-slot" in next(b for b in c1.bijeenkomsten if b.nummer == 5).instrumenten
    roles = " ".join(r.naam.lower() for r in content.plg.rollen)
    assert "kartrekker" in roles and "procesbegeleider" in roles and "afroep" in roles
    assert all(b.trainer for _, b in content.bijeenkomsten())


def test_every_instrument_of_the_report(content):
    ids = {i.id for i in content.instrumenten}
    assert ids == {"reflectie-interview-start", "reflectie-interview-slot", "schriftelijke-reflectie-start",
                   "schriftelijke-reflectie-slot", "oefening-relatie-typeren", "video-intervisie",
                   "video-intervisie-kort", "werk-en-reflectieplan", "observatieformulier", "leidraad-kartrekker",
                   "monitoring-voor-na", "toestemmingsbrief-ouders"}
    start = content.instrument("reflectie-interview-start")
    kern = next(s for s in start.secties if s.id == "kernvragen")
    slot = next(s for s in start.secties if s.id == "slotvraag")
    assert len(kern.vragen) + len(slot.vragen) == 7  # seven questions (§2.3.1), the closing one asked last
    assert start.secties[-1].id == "slotvraag" and "blij" in slot.vragen[0].tekst
    assert content.instrument("reflectie-interview-slot").secties[-1].uit == "reflectie-interview-start/slotvraag"
    assert len(next(s for s in start.secties if s.id == "extra-vragen").vragen) == 2
    assert all(q.optioneel for q in next(s for s in start.secties if s.id == "extra-vragen").vragen)
    assert "drie woorden" in kern.vragen[0].tekst
    intervisie = content.instrument("video-intervisie")
    assert {s.wie for s in intervisie.secties} >= {"inbrenger", "meekijkers"}
    assert content.instrument("video-intervisie-kort").variant_van == "video-intervisie"
    plan = content.instrument("werk-en-reflectieplan")
    assert any(s.herhaal > 1 for s in plan.secties)
    texts = " ".join(q.tekst for s in content.secties(plan) for q in s.vragen)
    assert "Wat kom ik te weten over de relationele behoeften van mijn doelkind?" in texts


def test_llrv_and_lws_described_not_reproduced():
    # the report quotes example items of the copyrighted questionnaires: none may appear in the content
    forbidden = ["Ik voel gemakkelijk aan wat dit kind voelt", "Dit kind wordt gauw boos op mij",
                 "Dit kind vraagt om hulp in situaties waarin dit eigenlijk niet nodig is",
                 "Dit kind heeft voortdurend bevestiging van mij nodig"]
    for path in list((REPO / "content").rglob("*.yml")) + list((REPO / "instruments").rglob("*.yml")) + \
            list((REPO / "content").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        for item in forbidden:
            assert item.lower() not in text.lower(), f"{path}: {item}"


def test_research_figures_match_the_report(content):
    o = content.onderzoek
    means = {d.id: (sum(d.voor) / len(d.voor), sum(d.na) / len(d.na)) for d in o.llrv.dimensies}
    assert round(means["nabijheid"][0], 2) == 3.75 and round(means["nabijheid"][1], 2) == 6.25
    assert round(means["conflict"][0], 3) == 11.438 and round(means["conflict"][1], 3) == 10.625
    assert round(means["afhankelijkheid"][0], 3) == 9.562 and round(means["afhankelijkheid"][1], 3) == 9.625
    assert round(sum(o.lws.voor) / len(o.lws.voor), 2) == 3.29 and round(sum(o.lws.na) / len(o.lws.na), 2) == 3.93
    assert (o.opzet.scholen, o.opzet.leerkrachten, o.opzet.doelkinderen, o.opzet.cycli) == (3, 18, 34, 2)
    assert "16 van de 34" in o.llrv.compleet and "14 van de 34" in o.lws.compleet
    assert any("Vancraeyveldt" in lit.kort for lit in o.literatuur)
