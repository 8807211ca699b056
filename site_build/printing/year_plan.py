"""The year planning on paper: `p2g plan` writes the planning of a chosen start date as a PDF and an .ics file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from site_build.authoring.plan import datum, ics, make_plan, school_year
from site_build.authoring.schoolplanning import ICS, PDF
from site_build.content.collection import Content
from site_build.printing.render import PrintRenderer


def write_plan(content: Content, start: date, holidays: list[tuple[str, date, date]], out: Path) -> list[Path]:
    """The planning as a printable PDF and an .ics calendar file in ``out``."""
    moments = make_plan(content, start, holidays)
    renderer = PrintRenderer(content)
    html = renderer.env.get_template("print/plan.html.j2").render(
        c=content, editie=content.editie, momenten=moments, start=start, schooljaar=school_year(start),
        datum=lambda day: datum(day, renderer.labels))
    out.mkdir(parents=True, exist_ok=True)
    pdf = out / PDF
    pdf.write_bytes(renderer.pdf_bytes(html))
    cal = out / ICS
    cal.write_text(ics(moments, content.editie.organisatie, content.editie.url, renderer.labels), encoding="utf-8",
                   newline="")
    return [pdf, cal]
