"""Trainer features: a second edition, scaffolding, the trainer build and draaiboek, the year planning,
licences, and a fork simulation from a copy of the repository."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from conftest import REPO
from site_build.authoring.plan import ics, load_holidays, make_plan
from site_build.build import build
from site_build.content.validate import load_content
from site_build.core.problems import ContentError
from site_build.core.target import TRAINER

LOGO = ('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40">'
        '<rect width="120" height="40" fill="#5a2d82"/><text x="10" y="26" fill="#fff">De Linde</text></svg>')


def pdf_text(path: Path) -> str:
    return " ".join((page.extract_text() or "") for page in PdfReader(path).pages)


def set_edition(project: Path) -> None:
    path = project / "content/editie.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.update(site_naam="Playing-2-gether bij De Linde", organisatie="Stichting De Linde",
                editie="Editie De Linde", versie="2027.2", schooljaar="2027-2028",
                url="https://p2g.delinde.example/", logo="afbeeldingen/logo.svg")
    data["contact"] = {"naam": "Sanne de Vries", "rol": "ib'er", "email": "sanne@delinde.example"}
    data["kleuren"] = {"primair": "#5a2d82", "accent": "#0b5d1e"}
    (project / "content/afbeeldingen").mkdir(parents=True, exist_ok=True)
    (project / "content/afbeeldingen/logo.svg").write_text(LOGO, encoding="utf-8")
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


@pytest.mark.build
def test_second_edition_changes_everything_organisation_specific(minimal):
    set_edition(minimal)
    site = build(minimal).site
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<title>Start - Playing-2-gether bij De Linde</title>" in home
    assert "Stichting De Linde · Editie De Linde, versie 2027.2 · schooljaar 2027-2028" in home
    assert 'href="mailto:sanne@delinde.example"' in home
    assert 'src="assets/logo.svg"' in home and (site / "assets/logo.svg").is_file()
    contact = (site / "contact.html").read_text(encoding="utf-8")
    assert "Sanne de Vries" in contact and "Stichting De Linde" in contact
    css = (site / "assets/editie.css").read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #5a2d82" in css and "--md-accent-fg-color: #0b5d1e" in css
    form = pdf_text(site / "downloads/interview-start.pdf")
    assert "Stichting De Linde" in form and "versie 2027.2" in form and "CC BY-SA 4.0" in form
    assert "Playing-2-gether bij De Linde" in pdf_text(site / "downloads/complete-map.pdf")
    # nothing of the default edition is left anywhere
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "open editie" not in text.lower() and "voorbeeldschool" not in text, page
    for pdf in (site / "downloads").glob("*.pdf"):
        assert "open editie" not in pdf_text(pdf).lower(), pdf


@pytest.mark.parametrize("kind, ident, target", [
    ("instrument", "mijn-formulier", "instruments/mijn-formulier.yml"),
    ("vaardigheid", "samen-lachen", "content/vaardigheden/samen-lachen.yml"),
    ("skill", "samen-zingen", "content/vaardigheden/samen-zingen.yml"),
    ("context", "moestuin", "content/contexten/moestuin.yml"),
])
def test_new_writes_a_valid_commented_file(minimal, kind, ident, target):
    run = subprocess.run([sys.executable, "-m", "site_build.cli", "--map", str(minimal), "new", kind, ident],
                         capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 0, run.stderr
    text = (minimal / target).read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert "# Korte naam, gelijk aan de bestandsnaam" in text and "# Waar dit vandaan komt" in text
    content = load_content(minimal)  # valid as written
    assert ident in {i.id for i in content.instrumenten + content.vaardigheden + content.contexten}
    again = subprocess.run([sys.executable, "-m", "site_build.cli", "--map", str(minimal), "new", kind, ident],
                           capture_output=True, text=True, cwd=REPO)
    assert again.returncode == 1 and "bestaat al" in again.stderr
    assert (minimal / target).read_text(encoding="utf-8") == text


def test_new_word_is_appended_once(minimal):
    cmd = [sys.executable, "-m", "site_build.cli", "--map", str(minimal), "new", "woord", "verbonden",
           "--waarde", "positief", "--uitleg", "Jullie voelen je met elkaar verbonden."]
    assert subprocess.run(cmd, capture_output=True, text=True, cwd=REPO).returncode == 0
    words = load_content(minimal).woorden.woorden
    assert (words[-1].woord, words[-1].waarde, words[-1].bron) == ("verbonden", "positief", "toevoeging")
    second = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO)
    assert second.returncode == 1 and "staat al" in second.stderr
    assert len(load_content(minimal).woorden.woorden) == len(words)


@pytest.mark.build
def test_trainer_build_has_facilitator_notes_and_draaiboek(minimal):
    public = build(minimal).site
    trainer = build(minimal, TRAINER).site
    assert trainer.name == "site-trainer" and public.name == "site"
    assert "Begin op tijd" in (trainer / "plg/c1-b1.html").read_text(encoding="utf-8")
    assert "Begin op tijd" not in (public / "plg/c1-b1.html").read_text(encoding="utf-8")
    draaiboek = trainer / "downloads/draaiboek-cyclus-1.pdf"
    text = pdf_text(draaiboek)
    assert "Draaiboek Cyclus 1" in text and "Bijeenkomst 1.1: Start" in text and "Begin op tijd" in text
    assert not list((public / "downloads").glob("draaiboek-*"))
    assert 'href="../downloads/draaiboek-cyclus-1.pdf"' in (trainer / "plg/cyclus-1.html").read_text(encoding="utf-8")


def test_year_planning_skips_holidays(real_site, tmp_path):
    project, site, content = real_site
    holidays = tmp_path / "vakanties.yml"
    holidays.write_text("vakanties:\n  - naam: Herfstvakantie\n    van: 2027-10-16\n    tot: 2027-10-24\n"
                        "  - naam: Kerstvakantie\n    van: 2027-12-18\n    tot: 2028-01-02\n", encoding="utf-8")
    loaded = load_holidays(holidays)
    moments = make_plan(content, date(2027, 9, 6), loaded)
    meetings = [mo for mo in moments if mo.soort == "bijeenkomst"]
    assert len(meetings) == sum(len(c.bijeenkomsten) for c in content.plg.cycli) == 10
    assert meetings[0].datum == date(2027, 9, 6)
    for mo in moments:
        if mo.soort != "vakantie":
            assert not any(van <= mo.datum <= tot for _, van, tot in loaded), mo
    assert {mo.titel for mo in moments if mo.soort == "vakantie"} == {"Herfstvakantie", "Kerstvakantie"}
    assert all(mo.datum.weekday() == 0 for mo in meetings)
    span = meetings[4].datum - meetings[0].datum
    assert timedelta(weeks=16) <= span <= timedelta(weeks=20)  # about four months per cycle
    assert sum(1 for mo in moments if mo.titel == "Film een sessie") == 6
    calendar = ics(moments, content.editie.organisatie, "https://p2g.example/", content.labels())
    lines = calendar.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR"
    assert calendar.count("BEGIN:VEVENT") == calendar.count("END:VEVENT") == len(moments) - 2
    assert calendar.count("CATEGORIES:BIJEENKOMST") == 10
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert "DTSTART;VALUE=DATE:20270906" in calendar


@pytest.mark.build
def test_plan_command_writes_pdf_and_ics(tmp_path):
    out = tmp_path / "planning"
    run = subprocess.run([sys.executable, "-m", "site_build.cli", "plan", "--start", "2027-09-06", "--vakanties",
                          str(REPO / "voorbeelden/vakanties.yml"), "--uit", str(out)],
                         capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 0, run.stderr
    reader = PdfReader(out / "jaarplanning.pdf")
    assert round(float(reader.pages[0].mediabox.width)) == 595
    text = pdf_text(out / "jaarplanning.pdf")
    assert "Jaarplanning 2027-2028" in text and "Herfstvakantie" in text and "Bijeenkomst 2.5" in text
    assert (out / "jaarplanning.ics").read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")


def test_holiday_file_errors_name_the_line(tmp_path):
    path = tmp_path / "vakanties.yml"
    path.write_text("vakanties:\n  - naam: Herfst\n    van: 16-10-2027\n    tot: 2027-10-24\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_holidays(path)
    assert [str(p) for p in caught.value.problems] == [
        "vakanties.yml:3:10: 'van' moet een datum zijn als '2027-10-16' (jaar-maand-dag); kreeg de tekst '16-10-2027'"]


def test_licences_and_citation():
    assert "MIT License" in (REPO / "LICENSE").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in (REPO / "LICENSE-inhoud.md").read_text(encoding="utf-8")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "MIT" in readme and "CC BY-SA 4.0" in readme
    citation = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["cff-version"] == "1.2.0" and citation["title"] and citation["version"]
    assert any("40.5.20630.106" in str(ref) for ref in citation.get("references", []))


@pytest.mark.build
def test_fork_simulation(tmp_path):
    files = subprocess.run(["git", "ls-files"], capture_output=True, text=True, cwd=REPO, check=True).stdout.split()
    fork = tmp_path / "fork"
    for rel in files:
        target = fork / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / rel, target)
    set_edition(fork)
    instrument = fork / "instruments/oefening-relatie-typeren.yml"
    text = instrument.read_text(encoding="utf-8")
    question = yaml.safe_load(text)["secties"][0]["vragen"][0]["tekst"]
    changed = "Welke drie woorden passen bij jullie band, denk je?"
    instrument.write_text(text.replace(question, changed, 1) if question in text else text, encoding="utf-8")
    assert changed in instrument.read_text(encoding="utf-8"), "vraag niet gevonden in de YAML-tekst"
    run = subprocess.run([sys.executable, "-m", "site_build.cli", "build"], capture_output=True, text=True, cwd=fork)
    assert run.returncode == 0, run.stderr
    page = (fork / "site/instrumenten/oefening-relatie-typeren.html").read_text(encoding="utf-8")
    assert changed in page and "Stichting De Linde" in page
    assert changed in " ".join(pdf_text(fork / "site/downloads/oefening-relatie-typeren.pdf").split())
