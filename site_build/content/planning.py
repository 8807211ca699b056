"""The school's year planning as content: content/planning.yml read and checked like every content file (Dutch
errors with file:line). What is made from it (the meetings' dates, the PDF, the calendar) is authoring's work."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from site_build.content import models as m
from site_build.content.errors import parse
from site_build.content.load import load_yaml
from site_build.core.problems import Problem

PLANNING_FILE = "content/planning.yml"


@dataclass(frozen=True)
class SchoolPlanning:
    titel: str
    start: date
    vakanties: list[tuple[str, date, date]]


def load_planning(root: Path, problems: list[Problem]) -> SchoolPlanning | None:
    """The planning if content/planning.yml exists and is valid; its problems are added to ``problems``."""
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
