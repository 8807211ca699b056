"""Models of the PLG trajectory (content/plg.yml): cycles, meetings, roles and rhythm."""

from __future__ import annotations

from typing import Annotated, Optional

from pydantic import Field

from site_build.content.bron import Bewering, Herkomst, Model, Opmaak, Tekst, beweringen
from site_build.content.ids import Id, InstrumentId, SkillId, Unique
from site_build.content.models.types import Video
from site_build.content.practice import Uitvoering

# --- the PLG trajectory -----------------------------------------------------------------------

class Blok(Model):
    titel: Tekst = Field(description="Kopje.")
    tekst: list[Bewering] = beweringen("De tekst: één alinea per punt.", 1)


class TrainerDeel(Model):
    """Facilitator notes: left out of the public site, only in the trainer edition."""

    let_op: list[Bewering] = beweringen("Waar de begeleider op let.")
    expert_modelt: list[Bewering] = beweringen("Wat de expert voordoet.")
    kartrekker: list[Bewering] = beweringen("Gespreksonderwerpen voor de kartrekker.")
    opbrengsten: list[Bewering] = beweringen("Hoe je de opbrengsten in beeld brengt voor de leerkrachten.")


class Bijeenkomst(Model):
    id: Annotated[Id, Unique("bijeenkomst-id")] = Field(description="Unieke korte naam, bijvoorbeeld 'c1-b2'.")
    nummer: int = Field(ge=1, le=20, description="Nummer van de bijeenkomst binnen de cyclus.")
    titel: Tekst = Field(description="Titel van de bijeenkomst.")
    kort: Bewering = Field(description="Waar de bijeenkomst om draait, in één zin (met 'bron').")
    onderdelen: list[Bewering] = beweringen("Wat er in de bijeenkomst gebeurt.", 1)
    instrumenten: list[InstrumentId] = Field(default_factory=list, description="Ids van de instrumenten die in deze bijeenkomst gebruikt worden; "
                                                                     "zij komen samen in het printpakket van de bijeenkomst.")
    vaardigheden: list[SkillId] = Field(default_factory=list, description="Ids van de vaardigheden die in deze bijeenkomst aan bod komen.")
    videos: list[Video] = Field(default_factory=list, description="Openbare voorbeeldfilmpjes om samen te bekijken (alleen een link).")
    in_de_praktijk: list[Bewering] = beweringen("Wat leerkrachten doen tot de volgende bijeenkomst.")
    trainer: Optional[TrainerDeel] = Field(None, description="Aanwijzingen voor de begeleider; alleen in de trainerseditie.")
    uitvoering: Optional[Uitvoering] = Field(None, description="Hoe de bijeenkomst verloopt: doelen, agenda, wat je "
                                                                 "print en meeneemt. Openbaar: staat op de site en in het printpakket.")


class Variant(Herkomst):
    id: Id = Field(description="Korte naam van de variant.")
    naam: Tekst = Field(description="Naam, bijvoorbeeld 'PLG 1: zoals cyclus 1, de kartrekker neemt het over'.")
    uitleg: Opmaak = Field(description="Hoe deze PLG cyclus 2 invulde.")


class Cyclus(Model):
    id: Annotated[Id, Unique("cyclus-id")] = Field(description="Korte naam van de cyclus, bijvoorbeeld 'cyclus-1'.")
    nummer: int = Field(ge=1, le=9, description="Nummer van de cyclus.")
    titel: Tekst = Field(description="Titel van de cyclus.")
    duur: Tekst = Field(description="Hoe lang de cyclus duurt, bijvoorbeeld 'ongeveer vier maanden'.")
    inleiding: list[Bewering] = beweringen("Inleiding op de cyclus: één alinea per punt.", 1)
    bijeenkomsten: list[Bijeenkomst] = Field(default_factory=list, description="De bijeenkomsten, in volgorde.")
    varianten: list[Variant] = Field(default_factory=list, description="Varianten die PLG's kozen (vooral in cyclus 2).")


class PlgRol(Model):
    id: Annotated[Id, Unique("rol-id")] = Field(description="Korte naam van de rol, bijvoorbeeld 'kartrekker'.")
    naam: Tekst = Field(description="Naam van de rol.")
    wie: Bewering = Field(description="Wie deze rol vervult (met 'bron').")
    taken: list[Bewering] = beweringen("Wat deze rol doet.", 1)
    kan_worden_vervuld_door: list[Bewering] = beweringen("Wie deze rol (na training) kan vervullen.")


class Ritme(Herkomst):
    sessieduur: Tekst = Field(description="Duur van een sessie met het doelkind, bijvoorbeeld '5 tot 10 minuten'.")
    per_week: Tekst = Field(description="Hoe vaak per week, bijvoorbeeld '2 tot 3 keer'.")
    effect_na: Tekst = Field(description="Na hoeveel tijd leerkrachten effect merken.")
    cyclusduur: Tekst = Field(description="Duur van een cyclus van vijf bijeenkomsten.")


class Traject(Model):
    """content/plg.yml: the professional learning community trajectory."""

    inleiding: list[Bewering] = beweringen("Wat een PLG is en waarom samen leren: één alinea per punt.", 1)
    werkwijze: list[Blok] = Field(default_factory=list, description="Hoe een PLG werkt: dialoog en gelijkwaardigheid, "
                                                                    "waarden en overtuigingen, wat de procesbegeleider doet.")
    ritme: Ritme = Field(description="Het ritme van de aanpak.")
    start_cyclus: list[Blok] = Field(min_length=1, description="Stappen bij de start van een cyclus (doelkind kiezen, toestemming, vragenlijsten).")
    rollen: list[PlgRol] = Field(min_length=1, description="De rollen in een PLG.")
    factoren: list[Blok] = Field(min_length=1, description="Bevorderende factoren en randvoorwaarden.")
    ouderbetrokkenheid: Blok = Field(description="Hoe je ouders betrekt.")
    cycli: list[Cyclus] = Field(min_length=1, description="De cycli van het traject.")
