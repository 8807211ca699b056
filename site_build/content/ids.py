"""Small shared types: the id of an item, a link to a page of the site, and the markers a model field carries to
say what it refers to (``Ref``) or that its value is unique (``Unique``). One generic checker (content/references.py)
walks every field of every kind for these markers, so a new field with a marker is checked without new code.
In a module of their own so that the models and practice.py can use them without a circular import."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from pydantic import Field, StringConstraints

from site_build.content.bron import Model, Tekst

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]


@dataclass(frozen=True)
class Ref:
    """The value is the id of an item of another kind, named by its item name in content/kinds.py ('vaardigheid')."""

    kind: str


@dataclass(frozen=True)
class Unique:
    """The value occurs once: within its file, or for the top-level id of a folder kind, within all files of that
    kind. ``label`` names it in the Dutch message ('sectie-id'); ``fold`` compares without case ('Fijn' = 'fijn')."""

    label: str = "id"
    fold: bool = False


SkillId = Annotated[Id, Ref("vaardigheid")]
InstrumentId = Annotated[Id, Ref("instrument")]
UniqueId = Annotated[Id, Unique()]


class Link(Model):
    tekst: Tekst = Field(description="Tekst van de link.")
    pagina: Annotated[str, StringConstraints(pattern=r"^[a-z0-9/_.-]+\.md(#[a-z0-9-]+)?$")] = Field(
        description="Pagina waar de link heen gaat, als pad van de gegenereerde site, bijvoorbeeld "
                    "'vaardigheden/observeren.md'.")
