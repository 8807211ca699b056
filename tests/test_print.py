"""Printed forms: layout facts of real WeasyPrint PDFs (A4, pages, text, fonts, metadata, fields), not bytes."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from conftest import REPO
from site_build.content.validate import load_content
from site_build.printing.pipeline import PrintBuild
from site_build.printing.render import PdfJob, PrintError, PrintRenderer, make_fetcher


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip()


def pdf_text(reader: PdfReader) -> str:
    return norm(" ".join(page.extract_text() or "" for page in reader.pages))


def fonts_of(reader: PdfReader) -> list[tuple[str, bool]]:
    found = []
    for page in reader.pages:
        fonts = page["/Resources"].get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found.append((str(font.get("/BaseFont")), embedded))
    return found


def test_every_form_is_a4_with_text_fonts_and_metadata(real_site):
    project, site, content = real_site
    for inst in content.instrumenten:
        counts = []
        for name in (f"{inst.id}.pdf", f"{inst.id}-invulbaar.pdf"):
            reader = PdfReader(site / "downloads" / name)
            counts.append(len(reader.pages))
            for page in reader.pages:
                box = page.mediabox
                assert (round(float(box.width), 1), round(float(box.height), 1)) == (595.3, 841.9), name
            text = pdf_text(reader)
            for sectie in content.secties(inst):
                for vraag in sectie.vragen:
                    assert norm(vraag.tekst) in text, f"{name}: vraag '{vraag.tekst}' staat niet in de PDF"
            fonts = fonts_of(reader)
            assert fonts and all(embedded for _, embedded in fonts), f"{name}: {fonts}"
            assert all("P2G" in font for font, _ in fonts), f"{name}: alleen het eigen lettertype, kreeg {fonts}"
            assert reader.metadata.title == inst.titel
            assert reader.metadata.subject == inst.kort.tekst
            assert str(reader.trailer["/Root"]["/Lang"]) == "nl"
            assert "/StructTreeRoot" in reader.trailer["/Root"], f"{name}: niet getagd"
            assert f"versie {content.editie.versie}" in text and "pagina 1 van" in text
        # the fillable form is the printed form with fields on it: the same pages, never one more or less
        assert counts[0] == counts[1] >= 1, f"{inst.id}: {counts[0]} pagina's op papier, {counts[1]} invulbaar"


def expected_fields(content, inst) -> set[str]:
    fields = {f"kop-{v}" for v in inst.kopvelden}
    for sectie in content.secties(inst):
        for n in range(1, sectie.herhaal + 1):
            for vraag in sectie.vragen:
                base = f"{sectie.id}-{n}-{vraag.id}"
                a = vraag.antwoord
                if a.vorm in ("lijnen", "vak"):
                    fields.add(base)
                elif a.vorm == "woorden":
                    fields |= {f"{base}-{i}" for i in range(1, a.regels + 1)}
                elif a.vorm == "schaal":
                    fields |= {f"{base}-{i}" for i in range(1, len(a.schaal) + 1)}
                elif a.vorm == "ja-nee":
                    fields.add(base)  # one radio group: 'ja' or 'nee', never both
    if inst.soort == "brief":
        # what the edition does not fill in is a line to write on, a field to type in
        school = content.editie.school
        fields |= {"brief-datum", "brief-verwijderd-op", "brief-leerkracht", "brief-groep"}
        fields |= {f"brief-{k}" for k in ("naam", "contact", "privacy_contact")
                   if not (school and getattr(school, k))}
        fields = {f.replace("brief-naam", "brief-school").replace("brief-privacy_contact", "brief-privacy")
                  for f in fields}
    return fields


def expected_widgets(content, inst) -> int:
    """A radio group is one field with a widget per option."""
    extra = sum(sectie.herhaal for sectie in content.secties(inst) for vraag in sectie.vragen
                if vraag.antwoord.vorm == "ja-nee")
    return len(expected_fields(content, inst)) + extra


def test_fillable_forms_have_a_field_for_every_answer(real_site):
    project, site, content = real_site
    total = 0
    for inst in content.instrumenten:
        fields = set((PdfReader(site / "downloads" / f"{inst.id}-invulbaar.pdf").get_fields() or {}).keys())
        expected = expected_fields(content, inst)
        assert fields == expected, inst.id
        assert not PdfReader(site / "downloads" / f"{inst.id}.pdf").get_fields(), "de printversie heeft geen velden"
        total += len(fields)
    assert total > 250


def test_blank_forms_stay_small(real_site):
    project, site, content = real_site
    for inst in content.instrumenten:
        blank = (site / "downloads" / f"{inst.id}.pdf").stat().st_size
        fillable = (site / "downloads" / f"{inst.id}-invulbaar.pdf").stat().st_size
        assert blank < 120_000, f"{inst.id}: {blank} bytes"
        assert blank < fillable


def attachments_of(content, ids) -> list[str]:
    """What the instruments say they use ('gebruikt'), as file names, in the order first named."""
    found: list[str] = []
    for i in ids:
        found += [f"{x}.pdf" for x in content.instrument(i).gebruikt if f"{x}.pdf" not in found]
    return found


def test_packs_contain_exactly_the_forms_of_their_meeting(real_site):
    project, site, content = real_site
    with_list = 0
    for cyclus, b in content.bijeenkomsten():
        reader = PdfReader(site / "downloads" / f"pakket-{b.id}.pdf")
        titles = [item.title for item in reader.outline if not isinstance(item, list)]
        # after the forms: the attachments its instruments use (word list), then the cards its runbook adds
        extra = attachments_of(content, b.instrumenten) + \
            ([f"{x.bijlage}.pdf" for x in b.uitvoering.bijlagen] if b.uitvoering else [])
        assert titles == [f"Printpakket bijeenkomst {cyclus.nummer}.{b.nummer}: {b.titel}"] + \
            [content.instrument(i).titel for i in b.instrumenten] + \
            [PdfReader(site / "downloads" / name).metadata.title for name in extra]
        assert str(reader.trailer["/Root"]["/Lang"]) == "nl"
        files = [f"{i}.pdf" for i in b.instrumenten] + extra
        expected_pages = 1 + sum(len(PdfReader(site / "downloads" / name).pages) for name in files)
        assert len(reader.pages) == expected_pages
        with_list += "relatiewoorden.pdf" in extra
    assert with_list >= 2, "de woordenlijst hoort in de pakketten van de bijeenkomsten die hem gebruiken"


def test_complete_map_has_cover_contents_and_all_forms(real_site):
    """The map's page numbers run through (every page after the cover shows 'Complete map · pagina n van N'),
    and the contents give, for every form and attachment, the number of the page where it starts."""
    project, site, content = real_site
    reader = PdfReader(site / "downloads" / "complete-map.pdf")
    total = len(reader.pages)
    texts = [norm(page.extract_text() or "") for page in reader.pages]
    assert "Complete map" in texts[0] and content.editie.site_naam in texts[0]
    assert "Complete map · pagina" not in texts[0], "de omslag heeft geen nummer"
    for n, text in enumerate(texts[1:], start=2):
        assert f"Complete map · pagina {n} van {total}" in text, f"pagina {n} toont haar nummer niet"
    parts = [(i.titel, f"{i.id}.pdf") for i in content.instrumenten]
    parts += [(PdfReader(site / "downloads" / name).metadata.title, name)
              for name in attachments_of(content, [i.id for i in content.instrumenten])]
    contents = norm(reader.pages[1].extract_text())
    page = total - sum(len(PdfReader(site / "downloads" / name).pages) for _, name in parts) + 1
    for title, name in parts:
        # the contents give the page where the part starts, and that page shows this number and the title
        row = re.search(re.escape(norm(title)) + r" [0-9., ]*?(\d+)(?= [A-Z]|$)", contents)
        assert row and int(row.group(1)) == page, f"{name}: inhoud zegt {row and row.group(1)}, begint op {page}"
        start = norm(reader.pages[page - 1].extract_text())
        own = norm(PdfReader(site / "downloads" / name).pages[0].extract_text())
        assert start[:80] == own[:80] and f"Complete map · pagina {page} van {total}" in start, name
        page += len(PdfReader(site / "downloads" / name).pages)
    assert page == total + 1


@pytest.mark.build
def test_the_maps_running_numbers_come_in_parts_that_run_on(minimal, tmp_path, monkeypatch):
    """The numbers are laid out in parts (growth stays linear, issue 13); with parts of one page the numbers
    still run from the second page to the last, each page showing its own, and the cover none (here a part per
    page: the small project's map has a few pages)."""
    monkeypatch.setattr(PrintRenderer, "NUMBERS_PER_JOB", 1)
    build = PrintBuild(load_content(minimal), tmp_path / "cache", workers=1)
    build.run(tmp_path / "pdf")
    parts = sorted(n for n in build.rendered if n.startswith("map-nummers-"))
    reader = PdfReader(tmp_path / "pdf" / "complete-map.pdf")
    total = len(reader.pages)
    assert len(parts) == total >= 3, (parts, total)
    texts = [page.extract_text() for page in reader.pages]
    assert "Complete map · pagina" not in texts[0]
    for n, text in enumerate(texts[1:], start=2):
        assert f"Complete map · pagina {n} van {total}" in text, n
        assert text.count("Complete map · pagina") == 1, n


def test_pocket_cards(real_site):
    project, site, content = real_site
    reader = PdfReader(site / "downloads" / "zakkaarten.pdf")
    text = pdf_text(reader)
    for v in content.vaardigheden:
        assert norm(v.naam) in text and norm(v.kort.tekst) in text
    for d in content.donts:
        assert (norm(d.naam) in text) == d.kern
        if d.kern:  # the 'Liever' example keeps its situation
            assert norm(d.voorbeeld.situatie) in text, d.id
    for v in content.vaardigheden:
        example = v.kaart_voorbeeld or v.voorbeelden[0]
        assert norm(example.situatie) in text, f"{v.id}: het voorbeeld op de kaart zonder situatie"
        said = example.woorden or [example.doen]
        assert all(s and norm(s) in text for s in said), f"{v.id}: de kaart heeft geen voorbeeld"
        # the don'ts say: no questions during a session; a card's example must not be one
        assert not any(w.rstrip().endswith("?") for w in example.woorden), f"{v.id}: voorbeeld is een vraag"
    cards = len(content.vaardigheden) + sum(d.kern for d in content.donts)
    assert len(reader.pages) == -(-cards // 9), "negen kaarten op een vel: geen kaart alleen op een vel"


def test_site_links_the_pdfs(real_site):
    project, site, content = real_site
    page = (site / "instrumenten" / "reflectie-interview-start.html").read_text(encoding="utf-8")
    assert 'href="../downloads/reflectie-interview-start.pdf"' in page
    assert 'href="../downloads/reflectie-interview-start-invulbaar.pdf"' in page
    meeting = (site / "plg" / "c1-b2.html").read_text(encoding="utf-8")
    assert 'href="../downloads/pakket-c1-b2.pdf"' in meeting
    listing = (site / "instrumenten" / "downloads.html").read_text(encoding="utf-8")
    for pdf in (site / "downloads").glob("*.pdf"):
        assert f'href="../downloads/{pdf.name}"' in listing


@pytest.mark.build
def test_same_input_gives_identical_bytes(minimal):
    content = load_content(minimal)
    renderer = PrintRenderer(content)
    job = renderer.jobs()[0]
    assert renderer.pdf_bytes(job.html) == PrintRenderer(content).pdf_bytes(job.html)


@pytest.mark.build
def test_weasyprint_warning_fails(minimal):
    renderer = PrintRenderer(load_content(minimal))
    html = '<html lang="nl"><title>x</title><body><p style="colour: red">x</p></body></html>'
    with pytest.raises(PrintError, match="WeasyPrint meldde"):
        renderer.pdf_bytes(html)


@pytest.mark.parametrize("src", ["file:///etc/passwd", "http://example.org/x.png", "https://127.0.0.1/x.png"])
def test_fetcher_refuses_files_outside_the_project_and_the_network(minimal, src):
    renderer = PrintRenderer(load_content(minimal))
    html = f'<html lang="nl"><title>x</title><body><img src="{src}" alt="x"></body></html>'
    with pytest.raises(PrintError, match="geweigerd"):
        renderer.pdf_bytes(html)


def test_fetcher_reads_project_files(minimal):
    fetcher = make_fetcher([minimal])
    response = fetcher.fetch((minimal / "mkdocs.yml").as_uri())
    assert response.status == 200
    assert response.read() == (minimal / "mkdocs.yml").read_bytes()


@pytest.mark.build
def test_cache_rerenders_only_what_changed(minimal, tmp_path):
    content = load_content(minimal)
    cache = tmp_path / "cache"
    first = PrintBuild(content, cache, workers=1)
    first.run(tmp_path / "a")
    assert "interview-start.pdf" in first.rendered
    again = PrintBuild(load_content(minimal), cache, workers=1)
    again.run(tmp_path / "b")
    assert again.rendered == []
    path = minimal / "instruments/interview-slot.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("Wat is er veranderd?", "Wat is er anders?"), encoding="utf-8")
    edited = PrintBuild(load_content(minimal), cache, workers=1)
    edited.run(tmp_path / "c")
    # the edited instrument, its packs and the complete map; not the other forms
    # (the pack's cover and the map's contents only list titles and page counts, which did not change)
    assert sorted(edited.rendered) == ["complete-map.pdf", "interview-slot-invulbaar.pdf", "interview-slot.pdf",
                                       "pakket-c1-b2.pdf"]
    # a change to what every PDF depends on (here the print documents' user-agent stylesheet) makes them all new
    ua = minimal / "macros" / "print" / "ua.css"
    ua.write_text(ua.read_text(encoding="utf-8") + "\n/* gewijzigd */\n", encoding="utf-8")
    restyled = PrintBuild(load_content(minimal), cache, workers=1)
    downloads = restyled.run(tmp_path / "d")
    assert {d.name for d in downloads} <= set(restyled.rendered)


@pytest.mark.build
def test_cli_pdf_renders_chosen_forms(minimal, tmp_path):
    import subprocess
    import sys

    out = tmp_path / "uit"
    run = subprocess.run([sys.executable, "-m", "site_build.cli", "--map", str(minimal), "pdf", "interview-start",
                          "--uit", str(out)], capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in out.iterdir()) == ["interview-start-invulbaar.pdf", "interview-start.pdf"]
    run = subprocess.run([sys.executable, "-m", "site_build.cli", "--map", str(minimal), "pdf", "interview-strat"],
                         capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 1
    assert "instrument 'interview-strat' bestaat niet; bedoel je 'interview-start'?" in run.stderr


def test_fillable_fields_are_tagged_and_typeable(real_site):
    """PDF/UA: every field is a /Form structure element (in its place in the tree) that points at its widget;
    the fields' font is embedded whole, so any Dutch letter can be typed."""
    import pikepdf

    project, site, content = real_site
    for inst in content.instrumenten:
        with pikepdf.open(site / "downloads" / f"{inst.id}-invulbaar.pdf") as pdf:
            nums = pdf.Root.StructTreeRoot.ParentTree.Nums
            parent_tree = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
            widgets = [a for page in pdf.pages for a in page.obj.get("/Annots", []) if a.Subtype == "/Widget"]
            assert len(pdf.Root.AcroForm.Fields) == len(expected_fields(content, inst)), inst.id
            assert len(widgets) == expected_widgets(content, inst), inst.id
            for widget in widgets:
                form = parent_tree[int(widget.StructParent)]
                assert form.S == "/Form" and form.K[0].Obj.objgen == widget.objgen, inst.id
                assert form.P.S == "/Div" and form.P.P.get("/S") is not None
                assert "/TU" in widget and str(widget.TU)  # what a screen reader says: the question
            # and never the same for two fields: the section and its repeat come first ('Sessie (3 van 6): Datum')
            spoken = [str(w.TU) for w in widgets]
            assert sorted(t for t in set(spoken) if spoken.count(t) > 1) == [], inst.id
            assert pdf.Root.AcroForm.NeedAppearances
            font = next(iter(pdf.Root.AcroForm.DR.Font.values()))
            assert font.Subtype == "/TrueType" and font.Encoding == "/WinAnsiEncoding"
            assert "/FontFile2" in font.FontDescriptor


def test_blank_and_fillable_share_one_layout(real_site):
    project, site, content = real_site
    for inst in content.instrumenten:
        blank = PdfReader(site / "downloads" / f"{inst.id}.pdf")
        fillable = PdfReader(site / "downloads" / f"{inst.id}-invulbaar.pdf")
        assert len(blank.pages) == len(fillable.pages), inst.id
        assert pdf_text(blank) == pdf_text(fillable), inst.id


def test_typed_text_shows_in_the_fillable_form(real_site, tmp_path):
    """Fill in two fields as a PDF viewer would (pypdf writes the appearance) and look at the page."""
    import subprocess

    from pypdf import PdfWriter

    project, site, content = real_site
    writer = PdfWriter(clone_from=site / "downloads" / "reflectie-interview-start-invulbaar.pdf")
    writer.update_page_form_field_values(writer.pages[0], {"kop-naam-leerkracht": "Juf Eëlke",
                                                           "kop-initialen-kind": "A.B."})
    filled = tmp_path / "ingevuld.pdf"
    writer.write(filled)
    text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(filled), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Juf Eëlke" in text and "A.B." in text


@pytest.mark.build
def test_pool_reports_a_failed_render_and_a_dead_worker(minimal, monkeypatch):
    import os

    from site_build.printing import pool as pdf_pool
    from site_build.printing.pool import PdfPool

    renderer = PrintRenderer(load_content(minimal))
    pool = PdfPool(workers=2)
    try:
        bad = PdfJob("slecht.pdf", '<html lang="nl"><title>x</title><body><p style="colour: red">x</p></body></html>', "x")
        with pytest.raises(PrintError, match="WeasyPrint meldde"):
            pool.render(minimal, renderer.stylesheet_text(), bad).result(timeout=60)
        good = pool.render(minimal, renderer.stylesheet_text(), renderer.jobs()[0]).result(timeout=60)
        assert good.pages >= 1
    finally:
        pool.close()
    # a worker that dies (a crash in a C library, say) fails the open jobs instead of leaving them waiting
    monkeypatch.setitem(pdf_pool._TASKS, "render", lambda *args: os._exit(3))
    pool = PdfPool(workers=1)
    try:
        with pytest.raises(PrintError, match="stopte onverwacht"):
            pool.render(minimal, renderer.stylesheet_text(), renderer.jobs()[0]).result(timeout=60)
    finally:
        pool.close()


@pytest.mark.build
def test_pool_closes_cleanly_when_nothing_was_asked(minimal):
    """A build that finds every PDF in its cache never gives the pool work: closing it must end its processes
    normally (not by the timeout that kills them)."""
    from site_build.printing.pool import PdfPool

    pool = PdfPool(workers=2)
    pool.close()
    assert pool._supervisor.exitcode == 0


@pytest.mark.build
def test_without_worker_processes_the_pdfs_are_the_same(minimal, tmp_path, monkeypatch):
    """Where forking is not safe (macOS, Windows) the build renders in its own process: same bytes."""
    import shutil

    from site_build.build import build
    from site_build.printing.pool import PdfPool

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    pooled = build(minimal, out=tmp_path / "met-werkers").site / "downloads"
    shutil.rmtree(minimal / "build")  # no cache: everything rendered again, in this process
    monkeypatch.setattr(PdfPool, "available", staticmethod(lambda: False))
    alone = build(minimal, out=tmp_path / "zonder").site / "downloads"
    names = sorted(p.name for p in pooled.iterdir())
    assert names == sorted(p.name for p in alone.iterdir()) and len(names) > 5
    for name in names:
        assert (pooled / name).read_bytes() == (alone / name).read_bytes(), name


def test_packs_and_map_are_tagged_like_their_forms(real_site):
    """Merging keeps the structure: one /Document with every part's elements, and every page's marked
    content still finds its element (PDF/UA), plus the XMP title and PDF/UA claim."""
    import pikepdf

    project, site, content = real_site
    names = [f"pakket-{b.id}.pdf" for _, b in content.bijeenkomsten() if b.instrumenten] + ["complete-map.pdf"]
    for name in names:
        with pikepdf.open(site / "downloads" / name) as pdf:
            tree = pdf.Root.StructTreeRoot
            assert len(tree.K) == 1 and tree.K[0].S == "/Document", name
            nums = tree.ParentTree.Nums
            parent_tree = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
            pages = {page.objgen for page in pdf.pages}
            for page in pdf.pages:
                elements = parent_tree[int(page.obj.StructParents)]
                assert len(elements) > 0 and all(e.Pg.objgen in pages for e in elements), name
            tags = []

            def walk(node) -> None:
                if isinstance(node, pikepdf.Array):
                    for item in node:
                        walk(item)
                elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
                    tags.append(str(node.S))  # noqa: B023 (walk runs inside this iteration)
                    walk(node.get("/K", pikepdf.Array()))

            walk(tree.K)
            # a title per part: the cover (or the map's front pages) and each form
            parts = [b for _, b in content.bijeenkomsten() if f"pakket-{b.id}.pdf" == name]
            ids = parts[0].instrumenten if parts else [i.id for i in content.instrumenten]
            cards = len(parts[0].uitvoering.bijlagen) if parts and parts[0].uitvoering else 0
            expected = 1 + len(ids) + len(attachments_of(content, ids)) + cards
            assert tags.count("/H1") == expected, (name, tags.count("/H1"), expected)
            assert pdf.Root.MarkInfo.Marked and str(pdf.Root.Lang) == "nl"
            xmp = pdf.Root.Metadata.read_bytes().decode("utf-8")
            assert 'pdfuaid:part="1"' in xmp and str(pdf.docinfo.Title).replace("&", "&amp;") in xmp, name


def test_no_question_is_split_from_its_answer_space(real_site):
    """Each question with its answer space stays on one page (the layout itself, from WeasyPrint)."""
    from site_build.printing.engine import PdfJob as Job

    project, site, content = real_site
    renderer = PrintRenderer(content)
    engine = renderer.engine()
    checked = 0
    for job in renderer.jobs(kinds={"formulier"}):
        pages_of: dict[int, set[int]] = {}

        def walk(box, page: int) -> None:
            element = getattr(box, "element", None)
            if element is not None and "vraag" in (element.get("class") or "").split():
                pages_of.setdefault(id(element), set()).add(page)  # noqa: B023 (walk runs inside this iteration)
            for child in getattr(box, "children", []):
                walk(child, page)

        document = engine.layout(Job(job.name, job.html, job.title, fillable=True))
        for number, page in enumerate(document.pages):
            walk(page._page_box, number)
        split = [p for p in pages_of.values() if len(p) > 1]
        assert not split, f"{job.name}: {len(split)} vragen over twee pagina's"
        checked += len(pages_of)
    assert checked > 150


@pytest.mark.build
def test_pool_does_not_outlive_a_killed_build(minimal, tmp_path):
    """When the build process is killed outright (kill -9, a CI timeout), its PDF processes end too."""
    import os
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    def alive(pid: int) -> bool:  # a zombie (ended, not yet reaped by whoever adopted it) counts as ended
        try:
            return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0] != "Z"
        except (OSError, IndexError):
            return False

    script = tmp_path / "bouw.py"
    script.write_text(
        "import sys, time\n"
        f"sys.path.insert(0, {str(Path(__file__).resolve().parent.parent)!r})\n"
        "from site_build.printing.pool import PdfPool\n"
        "pool = PdfPool(workers=2)\n"
        "print(pool._supervisor.pid, flush=True)\n"
        "time.sleep(60)\n", encoding="utf-8")
    build = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    supervisor = int(build.stdout.readline())
    os.kill(build.pid, signal.SIGKILL)
    build.wait()
    for _ in range(100):  # it checks once a second; give it ten
        if not alive(supervisor):
            break
        time.sleep(0.1)
    else:
        pytest.fail("het PDF-proces leeft nog na het stoppen van de build")


def test_site_shows_the_real_size_and_page_count_of_every_pdf(real_site):
    """Pages are written while the PDFs are still being made; the numbers filled in afterwards must be the
    real ones, and no marker may be left anywhere."""
    import html as htmllib

    project, site, content = real_site
    listing = (site / "instrumenten" / "downloads.html").read_text(encoding="utf-8")
    for pdf in sorted((site / "downloads").glob("*.pdf")):
        row = re.search(rf'<tr><th scope="row"><a href="\.\./downloads/{re.escape(pdf.name)}">.*?</tr>', listing, re.S)
        assert row, pdf.name
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row.group(0))  # cells carry their column's name (data-label)
        assert cells[1] == str(len(PdfReader(pdf).pages)), (pdf.name, cells)
        assert cells[2] == f"{max(1, round(pdf.stat().st_size / 1024))} kB", (pdf.name, cells)
    button = (site / "instrumenten" / "reflectie-interview-start.html").read_text(encoding="utf-8")
    pages = len(PdfReader(site / "downloads" / "reflectie-interview-start.pdf").pages)
    assert f"(PDF, {pages} pagina's," in htmllib.unescape(button)
    for page in site.rglob("*.html"):
        assert "<!--p2g:" not in page.read_text(encoding="utf-8"), page
