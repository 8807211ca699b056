"""Models of the instruments (instruments/<id>.yml): interviews, protocols, forms and letters, with their
sections, questions and answer space on paper."""

from __future__ import annotations

from typing import Annotated, Literal, Optional

from pydantic import Field, StringConstraints, model_validator

from site_build.content.bron import Bewering, Herkomst, Model, Opmaak, Tekst, beweringen
from site_build.content.ids import Id, InstrumentId, SkillId, Unique, UniqueId
from site_build.content.models.types import Rol

# --- instruments -------------------------------------------------------------------------------

class Antwoord(Model):
    vorm: Literal["lijnen", "vak", "woorden", "schaal", "ja-nee", "geen"] = Field(
        "lijnen", description="Soort antwoordruimte op papier: 'lijnen' (schrijflijnen), 'vak' (open vak), "
                              "'woorden' (een paar korte regels), 'schaal' (aankruisen), 'ja-nee' of 'geen'.")
    regels: int = Field(4, ge=1, le=40, description="Hoeveel schrijfregels (bij 'lijnen' en 'vak') of woorden (bij 'woorden').")
    schaal: list[Tekst] = Field(default_factory=list, description="De keuzes bij vorm 'schaal', bijvoorbeeld ['1', '2', '3', '4', '5'].")

    @model_validator(mode="after")
    def _schaal(self) -> "Antwoord":
        if self.vorm == "schaal" and len(self.schaal) < 2:
            raise ValueError("bij vorm 'schaal' horen minstens twee keuzes in 'schaal'")
        if self.vorm != "schaal" and self.schaal:
            raise ValueError("'schaal' hoort alleen bij vorm 'schaal'; haal 'schaal' weg of zet vorm op 'schaal'")
        return self


class Vraag(Herkomst):
    id: Annotated[Id, Unique("vraag-id")] = Field(description="Unieke korte naam binnen dit instrument, bijvoorbeeld 'drie-woorden'. "
                               "Wordt ook de naam van het invulveld in de invulbare PDF.")
    tekst: Tekst = Field(description="De vraag, zoals in het rapport waar het rapport de vraag geeft.")
    wie: Optional[Rol] = Field(None, description="Wie deze vraag beantwoordt, als dat anders is dan bij de sectie.")
    optioneel: bool = Field(False, description="true als de vraag naar eigen inzicht gesteld kan worden.")
    toelichting: Optional[Bewering] = Field(None, description="Korte toelichting bij de vraag (met 'bron').")
    doorvragen: list[Bewering] = beweringen("Tips om door te vragen, bijvoorbeeld 'Waar merkte je dat aan?'.")
    voorbeelden: list[Bewering] = beweringen("Voorbeelden die bij de vraag helpen.")
    vaardigheden: list[SkillId] = Field(default_factory=list, description="Ids van vaardigheden waar deze vraag over gaat.")
    antwoord: Antwoord = Field(default_factory=Antwoord, description="Hoeveel ruimte er op papier is voor het antwoord.")


class Sectie(Model):
    id: Annotated[Id, Unique("sectie-id")] = Field(description="Unieke korte naam van de sectie binnen dit instrument, bijvoorbeeld 'kernvragen'.")
    titel: Optional[Tekst] = Field(None, description="Titel van de sectie (verplicht, behalve bij 'uit').")
    uit: Optional[Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+/[a-z0-9-]+$")]] = Field(
        None, description="Neem een sectie over uit een ander instrument, als 'instrument-id/sectie-id'. "
                          "Zo staat een vraag maar op één plek (bijvoorbeeld de kernvragen van het START- en SLOT-interview).")
    wie: Optional[Rol] = Field(None, description="Wie de vragen in deze sectie beantwoordt of uitvoert.")
    inleiding: list[Bewering] = beweringen("Tekst boven de vragen: één alinea per punt.")
    stappen: list[Bewering] = beweringen("Stappen die je in deze sectie doorloopt (bijvoorbeeld kijkrondes).")
    tips: list[Bewering] = beweringen("Tips voor wie de sectie leidt.")
    vragen: list[Vraag] = Field(default_factory=list, description="De vragen.")
    herhaal: int = Field(1, ge=1, le=12, description="Hoe vaak de sectie op papier herhaald wordt (bijvoorbeeld één keer per sessie).")

    @model_validator(mode="after")
    def _uit_of_inhoud(self) -> "Sectie":
        if self.uit:
            if self.vragen or self.stappen or self.tips or self.inleiding:
                raise ValueError("een sectie met 'uit' neemt alles over uit het andere instrument; "
                                 "haal 'vragen', 'stappen', 'tips' en 'inleiding' hier weg")
        elif not self.titel:
            raise ValueError("een sectie heeft een 'titel' nodig (of 'uit' om een sectie over te nemen)")
        return self


class Richtlijn(Herkomst):
    tekst: Opmaak = Field(description="De richtlijn.")


# the header fields' labels on a form: 'kopvelden' in the label catalogue
Kopveld = Literal["naam-leerkracht", "initialen-kind", "datum", "groep", "bijeenkomst",
                  "interviewer", "inbrenger", "school", "procesbegeleider"]

Soort = Literal["interview", "schriftelijke-reflectie", "intervisie", "plan", "oefening",
                "observatie", "leidraad", "monitoring", "brief"]


class Instrument(Herkomst):
    """instruments/<id>.yml: one instrument (interview, protocol, form, letter)."""

    id: UniqueId = Field(description="Korte naam, gelijk aan de bestandsnaam (bijvoorbeeld 'reflectie-interview-start').")
    titel: Tekst = Field(description="Titel van het instrument.")
    kort: Bewering = Field(description="Het doel in één zin, met 'bron'; staat onder de titel op de site en op het formulier.")
    soort: Soort = Field(description="Soort instrument: 'interview', 'schriftelijke-reflectie', 'intervisie', 'plan', "
                                     "'oefening', 'observatie', 'leidraad', 'monitoring' of 'brief'.")
    voor: list[Rol] = Field(min_length=1, description="Wie het instrument gebruikt, bijvoorbeeld ['interviewer', 'geinterviewde'].")
    duur: Optional[Tekst] = Field(None, description="Hoeveel tijd het kost, bijvoorbeeld 'ongeveer 30 minuten'.")
    variant_van: Optional[InstrumentId] = Field(None, description="Id van het instrument waarvan dit een (verkorte) variant is.")
    inleiding: list[Bewering] = beweringen("Inleiding: doel en opzet, voor wie het instrument afneemt; één alinea per punt.", 1)
    voorbereiding: list[Bewering] = beweringen("Wat je vooraf regelt.")
    richtlijnen: list[Richtlijn] = Field(default_factory=list, description="Richtlijnen voor wie het instrument afneemt.")
    richtlijnen_uit: Optional[InstrumentId] = Field(None, description="Neem de richtlijnen over uit een ander instrument (id).")
    kopvelden: list[Kopveld] = Field(
        default_factory=lambda: ["naam-leerkracht", "initialen-kind", "datum", "groep", "bijeenkomst"],
        description="Invulvelden bovenaan het formulier. Noteer van het kind alleen de initialen, nooit de volledige naam.")
    secties: list[Sectie] = Field(min_length=1, description="De secties met vragen, stappen en tips.")
    afsluiting: list[Bewering] = beweringen("Tekst na de laatste sectie.")
    vaardigheden: list[SkillId] = Field(default_factory=list, description="Ids van de vaardigheden waar dit instrument mee werkt.")
    gebruikt: list[Literal["relatiewoorden"]] = Field(
        default_factory=list, description="Wat bij dit instrument op papier klaar moet liggen, zodat het mee in het printpakket "
                                          "van elke bijeenkomst met dit instrument komt: 'relatiewoorden' (de lijst met "
                                          "relatiewoorden op A4).")
