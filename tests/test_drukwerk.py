"""Print products a school hands out as they are: type size and italics (from WeasyPrint's own layout of every
print product), the letter to parents, and the relation word list on paper."""

from __future__ import annotations

import re

import yaml
from pypdf import PdfReader

from site_build.content.validate import load_content
from site_build.core.target import TRAINER
from site_build.printing.render import PrintRenderer

MIN_PT = 11.0
MAX_ITALIC_WORDS = 20  # a sentence may be italic (a spoken line), a passage not


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip()


def all_jobs(renderer: PrintRenderer, content):
    """Every print product: forms, cards and attachments, covers, the map's front pages, the trainer's scripts."""
    pages = {name: 2 for name in [i.id for i in content.instrumenten] + ["relatiewoorden"]}
    jobs = renderer.jobs(TRAINER)
    jobs += [renderer.cover_job(cyclus, b, pages) for cyclus, b in content.bijeenkomsten() if b.instrumenten]
    jobs.append(renderer.map_job(pages, 2))
    return jobs


def content_boxes(box):
    """Every laid-out box of a page's content area, in reading order: not the running header and footer (margin
    boxes), not text hidden for screen readers only."""
    from weasyprint.formatting_structure import boxes

    if isinstance(box, boxes.MarginBox):
        return
    element = getattr(box, "element", None)
    if element is not None and "p2g-verborgen" in (element.get("class") or "").split():
        return
    yield box
    for child in getattr(box, "children", []):
        yield from content_boxes(child)


def text_runs(page_box):
    """(text, size in pt, italic) of every piece of text in the page's content area, in reading order."""
    from weasyprint.formatting_structure import boxes

    for box in content_boxes(page_box):
        if isinstance(box, boxes.TextBox) and box.text.strip():
            yield box.text, box.style["font_size"] * 0.75, box.style["font_style"] == "italic"


def test_print_type_is_at_least_11_pt_without_long_italic_passages(real_site):
    project, site, content = real_site
    renderer = PrintRenderer(content)
    engine = renderer.engine()
    checked = 0
    for job in all_jobs(renderer, content):
        document = engine.layout(job)
        small, run, longest = [], 0, 0
        for page in document.pages:
            for text, size, italic in text_runs(page._page_box):
                checked += 1
                if size < MIN_PT - 0.05:
                    small.append(f"{text.strip()[:40]!r} ({size:.1f} pt)")
                run = run + len(text.split()) if italic else 0
                longest = max(longest, run)
        assert not small, f"{job.name}: tekst kleiner dan {MIN_PT} pt: {small[:5]}"
        assert longest <= MAX_ITALIC_WORDS, f"{job.name}: {longest} woorden schuin achter elkaar"
    assert checked > 2000


def test_the_letter_is_a_letter_to_parents(real_site):
    """No staff fields or instructions; the school and contacts, or lines to write them on; a reply slip below a
    cut line, after the letter; one yes/no choice, a radio group in the fillable PDF."""
    project, site, content = real_site
    for inst in (i for i in content.instrumenten if i.soort == "brief"):
        reader = PdfReader(site / "downloads" / f"{inst.id}.pdf")
        text = norm(" ".join(p.extract_text() for p in reader.pages))
        for staff in list(inst.voorbereiding) + list(content.richtlijnen(inst)) + list(inst.afsluiting):
            assert norm(str(staff.tekst))[:50] not in text, f"{inst.id}: interne aanwijzing in de brief"
        for label in ("Naam leerkracht", "Initialen kind", "Bijeenkomst", "Voor de school", "Richtlijnen"):
            assert label not in text, f"{inst.id}: '{label}' hoort niet in een brief aan ouders"
        for want in ("School:", "Datum:", "Vragen over privacy:", "Met vriendelijke groet"):
            assert want in text, f"{inst.id}: '{want}' ontbreekt"
        last = norm(reader.pages[-1].extract_text())
        slip = last.split("knip hier af", 1)
        assert len(slip) == 2, f"{inst.id}: geen knipstrook op de laatste pagina"
        for sectie in content.secties(inst):
            for vraag in sectie.vragen:
                assert norm(vraag.tekst) in slip[1], f"{inst.id}: '{vraag.tekst}' staat niet op de strook"
        fields = PdfReader(site / "downloads" / f"{inst.id}-invulbaar.pdf").get_fields()
        choices = [f for f in fields.values() if f.get("/FT") == "/Btn"]
        assert choices, f"{inst.id}: geen keuze"
        for choice in choices:
            assert int(choice.get("/Ff", 0)) & (1 << 15), f"{inst.id}: de keuze is geen keuzerondje (radio)"
            assert sorted(choice["/_States_"]) == ["/Off", "/ja", "/nee"] or \
                sorted(s for s in choice["/_States_"] if s != "/Off") == ["/ja", "/nee"]


def test_the_letter_takes_the_school_from_the_edition(real, tmp_path):
    """What the edition fills in is printed; it is then no line to write on and no field."""
    editie = real / "content" / "editie.yml"
    data = yaml.safe_load(editie.read_text(encoding="utf-8"))
    data["school"] = {"naam": "Basisschool De Linde", "contact": "Anna de Vries (ib'er), a.devries@delinde.nl",
                      "privacy_contact": "Sam Jansen, privacy@delinde.nl"}
    editie.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    content = load_content(real)
    renderer = PrintRenderer(content)
    job = next(j for j in renderer.jobs() if j.name == "toestemmingsbrief-ouders.pdf")
    rendered = renderer.render(job)
    out = tmp_path / "brief-invulbaar.pdf"
    out.write_bytes(rendered.files["toestemmingsbrief-ouders-invulbaar.pdf"])
    reader = PdfReader(out)
    text = norm(" ".join(p.extract_text() for p in reader.pages))
    for value in data["school"].values():
        assert norm(value) in text
    fields = set(reader.get_fields())
    assert not fields & {"brief-school", "brief-contact", "brief-privacy"}
    assert {"brief-datum", "brief-leerkracht", "brief-groep", "brief-verwijderd-op"} <= fields


def test_word_list_on_one_a4_grouped_by_charge(real_site):
    project, site, content = real_site
    reader = PdfReader(site / "downloads" / "relatiewoorden.pdf")
    assert len(reader.pages) <= 2, "de woordenlijst past op één A4 (of twee)"
    lines = [norm(line) for page in reader.pages for line in page.extract_text().splitlines()]
    text = " ".join(lines)
    heads = [next(i for i, line in enumerate(lines) if line.startswith(h)) for h in ("Positief", "Neutraal", "Negatief")]
    assert heads == sorted(heads), "groepen in de volgorde positief, neutraal, negatief"
    for woord in content.woorden.woorden:
        assert norm(woord.woord) in text, woord.woord
        # each word stands in the group of its charge
        group = {"positief": 0, "neutraal": 1, "negatief": 2}[woord.waarde]
        end = heads[group + 1] if group < 2 else len(lines)
        assert any(norm(woord.woord) in line for line in lines[heads[group]:end]), woord.woord
    assert "toevoeging" in text, "de lijst zegt welke woorden niet uit het rapport komen"


def test_instruments_that_ask_for_the_word_list_carry_it(real_site):
    """An instrument that tells its reader to use the word list declares it ('gebruikt'), so its packs hold it."""
    project, site, content = real_site
    asked = 0
    for inst in content.instrumenten:
        source = (project / content.sources[f"instruments:{inst.id}"]).read_text(encoding="utf-8")
        mentions = bool(re.search(r"relatiewoorden\.md|lijst met relatiewoorden|woordenlijst", source))
        assert mentions == ("relatiewoorden" in inst.gebruikt), inst.id
        asked += mentions
    assert asked >= 2


def test_the_yes_no_choice_takes_one_answer(real_site, tmp_path):
    """Choose 'ja' as a PDF viewer does: the group holds 'ja' and the 'nee' option is off."""
    import pikepdf
    from pypdf import PdfWriter

    project, site, content = real_site
    source = site / "downloads" / "toestemmingsbrief-ouders-invulbaar.pdf"
    name = next(n for n, f in PdfReader(source).get_fields().items() if f.get("/FT") == "/Btn")
    writer = PdfWriter(clone_from=source)
    page = next(p for p in writer.pages if any(a.get_object().get("/Parent", {}).get("/T") == name
                                               for a in p.get("/Annots", [])))
    writer.update_page_form_field_values(page, {name: "/ja"}, auto_regenerate=False)
    filled = tmp_path / "ja.pdf"
    writer.write(filled)
    with pikepdf.open(filled) as pdf:
        group = next(f for f in pdf.Root.AcroForm.Fields if str(f.get("/T", "")) == name)
        assert group.V == "/ja"
        states = sorted(str(kid.AS) for kid in group.Kids)
        assert states == ["/Off", "/ja"], states


def test_nothing_runs_past_the_margins_and_nothing_kept_whole_is_split(real_site):
    """On paper, every box of every print product stays inside the page's content area (a table whose column
    widths and padding add up to more than the page ran 10 mm into the right margin), and what the stylesheet keeps
    whole is on one page: a table row (a date and what happens then), a question with its writing lines, a section's
    heading and introduction with its first question (they once stood alone at the foot of a page)."""
    from weasyprint.formatting_structure import boxes

    project, site, content = real_site
    renderer = PrintRenderer(content)
    engine = renderer.engine()
    outside, split, checked = [], [], 0
    for job in all_jobs(renderer, content):
        document = engine.layout(job)
        whole: dict[int, tuple] = {}
        headers: set[int] = set()
        for number, page in enumerate(document.pages, 1):
            area = page._page_box
            left, right = area.content_box_x(), area.content_box_x() + area.width
            for box in content_boxes(area):
                if isinstance(box, boxes.PageBox) or not hasattr(box, "border_box_x"):
                    continue
                checked += 1
                x, width = box.border_box_x(), box.border_width()
                if x < left - 1 or x + width > right + 1:
                    what = getattr(box, "text", None) or getattr(box, "element_tag", "")
                    outside.append(f"{job.name} p{number}: {str(what)[:30]!r} {x + width - right:.0f} px voorbij de rand")
                # what the stylesheet keeps whole (break-inside: avoid: a table row, a question with its lines, a
                # section's heading with its first question) is on one page; a heading row (thead) repeats on every
                # page by design. The document holds the elements, so their ids stay the same while it lives.
                if isinstance(box, boxes.TableRowGroupBox) and box.is_header:
                    headers.update(id(row.element) for row in box.children)
                if box.style["break_inside"] == "avoid" and box.element is not None and id(box.element) not in headers:
                    element, on, height = whole.get(id(box.element), (box.element, set(), 0.0))
                    whole[id(box.element)] = (element, on | {number}, height + box.border_height())
            page_height = area.height
        # a block taller than a page cannot be kept whole (a repeated section of many questions, a long runbook row)
        split += [f"{job.name}: <{e.tag} class='{e.get('class')}'> op pagina's {sorted(p)}"
                  for e, p, height in whole.values() if len(p) > 1 and height <= page_height]
    assert checked > 10000
    assert outside == []
    assert split == [], split
