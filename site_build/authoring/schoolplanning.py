"""The school's own year planning from content/planning.yml: read and checked like all content (Dutch errors
with file:line), and built with the site as downloads/jaarplanning.pdf and downloads/jaarplanning.ics, so a
trainer who edits that one file in the browser gets the planning onto the published site (no terminal)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from site_build.content import models as m
from site_build.core.problems import Problem

if TYPE_CHECKING:
    from site_build.authoring.plan import Moment
    from site_build.content.validate import Content

PLANNING_FILE = "content/planning.yml"
PDF, ICS = "jaarplanning.pdf", "jaarplanning.ics"


@dataclass(frozen=True)
class SchoolPlanning:
    titel: str
    start: date
    vakanties: list[tuple[str, date, date]]


def load_planning(root: Path, problems: list[Problem]) -> SchoolPlanning | None:
    """The planning if content/planning.yml exists and is valid; its problems are added to ``problems``."""
    from site_build.content.load import load_yaml
    from site_build.content.validate import parse

    path = Path(root) / PLANNING_FILE
    if not path.is_file():
        return None
    before = len(problems)
    loaded = load_yaml(path, PLANNING_FILE, problems)
    data = parse(loaded, m.Planning, problems) if loaded is not None else None
    if data is None:
        return None
    vakanties = []
    for i, v in enumerate(data.vakanties):
        van, tot = date.fromisoformat(v.van), date.fromisoformat(v.tot)
        if tot < van:
            line, col = loaded.where(("vakanties", i, "tot"))
            problems.append(Problem(PLANNING_FILE, line, col,
                                    f"'tot' ({v.tot}) ligt voor 'van' ({v.van}); draai ze om"))
        vakanties.append((v.naam, van, tot))
    start = date.fromisoformat(data.start)
    for naam, van, tot in vakanties:
        if van <= start <= tot:
            line, col = loaded.where(("start",))
            problems.append(Problem(PLANNING_FILE, line, col,
                                    f"de eerste bijeenkomst ({data.start}) valt in de {naam}; kies een datum buiten "
                                    "de vakanties"))
    if len(problems) > before:
        return None
    return SchoolPlanning(data.titel, start, vakanties)


def moments(content: "Content") -> list["Moment"]:
    from site_build.authoring.plan import make_plan

    p = content.planning
    return make_plan(content, p.start, p.vakanties) if p else []


def pdf_html(content: "Content", env) -> str:
    """The planning's print HTML (the same template as `p2g plan`)."""
    from site_build.authoring.plan import datum_nl

    p = content.planning
    end_year = p.start.year + 1 if p.start.month >= 8 else p.start.year
    return env.get_template("print/plan.html.j2").render(
        c=content, editie=content.editie, momenten=moments(content), start=p.start,
        schooljaar=f"{end_year - 1}-{end_year}", datum=datum_nl, titel=p.titel)


def ics_text(content: "Content") -> str:
    from site_build.authoring.plan import ics

    return ics(moments(content), content.editie.organisatie, content.editie.url)
