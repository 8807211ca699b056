"""Year planning for the kartrekker: two cycles of meetings spread over the school year, with the practice in
between, skipping school holidays; as a table for print and the site, and as an .ics calendar file."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from site_build.content import models as m
from site_build.content.load import load_yaml
from site_build.content.validate import Content, parse
from site_build.core.labels import Labels
from site_build.core.problems import ContentError, Problem

WEEKS_BETWEEN_MEETINGS = 4   # five meetings in about four months (report §2.4)
WEEKS_BETWEEN_CYCLES = 3     # time for the interim analysis between the cycles (§2.4)


@dataclass(frozen=True)
class Moment:
    datum: date
    soort: str           # 'bijeenkomst', 'taak', 'vakantie'
    titel: str
    uitleg: str = ""
    pagina: str = ""     # site page of a meeting


def load_holidays(path: Path) -> list[tuple[str, date, date]]:
    """Read a holidays file; errors are reported like every other content error (file:line:col)."""
    problems: list[Problem] = []
    rel = path.name
    loaded = load_yaml(path, rel, problems)
    if loaded is None:
        raise ContentError(problems)
    data = parse(loaded, m.Vakanties, problems)
    if data is None:
        raise ContentError(problems)
    result = []
    for i, v in enumerate(data.vakanties):
        try:
            van, tot = date.fromisoformat(v.van), date.fromisoformat(v.tot)
        except ValueError:  # the pattern lets '2027-02-30' through: a date that does not exist
            for key in ("van", "tot"):
                try:
                    date.fromisoformat(getattr(v, key))
                except ValueError:
                    line, col = loaded.where(("vakanties", i, key))
                    problems.append(Problem(rel, line, col, f"'{key}' ({getattr(v, key)}) is geen bestaande datum; "
                                                            f"controleer de dag en de maand"))
            continue
        if tot < van:
            line, col = loaded.where(("vakanties", i, "tot"))
            problems.append(Problem(rel, line, col, f"'tot' ({v.tot}) ligt voor 'van' ({v.van}); draai ze om"))
        result.append((v.naam, van, tot))
    if problems:
        raise ContentError(problems)
    return result


def _in_holiday(day: date, holidays: list[tuple[str, date, date]]) -> str | None:
    for name, van, tot in holidays:
        if van <= day <= tot:
            return name
    return None


def school_weeks(start: date, holidays: list[tuple[str, date, date]], count: int,
                 skipped_text: str = "") -> tuple[list[date], list[Moment]]:
    """The meeting day of the first ``count`` school weeks from ``start`` (same weekday), and the holidays skipped."""
    days, skipped, day, seen = [], [], start, set()
    while len(days) < count:
        name = _in_holiday(day, holidays)
        if name:
            if name not in seen:
                seen.add(name)
                skipped.append(Moment(day, "vakantie", name, skipped_text))
        else:
            days.append(day)
        day += timedelta(days=7)
    return days, skipped


def make_plan(content: Content, start: date, holidays: list[tuple[str, date, date]]) -> list[Moment]:
    from site_build.content.pages import meeting_page

    w = content.labels().section("planning")
    ritme = content.plg.ritme
    cycles = content.plg.cycli
    weeks_needed = sum((len(c.bijeenkomsten) - 1) * WEEKS_BETWEEN_MEETINGS + 1 for c in cycles) \
        + WEEKS_BETWEEN_CYCLES * (len(cycles) - 1) + 1
    days, moments = school_weeks(start, holidays, weeks_needed, w["vakantie"])
    index = 0
    for cyclus in cycles:
        for n, b in enumerate(cyclus.bijeenkomsten):
            day = days[index]
            titel = w["bijeenkomst"].format(nummer=f"{cyclus.nummer}.{b.nummer}", titel=b.titel)
            moments.append(Moment(day, "bijeenkomst", titel, b.kort.tekst, meeting_page(b.id)))
            if n == 0:
                moments.append(Moment(day + timedelta(days=1), "taak", w["doelkind_kiezen"], w["doelkind_kiezen_uitleg"]))
            last = n == len(cyclus.bijeenkomsten) - 1
            if not last:
                following = days[index + 1: index + WEEKS_BETWEEN_MEETINGS]
                if n >= 1:  # the sessions start after the second meeting (Tabel 2)
                    for week in following:
                        moments.append(Moment(week, "taak", w["spelen"],
                                              w["spelen_uitleg"].format(per_week=ritme.per_week, sessieduur=ritme.sessieduur)))
                    if n + 1 >= 2 and following:
                        moments.append(Moment(following[-1] + timedelta(days=2), "taak", w["filmen"], w["filmen_uitleg"]))
                index += WEEKS_BETWEEN_MEETINGS
            else:
                moments.append(Moment(day + timedelta(days=1), "taak", w["nameting"], w["nameting_uitleg"]))
                index += WEEKS_BETWEEN_CYCLES + 1
    return sorted(moments, key=lambda mo: (mo.datum, mo.soort != "vakantie", mo.soort != "bijeenkomst", mo.titel))


# --- calendar file --------------------------------------------------------------------------------

def _escape(text: str) -> str:
    """An iCalendar TEXT value: every line break as \\n, other control characters left out (RFC 5545 3.3.11
    allows none), so no value can start a property or an event of its own."""
    import re

    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = re.sub(r"[\x00-\x08\x0b-\x1f\x7f\x85]", "", text)
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """RFC 5545: lines longer than 75 octets continue on the next line after a space."""
    data = line.encode("utf-8")
    parts, current = [], b""
    for ch in line:
        encoded = ch.encode("utf-8")
        if len(current) + len(encoded) > (75 if not parts else 74):
            parts.append(current)
            current = b""
        current += encoded
    parts.append(current)
    return "\r\n ".join(p.decode("utf-8") for p in parts) if len(data) > 75 else line


def ics(moments: list[Moment], organisatie: str, site_url: str | None, labels: Labels) -> str:
    """The calendar file; ``labels`` name it in the edition's language."""
    stamp = "20260101T000000Z"
    naam = _escape(labels.text("planning.agenda_naam"))
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0",
             f"PRODID:-//{_escape(organisatie)}//{naam}//{labels.text('taal.code').upper()}",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH", f"X-WR-CALNAME:{naam}"]
    for mo in moments:
        if mo.soort == "vakantie":
            continue
        uid = hashlib.sha256(f"{mo.datum}{mo.titel}".encode()).hexdigest()[:24]
        end = mo.datum + timedelta(days=1)
        description = mo.uitleg + (f"\n{site_url.rstrip('/')}/{mo.pagina.replace('.md', '.html')}" if site_url and mo.pagina else "")
        lines += ["BEGIN:VEVENT", f"UID:{uid}@playing-2-gether", f"DTSTAMP:{stamp}",
                  f"DTSTART;VALUE=DATE:{mo.datum:%Y%m%d}", f"DTEND;VALUE=DATE:{end:%Y%m%d}",
                  f"SUMMARY:{_escape(mo.titel)}", f"DESCRIPTION:{_escape(description)}",
                  f"CATEGORIES:{'BIJEENKOMST' if mo.soort == 'bijeenkomst' else 'TAAK'}",
                  "TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def school_year(start: date) -> str:
    """The school year a planning starting on ``start`` belongs to, as '2027-2028' (from August on: the next)."""
    end_year = start.year + 1 if start.month >= 8 else start.year
    return f"{end_year - 1}-{end_year}"


def first_monday_of_september(schooljaar: str) -> date:
    year = int(schooljaar[:4])
    day = date(year, 9, 1)
    return day + timedelta(days=(7 - day.weekday()) % 7)


def datum(day: date, labels: Labels) -> str:
    """A date as readers of the language write it ('ma 7 sep 2026'): the catalogue's 'datum' section."""
    return labels.text("datum.formaat").format(dag=labels.datum.dagen[day.weekday()], d=day.day,
                                                maand=labels.datum.maanden[day.month - 1], jaar=day.year)

