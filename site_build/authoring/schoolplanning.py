"""The school's own year planning from content/planning.yml: read and checked like all content (Dutch errors
with file:line), and built with the site as downloads/jaarplanning.pdf and downloads/jaarplanning.ics, so a
trainer who edits that one file in the browser gets the planning onto the published site (no terminal)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from site_build.authoring.plan import Moment
    from site_build.content.collection import Content

PDF, ICS = "jaarplanning.pdf", "jaarplanning.ics"


def moments(content: "Content") -> list["Moment"]:
    from site_build.authoring.plan import make_plan

    p = content.planning
    return make_plan(content, p.start, p.vakanties) if p else []


def ics_text(content: "Content") -> str:
    from site_build.authoring.plan import ics

    return ics(moments(content), content.editie.organisatie, content.editie.url, content.labels())
