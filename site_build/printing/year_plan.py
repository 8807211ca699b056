"""The year planning on paper: `p2g plan` writes the planning of a chosen start date as a PDF and an .ics file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from site_build.authoring.plan import datum, ics, make_plan
from site_build.content.collection import Content
from site_build.printing.render import PrintRenderer


def write_plan(content: Content, start: date, holidays: list[tuple[str, date, date]], out: Path) -> list[Path]:
    """The planning as a printable PDF and an .ics calendar file in ``out``."""
    moments = make_plan(content, start, holidays)
    renderer = PrintRenderer(content)
    end_year = start.year + 1 if start.month >= 8 else start.year
    schooljaar = f"{end_year - 1}-{end_year}"
    html = renderer.env.get_template("print/plan.html.j2").render(
        c=content, editie=content.editie, momenten=moments, start=start, schooljaar=schooljaar,
        datum=lambda day: datum(day, renderer.labels))
    out.mkdir(parents=True, exist_ok=True)
    pdf = out / "jaarplanning.pdf"
    pdf.write_bytes(renderer.pdf_bytes(html))
    cal = out / "jaarplanning.ics"
    cal.write_text(ics(moments, content.editie.organisatie, content.editie.url, renderer.labels), encoding="utf-8",
                   newline="")
    return [pdf, cal]
