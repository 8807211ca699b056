"""Models of the method: skills, don'ts, contexts, organisation tips, relational needs and the relation words.
Every statement a reader sees is a Bewering (or another Herkomst): it carries its own 'bron'."""

from __future__ import annotations

from typing import Annotated, Literal, Optional

from pydantic import Field

from site_build.content.bron import Bewering, Herkomst, Model, Opmaak, Tekst, beweringen
from site_build.content.ids import Id, SkillId, Unique, UniqueId
from site_build.content.models.types import Citaat, Video, Voorbeeld


class Vaardigheid(Model):
    """content/vaardigheden/<id>.yml: one of the five interaction skills."""

    id: UniqueId = Field(description="Korte naam, gelijk aan de bestandsnaam (bijvoorbeeld 'spiegelen').")
    naam: Tekst = Field(description="Naam van de vaardigheid zoals leerkrachten die kennen, bijvoorbeeld 'Spiegelen van het spel'.")
    volgorde: int = Field(ge=1, le=99, description="Plaats in lijsten en menu (1 = eerst).")
    kort: Bewering = Field(description="De instructie in één zin: wat doe je? (met 'bron')")
    wat: list[Bewering] = beweringen("Wat de vaardigheid is, in eigen woorden: één alinea per punt.", 1)
    waarom: list[Bewering] = beweringen("Waarom de vaardigheid de relatie helpt: één alinea per punt.", 1)
    voorbeelden: list[Voorbeeld] = Field(min_length=1, description="Voorbeeldsituaties met woorden en handelen van de leerkracht.")
    kaart_voorbeeld: Optional[Voorbeeld] = Field(
        None, description="Een kort voorbeeld voor de zakkaart (een kaart van 6 bij 9 cm): de situatie, en wat je zegt "
                          "of doet. Het moet kloppen met de don'ts: geen vraag, geen lof, geen opdracht. Laat je het "
                          "leeg, dan staat het eerste voorbeeld op de kaart.")
    let_op: list[Bewering] = beweringen("Valkuilen: houd het natuurlijk, overdrijf niet, enzovoort.")
    groep_3_4: list[Bewering] = beweringen("Hoe de vaardigheid eruitziet in groep 3 en 4: één alinea per punt.", 1)
    buiten_vrij_spel: list[Bewering] = beweringen("Hoe je de vaardigheid gebruikt buiten het vrije spel: één alinea per punt.", 1)
    reflectievragen: list[Bewering] = beweringen("Vragen die een collega kan stellen bij het bekijken van een video.", 1)
    videos: list[Video] = Field(default_factory=list, description="Openbare voorbeeldfilmpjes die het rapport gebruikte (alleen een link).")
    citaten: list[Citaat] = Field(default_factory=list, description="Wat leerkrachten in het onderzoek zeiden over deze vaardigheid, letterlijk uit het rapport.")


class DontVoorbeeld(Herkomst):
    situatie: Tekst = Field(description="De situatie.")
    niet: Tekst = Field(description="Wat een leerkracht vaak zegt of doet (het sturende gedrag).")
    wel: Tekst = Field(description="Wat je in plaats daarvan kunt zeggen of doen.")


class Dont(Model):
    """content/donts/<id>.yml: something the teacher leaves out during a session."""

    id: UniqueId = Field(description="Korte naam, gelijk aan de bestandsnaam (bijvoorbeeld 'niet-prijzen').")
    naam: Tekst = Field(description="Naam van de don't, bijvoorbeeld 'Niet prijzen'.")
    volgorde: int = Field(ge=1, le=99, description="Plaats in lijsten (1 = eerst).")
    kern: bool = Field(description="true voor de vier don'ts uit het rapport; false voor aanvullingen uit de oorspronkelijke P2G-materialen.")
    kort: Bewering = Field(description="De regel in één zin (met 'bron').")
    waarom: list[Bewering] = beweringen("Waarom dit gedrag het spel stuurt in plaats van het kind volgt: één alinea per punt.", 1)
    in_plaats_daarvan: list[Bewering] = beweringen("Wat je in plaats daarvan doet: één alinea per punt.", 1)
    vervangen_door: list[SkillId] = Field(default_factory=list, description="Ids van de vaardigheden die dit gedrag vervangen (bijvoorbeeld 'verwoorden').")
    voorbeeld: DontVoorbeeld = Field(description="Een voorbeeld: niet zo, maar zo.")


class Context(Model):
    """content/contexten/<id>.yml: an activity or moment beyond free play where the skills work."""

    id: UniqueId = Field(description="Korte naam, gelijk aan de bestandsnaam.")
    naam: Tekst = Field(description="Naam van de context, bijvoorbeeld 'Voorlezen'.")
    volgorde: int = Field(ge=1, le=99, description="Plaats op de pagina (1 = eerst).")
    geschiktheid: Literal["goed", "wisselend", "beperkt"] = Field(
        description="Hoe goed de vaardigheden hier passen: 'goed', 'wisselend' of 'beperkt'. Het rapport geeft "
                    "geen cijfer: leg in 'geschiktheid_uitleg' uit waarop deze inschatting rust.")
    geschiktheid_uitleg: Bewering = Field(description="Waarop de inschatting rust, met 'bron' (meestal 'uitwerking van §3.1.x').")
    kort: Bewering = Field(description="Samenvatting in één zin (met 'bron').")
    bevinding: list[Bewering] = beweringen("Wat het onderzoek over deze context vond: één alinea per punt.", 1)
    voorbeelden: list[Bewering] = beweringen("Concrete activiteiten of momenten.")
    tips: list[Bewering] = beweringen("Praktische tips.")
    let_op: list[Bewering] = beweringen("Waar je op let.")
    vaardigheden: list[SkillId] = Field(default_factory=list, description="Ids van de vaardigheden die hier het best passen.")
    citaten: list[Citaat] = Field(default_factory=list, description="Wat leerkrachten in het onderzoek zeiden over deze context, letterlijk uit het rapport.")


class Tip(Herkomst):
    id: Annotated[Id, Unique("tip-id")] = Field(description="Korte naam van de tip.")
    naam: Tekst = Field(description="De tip in een paar woorden.")
    uitleg: Opmaak = Field(description="Uitleg van de tip.")


class Organisatie(Model):
    """content/organisatie.yml: how teachers make time and room for sessions."""

    inleiding: list[Bewering] = beweringen("Inleiding bij de organisatietips.", 1)
    tips: list[Tip] = Field(min_length=1, description="De organisatietips.")


class Behoefte(Herkomst):
    id: Annotated[Id, Unique("behoefte-id")] = Field(description="Korte naam van de behoefte, bijvoorbeeld 'nabijheid'.")
    naam: Tekst = Field(description="Naam van de behoefte.")
    uitleg: list[Bewering] = beweringen("Wat deze behoefte inhoudt.", 1)
    herkennen: list[Bewering] = beweringen("Waaraan je deze behoefte kunt herkennen.")
    inspelen: list[Bewering] = beweringen("Hoe je erop kunt inspelen.")
    let_op: Optional[Bewering] = Field(None, description="Een kanttekening, bijvoorbeeld dat niet ieder kind dit nodig heeft.")
    citaten: list[Citaat] = Field(default_factory=list, description="Wat leerkrachten in het onderzoek zeiden, letterlijk uit het rapport.")


class RelationeleBehoeften(Model):
    """content/relationele-behoeften.yml."""

    inleiding: list[Bewering] = beweringen("Wat relationele behoeften zijn.", 1)
    van_gedrag_naar_relatie: list[Bewering] = beweringen("De verschuiving van kijken naar gedrag naar kijken naar de relatie.", 1)
    richtvragen: list[Bewering] = beweringen("Vragen die een leerkracht zichzelf stelt.", 1)
    behoeften_inleiding: Bewering = Field(description="Wat de lijst van behoeften is en waar hij vandaan komt (met 'bron').")
    behoeften: list[Behoefte] = Field(min_length=1, description="De relationele behoeften.")


class Woord(Herkomst):
    woord: Annotated[Tekst, Unique("woord", fold=True)] = Field(description="Het woord (of de korte uitdrukking), in kleine letters.")
    waarde: Literal["positief", "negatief", "neutraal"] = Field(description="De lading: 'positief', 'negatief' of 'neutraal'.")
    uitleg: Optional[Tekst] = Field(None, description="Korte uitleg van wat het woord over een relatie zegt (mag leeg).")


class Relatiewoorden(Model):
    """content/relatiewoorden.yml: the relation word list."""

    inleiding: list[Bewering] = beweringen("Waarvoor de woordenlijst is.", 1)
    valkuil: list[Bewering] = beweringen("De valkuil: gedrag van het kind beschrijven in plaats van de relatie.", 1)
    voorbeeld_gedrag: Citaat = Field(description="Voorbeeld van een typering die over gedrag gaat.")
    voorbeeld_relatie: Citaat = Field(description="Voorbeeld van een typering die echt over de relatie gaat.")
    woorden: list[Woord] = Field(min_length=1, description="De woorden.")
