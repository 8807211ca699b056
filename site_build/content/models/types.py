"""Shared field types of the content models: colours, addresses, files, roles, and the quoted, exemplified and
filmed statements (citations, examples, videos) that several kinds carry."""

from __future__ import annotations

from typing import Annotated, Literal, Optional

from pydantic import Field, StringConstraints

from site_build.content.bron import Herkomst, Tekst

Kleur = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]

# Only http(s) addresses, and only characters that need no escaping anywhere (no quotes, spaces, '<', '\\').
_URL_TEKEN = r"[A-Za-z0-9._~!$&+,;=:@%/-]"
Url = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000,
                                       pattern=rf"^https?://[A-Za-z0-9.-]+(:[0-9]{{1,5}})?(/{_URL_TEKEN}*)?"
                                               rf"(\?{_URL_TEKEN}*)?(#{_URL_TEKEN}*)?$"),
                Field(json_schema_extra={"format": "uri"})]
"""A web address starting with https:// (or http://)."""

# A file inside content/: plain names only, so it can never point outside the project or carry markup.
Pad = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\.(svg|png)$"),
                Field(json_schema_extra={"format": "pad"})]

Rol = Literal["leerkracht", "inbrenger", "meekijkers", "interviewer", "geinterviewde",
              "procesbegeleider", "kartrekker", "allen", "ouders", "directie"]

# how a reader sees a role: 'rollen' in the label catalogue (macros/labels/<taal>.yml)


class Citaat(Herkomst):
    tekst: Tekst = Field(description="Het citaat, letterlijk uit het rapport (zonder aanhalingstekens).")
    betekent: Optional[Tekst] = Field(None, description="Wat het citaat zegt in gewone woorden, als het citaat "
                                      "moeilijke woorden heeft (komt op de site als 'Dat betekent: ...'). Dit is "
                                      "een uitleg van deze site, geen citaat.")


class Voorbeeld(Herkomst):
    situatie: Tekst = Field(description="Korte beschrijving van de situatie in het spel.")
    woorden: list[Tekst] = Field(default_factory=list, description="Wat de leerkracht zegt (letterlijk, zonder aanhalingstekens).")
    doen: Optional[Tekst] = Field(None, description="Wat de leerkracht doet (handelen, houding, blik).")


Https = Annotated[str, StringConstraints(pattern=r"^https://[^\s<>\"']+$")]


class Video(Herkomst):
    """A public example clip the report used: a plain external link, never embedded."""

    titel: Tekst = Field(description="Linktekst, bijvoorbeeld 'Voorbeeldfilmpjes van de vaardigheden'.")
    url: Https = Field(description="Webadres (https://...). De site toont alleen een link, geen speler.")
    uitleg: Optional[Tekst] = Field(None, description="Wat je er ziet en waar je op let (mag leeg).")
