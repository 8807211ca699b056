"""Small shared types: the id of an item and a link to a page of the site. In a module of their own so that both
models.py and practice.py (which models.py imports at its end) can use them without a circular import."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from site_build.content.bron import Model, Tekst

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]


class Link(Model):
    tekst: Tekst = Field(description="Tekst van de link.")
    pagina: Annotated[str, StringConstraints(pattern=r"^[a-z0-9/_.-]+\.md(#[a-z0-9-]+)?$")] = Field(
        description="Pagina waar de link heen gaat, als pad van de gegenereerde site, bijvoorbeeld "
                    "'vaardigheden/observeren.md'.")
