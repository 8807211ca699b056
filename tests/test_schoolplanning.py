"""The school's year planning from content/planning.yml: built with the site (PDF and .ics), no meeting in a
school holiday, and bad input reported in Dutch with its place."""

from __future__ import annotations

import re
from datetime import date

import pytest
import yaml
from pypdf import PdfReader

from site_build.content.validate import load_content
from site_build.core.problems import ContentError
from site_build.printing.products import planned


def meetings_in_ics(text: str) -> list[tuple[date, str]]:
    found = []
    for event in text.split("BEGIN:VEVENT")[1:]:
        unfolded = event.replace("\r\n ", "")
        if "CATEGORIES:BIJEENKOMST" in unfolded:
            day = re.search(r"DTSTART;VALUE=DATE:(\d{8})", unfolded).group(1)
            summary = re.search(r"SUMMARY:(.*)", unfolded).group(1).strip()
            found.append((date(int(day[:4]), int(day[4:6]), int(day[6:])), summary))
    return found


def test_the_example_planning_has_no_meeting_in_a_holiday(real_site):
    project, site, content = real_site
    data = yaml.safe_load((project / "content" / "planning.yml").read_text(encoding="utf-8"))
    holidays = [(v["naam"], v["van"], v["tot"]) for v in data["vakanties"]]
    assert holidays, "het voorbeeld heeft vakanties, anders toont het niets"
    meetings = meetings_in_ics((site / "downloads" / "jaarplanning.ics").read_text(encoding="utf-8"))
    expected = sum(len(c.bijeenkomsten) for c in content.plg.cycli)
    assert len(meetings) == expected
    assert meetings[0][0] == data["start"]
    assert [d for d, _ in meetings] == sorted(d for d, _ in meetings)
    for day, summary in meetings:
        for naam, van, tot in holidays:
            assert not (van <= day <= tot), f"{summary} op {day} valt in de {naam}"
    # the holidays the meetings jump over are in the planning too
    pdf = " ".join(page.extract_text() for page in PdfReader(site / "downloads" / "jaarplanning.pdf").pages)
    assert data["titel"] in pdf
    skipped = [naam for naam, van, tot in holidays if meetings[0][0] <= van <= meetings[-1][0]]
    assert skipped and all(naam in pdf for naam in skipped)
    # and on the site: the page shows the meetings and links the PDF and the calendar file
    page = (site / "trainers" / "jaarplanning.html").read_text(encoding="utf-8")
    assert data["titel"] in page and 'href="../downloads/jaarplanning.pdf"' in page
    assert 'href="../downloads/jaarplanning.ics"' in page
    assert page.count("Bijeenkomst ") >= expected


def test_without_a_planning_file_the_site_shows_an_example(real):
    (real / "content" / "planning.yml").unlink()
    content = load_content(real)
    assert content.planning is None
    assert "jaarplanning.pdf" not in {d.name for d in planned(content)}


@pytest.mark.parametrize("change, where, words", [
    (lambda d: d.update(start="14-9-2026"), "start", "2026-09-14"),
    (lambda d: d.update(start="2026-10-19"), "start", "Herfstvakantie"),
    (lambda d: d["vakanties"][0].update(tot="2026-10-01"), "tot", "draai ze om"),
])
def test_a_bad_planning_file_is_reported_with_its_place(real, change, where, words):
    path = real / "content" / "planning.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in data.items()}
    data["vakanties"] = [{k: (v.isoformat() if isinstance(v, date) else v) for k, v in h.items()}
                         for h in data["vakanties"]]
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if text.strip().startswith(f"{where}:") and (where != "tot" or "2026-10-01" in text))
    with pytest.raises(ContentError) as error:
        load_content(real)
    messages = [str(p) for p in error.value.problems]
    assert any(m.startswith(f"content/planning.yml:{line}:") and words in m for m in messages), messages
