"""The glossary: one name per thing (content/termen.yml), with the variants the site must not use."""

from __future__ import annotations

from pydantic import Field

from site_build.content.bron import Model, Tekst


class Term(Model):
    term: Tekst = Field(description="De naam die de site overal gebruikt, bijvoorbeeld 'contactinitiatief'.")
    uitleg: Tekst = Field(description="Wat het is, in één of twee zinnen (B1).")
    niet: list[Tekst] = Field(default_factory=list, description="Andere namen voor hetzelfde die de site niet gebruikt "
                                                                 "(een test controleert dat ze nergens staan, behalve in letterlijke citaten).")


class Termen(Model):
    """content/termen.yml: the glossary of the site's terms."""

    termen: list[Term] = Field(min_length=1, description="De termen, elk met één naam.")
