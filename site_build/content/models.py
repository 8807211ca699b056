"""Models: the single source of the content schema (every field typed, with a Dutch help text).

Pydantic v2 is used because it gives, from one declaration, strict validation with precise
error locations (which we map back to file:line:col), defaults, and a JSON Schema for editor
autocompletion. ``strict=True`` stops silent coercion (``"3"`` is no number, ``"nee"`` no
boolean) and ``extra='forbid'`` turns a typo in a field name into an error instead of lost text.
The JSON Schema files in ``schema/`` and the trainers' 'Velden' page are generated from here.
"""

from __future__ import annotations

from typing import Annotated, Literal, Optional

from pydantic import Field, StringConstraints, model_validator

from site_build.content.bron import (  # noqa: F401 (re-exported)
    BRON_HELP,
    BRON_PATROON,
    Bewering,
    Bron,
    Herkomst,
    Model,
    Opmaak,
    Tekst,
    beweringen,
    bron_field,
)
from site_build.content.ids import Id, Link  # noqa: F401 (re-exported; shared with practice.py)

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


# --- edition and home ----------------------------------------------------------------------

class Contact(Model):
    naam: Tekst = Field(description="Naam van de expert 'op afroep' of het aanspreekpunt van deze editie.")
    rol: Tekst = Field(description="Functie van het aanspreekpunt, bijvoorbeeld 'ib'er en expert Playing-2-gether'.")
    email: Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")] = Field(
        description="E-mailadres van het aanspreekpunt.")
    telefoon: Optional[Tekst] = Field(None, description="Telefoonnummer (mag leeg blijven).")


class School(Model):
    """Filled into the letter to parents; what is left empty is printed as a line to write on."""

    naam: Optional[Tekst] = Field(None, description="Naam van de school, bovenaan de brief aan ouders. Laat leeg als de editie "
                                                    "voor meer scholen is: dan staat er een lijn om de naam op te schrijven.")
    contact: Optional[Tekst] = Field(None, description="Bij wie ouders terechtkunnen met vragen over Playing-2-gether, met e-mail of "
                                                       "telefoon, bijvoorbeeld 'Anna de Vries (ib'er), a.devries@school.nl'. Mag leeg blijven.")
    privacy_contact: Optional[Tekst] = Field(None, description="De contactpersoon voor privacy van de school of het bestuur, met e-mail "
                                                               "of telefoon. Mag leeg blijven: dan staat er een lijn om in te vullen.")


class Kleuren(Model):
    primair: Kleur = Field(description="Hoofdkleur van de site (kop en knoppen), als '#rrggbb'. "
                                       "Kies een donkere kleur: witte tekst moet erop leesbaar zijn.")
    accent: Kleur = Field(description="Accentkleur voor links en markeringen, als '#rrggbb'. "
                                      "Moet leesbaar zijn op een witte achtergrond.")


class Licentie(Model):
    code: Tekst = Field(description="Licentie van de programmacode, bijvoorbeeld 'MIT'.")
    inhoud: Tekst = Field(description="Licentie van de inhoud (teksten en formulieren), bijvoorbeeld 'CC BY-SA 4.0'.")


class Editie(Model):
    """content/editie.yml: everything that makes one organisation's edition its own."""

    site_naam: Tekst = Field(description="Naam van de site, bovenaan elke pagina en in de titel van het browsertabblad.")
    organisatie: Tekst = Field(description="Organisatie die deze editie uitgeeft (school, bestuur of opleiding).")
    editie: Tekst = Field(description="Naam van deze editie, bijvoorbeeld 'Landelijke editie' of 'Editie Stichting De Linde'.")
    versie: Tekst = Field(description="Versie van de inhoud, bijvoorbeeld '2026.1'. Staat onderaan elke pagina en elk formulier.")
    schooljaar: Annotated[str, StringConstraints(pattern=r"^20[0-9]{2}-20[0-9]{2}$")] = Field(
        description="Schooljaar waarvoor deze editie bedoeld is, als '2026-2027'.")
    url: Optional[Url] = Field(None, description="Webadres waar de site komt te staan, beginnend met https:// "
                                                 "(mag leeg blijven).")
    repository: Optional[Url] = Field(
        None, description="Webadres van de repository met de bronbestanden van deze editie (bijvoorbeeld op GitHub), als "
                          "'https://github.com/organisatie/naam'. Dan linkt elke pagina ernaar, zodat trainers de inhoud "
                          "in de browser kunnen aanpassen. Mag leeg blijven.")
    school: Optional[School] = Field(None, description="Gegevens van de school voor de brief aan ouders. Mag leeg blijven: "
                                                       "dan staan er lijnen om ze op te schrijven.")
    rapport_url: Optional[Url] = Field(
        "https://www.positieverelatiesmetkinderen.nl/",
        description="Webadres van het rapport of de plek waar het staat. Elke verwijzing naar het rapport linkt hierheen. "
                    "Het rapport noemt www.positieverelatiesmetkinderen.nl als thuis van zijn werkwijze en materialen.")
    contact: Optional[Contact] = Field(None, description="Aanspreekpunt voor scholen: de expert 'op afroep'. Laat leeg "
                                                         "(null) zolang er geen echt aanspreekpunt is: dan toont de "
                                                         "site geen contactgegevens, en nooit een voorbeeldadres.")
    kleuren: Kleuren = Field(description="Kleuren van de site.")
    logo: Optional[Pad] = Field(None, description="Pad naar een logo (SVG of PNG) binnen de map 'content/', "
                                                    "bijvoorbeeld 'afbeeldingen/logo.svg'. Mag leeg blijven.")
    licentie: Licentie = Field(description="Licenties van code en inhoud.")
    taal: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")] = Field(
        "nl", description="Taal van de site en het drukwerk, als code van twee letters: 'nl' (Nederlands, de standaard). "
                          "De woorden van de site zelf (kopjes, knoppen, rollen, datums) komen uit macros/labels/nl.yml (of het bestand van de gekozen taal); "
                          "de inhoud schrijf je zelf in die taal.")


class Ingang(Model):
    id: Id = Field(description="Korte naam van deze ingang (kleine letters en streepjes).")
    titel: Tekst = Field(description="Voor wie deze ingang is, bijvoorbeeld 'Ik ben leerkracht'.")
    tekst: Tekst = Field(description="Eén of twee zinnen: wat vind je hier?")
    links: list[Link] = Field(min_length=1, description="De pagina's waar deze lezer het beste kan beginnen.")


class Start(Model):
    """content/start.yml: the home page."""

    welkom: Opmaak = Field(description="Welkomsttekst bovenaan de startpagina.")
    ingangen: list[Ingang] = Field(min_length=1, description="Ingangen per rol: leerkracht, ib'er/kartrekker, directie, trainer.")


# --- the method ----------------------------------------------------------------------------
# Every statement a reader sees is a Bewering (or another Herkomst): it carries its own 'bron'.

class Citaat(Herkomst):
    tekst: Tekst = Field(description="Het citaat, letterlijk uit het rapport (zonder aanhalingstekens).")


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


class Vaardigheid(Model):
    """content/vaardigheden/<id>.yml: one of the five interaction skills."""

    id: Id = Field(description="Korte naam, gelijk aan de bestandsnaam (bijvoorbeeld 'spiegelen').")
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

    id: Id = Field(description="Korte naam, gelijk aan de bestandsnaam (bijvoorbeeld 'niet-prijzen').")
    naam: Tekst = Field(description="Naam van de don't, bijvoorbeeld 'Niet prijzen'.")
    volgorde: int = Field(ge=1, le=99, description="Plaats in lijsten (1 = eerst).")
    kern: bool = Field(description="true voor de vier don'ts uit het rapport; false voor aanvullingen uit de oorspronkelijke P2G-materialen.")
    kort: Bewering = Field(description="De regel in één zin (met 'bron').")
    waarom: list[Bewering] = beweringen("Waarom dit gedrag het spel stuurt in plaats van het kind volgt: één alinea per punt.", 1)
    in_plaats_daarvan: list[Bewering] = beweringen("Wat je in plaats daarvan doet: één alinea per punt.", 1)
    vervangen_door: list[Id] = Field(default_factory=list, description="Ids van de vaardigheden die dit gedrag vervangen (bijvoorbeeld 'verwoorden').")
    voorbeeld: DontVoorbeeld = Field(description="Een voorbeeld: niet zo, maar zo.")


class Context(Model):
    """content/contexten/<id>.yml: an activity or moment beyond free play where the skills work."""

    id: Id = Field(description="Korte naam, gelijk aan de bestandsnaam.")
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
    vaardigheden: list[Id] = Field(default_factory=list, description="Ids van de vaardigheden die hier het best passen.")
    citaten: list[Citaat] = Field(default_factory=list, description="Wat leerkrachten in het onderzoek zeiden over deze context, letterlijk uit het rapport.")


class Tip(Herkomst):
    id: Id = Field(description="Korte naam van de tip.")
    naam: Tekst = Field(description="De tip in een paar woorden.")
    uitleg: Opmaak = Field(description="Uitleg van de tip.")


class Organisatie(Model):
    """content/organisatie.yml: how teachers make time and room for sessions."""

    inleiding: list[Bewering] = beweringen("Inleiding bij de organisatietips.", 1)
    tips: list[Tip] = Field(min_length=1, description="De organisatietips.")


class Behoefte(Herkomst):
    id: Id = Field(description="Korte naam van de behoefte, bijvoorbeeld 'nabijheid'.")
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
    woord: Tekst = Field(description="Het woord (of de korte uitdrukking), in kleine letters.")
    waarde: Literal["positief", "negatief", "neutraal"] = Field(description="De lading: 'positief', 'negatief' of 'neutraal'.")
    uitleg: Optional[Tekst] = Field(None, description="Korte uitleg van wat het woord over een relatie zegt (mag leeg).")


class Relatiewoorden(Model):
    """content/relatiewoorden.yml: the relation word list."""

    inleiding: list[Bewering] = beweringen("Waarvoor de woordenlijst is.", 1)
    valkuil: list[Bewering] = beweringen("De valkuil: gedrag van het kind beschrijven in plaats van de relatie.", 1)
    voorbeeld_gedrag: Citaat = Field(description="Voorbeeld van een typering die over gedrag gaat.")
    voorbeeld_relatie: Citaat = Field(description="Voorbeeld van een typering die echt over de relatie gaat.")
    woorden: list[Woord] = Field(min_length=1, description="De woorden.")


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
    id: Id = Field(description="Unieke korte naam, bijvoorbeeld 'c1-b2'.")
    nummer: int = Field(ge=1, le=20, description="Nummer van de bijeenkomst binnen de cyclus.")
    titel: Tekst = Field(description="Titel van de bijeenkomst.")
    kort: Bewering = Field(description="Waar de bijeenkomst om draait, in één zin (met 'bron').")
    onderdelen: list[Bewering] = beweringen("Wat er in de bijeenkomst gebeurt.", 1)
    instrumenten: list[Id] = Field(default_factory=list, description="Ids van de instrumenten die in deze bijeenkomst gebruikt worden; "
                                                                     "zij komen samen in het printpakket van de bijeenkomst.")
    vaardigheden: list[Id] = Field(default_factory=list, description="Ids van de vaardigheden die in deze bijeenkomst aan bod komen.")
    videos: list[Video] = Field(default_factory=list, description="Openbare voorbeeldfilmpjes om samen te bekijken (alleen een link).")
    in_de_praktijk: list[Bewering] = beweringen("Wat leerkrachten doen tot de volgende bijeenkomst.")
    trainer: Optional[TrainerDeel] = Field(None, description="Aanwijzingen voor de begeleider; alleen in de trainerseditie.")
    uitvoering: Optional["Uitvoering"] = Field(None, description="Hoe de bijeenkomst verloopt: doelen, agenda, wat je "
                                                                 "print en meeneemt. Openbaar: staat op de site en in het printpakket.")


class Variant(Herkomst):
    id: Id = Field(description="Korte naam van de variant.")
    naam: Tekst = Field(description="Naam, bijvoorbeeld 'PLG 1: zoals cyclus 1, de kartrekker neemt het over'.")
    uitleg: Opmaak = Field(description="Hoe deze PLG cyclus 2 invulde.")


class Cyclus(Model):
    id: Id = Field(description="Korte naam van de cyclus, bijvoorbeeld 'cyclus-1'.")
    nummer: int = Field(ge=1, le=9, description="Nummer van de cyclus.")
    titel: Tekst = Field(description="Titel van de cyclus.")
    duur: Tekst = Field(description="Hoe lang de cyclus duurt, bijvoorbeeld 'ongeveer vier maanden'.")
    inleiding: list[Bewering] = beweringen("Inleiding op de cyclus: één alinea per punt.", 1)
    bijeenkomsten: list[Bijeenkomst] = Field(default_factory=list, description="De bijeenkomsten, in volgorde.")
    varianten: list[Variant] = Field(default_factory=list, description="Varianten die PLG's kozen (vooral in cyclus 2).")


class PlgRol(Model):
    id: Id = Field(description="Korte naam van de rol, bijvoorbeeld 'kartrekker'.")
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
    id: Id = Field(description="Unieke korte naam binnen dit instrument, bijvoorbeeld 'drie-woorden'. "
                               "Wordt ook de naam van het invulveld in de invulbare PDF.")
    tekst: Tekst = Field(description="De vraag, zoals in het rapport waar het rapport de vraag geeft.")
    wie: Optional[Rol] = Field(None, description="Wie deze vraag beantwoordt, als dat anders is dan bij de sectie.")
    optioneel: bool = Field(False, description="true als de vraag naar eigen inzicht gesteld kan worden.")
    toelichting: Optional[Bewering] = Field(None, description="Korte toelichting bij de vraag (met 'bron').")
    doorvragen: list[Bewering] = beweringen("Tips om door te vragen, bijvoorbeeld 'Waar merkte je dat aan?'.")
    voorbeelden: list[Bewering] = beweringen("Voorbeelden die bij de vraag helpen.")
    vaardigheden: list[Id] = Field(default_factory=list, description="Ids van vaardigheden waar deze vraag over gaat.")
    antwoord: Antwoord = Field(default_factory=Antwoord, description="Hoeveel ruimte er op papier is voor het antwoord.")


class Sectie(Model):
    id: Id = Field(description="Unieke korte naam van de sectie binnen dit instrument, bijvoorbeeld 'kernvragen'.")
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

    id: Id = Field(description="Korte naam, gelijk aan de bestandsnaam (bijvoorbeeld 'reflectie-interview-start').")
    titel: Tekst = Field(description="Titel van het instrument.")
    kort: Bewering = Field(description="Het doel in één zin, met 'bron'; staat onder de titel op de site en op het formulier.")
    soort: Soort = Field(description="Soort instrument: 'interview', 'schriftelijke-reflectie', 'intervisie', 'plan', "
                                     "'oefening', 'observatie', 'leidraad', 'monitoring' of 'brief'.")
    voor: list[Rol] = Field(min_length=1, description="Wie het instrument gebruikt, bijvoorbeeld ['interviewer', 'geinterviewde'].")
    duur: Optional[Tekst] = Field(None, description="Hoeveel tijd het kost, bijvoorbeeld 'ongeveer 30 minuten'.")
    variant_van: Optional[Id] = Field(None, description="Id van het instrument waarvan dit een (verkorte) variant is.")
    inleiding: list[Bewering] = beweringen("Inleiding: doel en opzet, voor wie het instrument afneemt; één alinea per punt.", 1)
    voorbereiding: list[Bewering] = beweringen("Wat je vooraf regelt.")
    richtlijnen: list[Richtlijn] = Field(default_factory=list, description="Richtlijnen voor wie het instrument afneemt.")
    richtlijnen_uit: Optional[Id] = Field(None, description="Neem de richtlijnen over uit een ander instrument (id).")
    kopvelden: list[Kopveld] = Field(
        default_factory=lambda: ["naam-leerkracht", "initialen-kind", "datum", "groep", "bijeenkomst"],
        description="Invulvelden bovenaan het formulier. Noteer van het kind alleen de initialen, nooit de volledige naam.")
    secties: list[Sectie] = Field(min_length=1, description="De secties met vragen, stappen en tips.")
    afsluiting: list[Bewering] = beweringen("Tekst na de laatste sectie.")
    vaardigheden: list[Id] = Field(default_factory=list, description="Ids van de vaardigheden waar dit instrument mee werkt.")
    gebruikt: list[Literal["relatiewoorden"]] = Field(
        default_factory=list, description="Wat bij dit instrument op papier klaar moet liggen, zodat het mee in het printpakket "
                                          "van elke bijeenkomst met dit instrument komt: 'relatiewoorden' (de lijst met "
                                          "relatiewoorden op A4).")


# --- research ------------------------------------------------------------------------------------

class Onderzoeksvraag(Herkomst):
    nummer: int = Field(ge=1, le=9, description="Nummer van de onderzoeksvraag.")
    vraag: Tekst = Field(description="De onderzoeksvraag zoals in het rapport.")
    bevindingen: list[Bewering] = beweringen("De belangrijkste bevindingen, in eigen woorden: één alinea per punt.", 1)
    pagina: Optional[Annotated[str, StringConstraints(pattern=r"^[a-z0-9/_.-]+\.md$")]] = Field(
        None, description="Pagina van de site met de uitwerking, bijvoorbeeld 'contexten/index.md'.")


class Categorie(Model):
    naam: Tekst = Field(description="Naam van de normcategorie, bijvoorbeeld 'zeer laag'.")
    van: int = Field(ge=0, le=99, description="Laagste normscore in deze categorie.")
    tot: Optional[int] = Field(None, ge=0, le=99, description="Hoogste normscore in deze categorie; laat leeg als "
                                                           "de categorie naar boven open is (zoals '> 16' in het rapport).")


class Dimensie(Herkomst):
    id: Id = Field(description="Korte naam, bijvoorbeeld 'nabijheid'.")
    naam: Tekst = Field(description="Naam van de dimensie.")
    uitleg: Opmaak = Field(description="Wat de dimensie meet (beschrijving, geen items uit de vragenlijst).")
    categorieen: list[Categorie] = Field(min_length=1, description="De normcategorieën zoals het rapport ze geeft.")
    voor: list[int] = Field(min_length=1, description="Normscores bij de voormeting, per kind.")
    na: list[int] = Field(min_length=1, description="Normscores bij de nameting, per kind (zelfde volgorde).")


class Meting(Herkomst):
    naam: Tekst = Field(description="Naam van de vragenlijst.")
    uitleg: list[Bewering] = beweringen("Wat de vragenlijst meet en hoe (beschrijving, geen items: de lijst is auteursrechtelijk beschermd).", 1)
    compleet: Tekst = Field(description="Hoeveel metingen compleet waren, bijvoorbeeld '16 van de 34'.")
    verkrijgbaar: Bewering = Field(description="Waar een school de vragenlijst krijgt (met 'bron'); het rapport gebruikte hem om onderzoeksgegevens te verzamelen.")


class Lws(Meting):
    niveaus: list[Tekst] = Field(min_length=2, description="De niveaus van de schaal, van laag naar hoog.")
    voor: list[int] = Field(min_length=1, description="Niveau bij de voormeting, per kind.")
    na: list[int] = Field(min_length=1, description="Niveau bij de nameting, per kind.")


class Llrv(Meting):
    dimensies: list[Dimensie] = Field(min_length=1, description="De drie dimensies met hun normscores.")


class Rij(Model):
    label: Tekst = Field(description="Rijnaam.")
    waarden: list[int] = Field(min_length=1, description="Getallen in deze rij.")


class Tabel(Herkomst):
    titel: Tekst = Field(description="Titel van de tabel.")
    kolommen: list[Tekst] = Field(min_length=1, description="Kolomkoppen (na de rijnaam).")
    rijen: list[Rij] = Field(min_length=1, description="De rijen.")


class Opzet(Herkomst):
    scholen: int = Field(ge=1, description="Aantal scholen.")
    leerkrachten: int = Field(ge=1, description="Aantal leerkrachten.")
    doelkinderen: int = Field(ge=1, description="Aantal doelkinderen.")
    cycli: int = Field(ge=1, description="Aantal cycli.")
    tekst: Opmaak = Field(description="De opzet van het onderzoek in eigen woorden.")
    doelkinderen_tabel: Tabel = Field(description="Aantal doelkinderen per PLG en cyclus (Tabel 1).")


class Literatuur(Model):
    kort: Tekst = Field(description="Zoals het rapport naar de bron verwijst, bijvoorbeeld 'Hamre & Pianta, 2001'.")
    verwijzing: Optional[Tekst] = Field(None, description="De volledige verwijzing (auteurs, jaar, titel, tijdschrift of uitgever). "
                                                         "Laat leeg als die niet zeker bekend is: de site zegt dan dat hij ontbreekt.")
    waarvoor: Bewering = Field(description="Waarvoor het rapport deze bron gebruikt (met 'bron').")


class Onderzoek(Model):
    """content/onderzoek.yml: the research the method rests on."""

    titel: Tekst = Field(description="Titel van het rapport.")
    project: Tekst = Field(description="Projectnummer en call.")
    jaar: Optional[int] = Field(None, ge=2000, le=2100, description="Jaar van verschijnen van het rapport; leeg als het rapport het niet noemt.")
    auteurs: Optional[Tekst] = Field(None, description="Auteurs van het rapport; leeg als het rapport ze niet noemt.")
    citeer_als: Tekst = Field(description="Hoe je het rapport citeert: alleen wat bekend is.")
    inleiding: list[Bewering] = beweringen("Waar het onderzoek over ging: één alinea per punt.", 1)
    onderzoeksvragen: list[Onderzoeksvraag] = Field(min_length=1, description="De onderzoeksvragen met bevindingen.")
    opzet: Opzet = Field(description="De opzet van het onderzoek.")
    llrv: Llrv = Field(description="De Leerling-Leerkracht Relatie Vragenlijst (beschrijving en normscores).")
    lws: Lws = Field(description="De Leuvense Welbevindenschaal (beschrijving en niveaus).")
    kanttekeningen: list[Bewering] = beweringen("Kanttekeningen bij de cijfers.", 1)
    literatuur: list[Literatuur] = Field(min_length=1, description="De belangrijkste studies waarop de aanpak rust.")


# --- year planning ------------------------------------------------------------------------------

Datum = Annotated[str, StringConstraints(pattern=r"^20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")]


class Vakantie(Model):
    naam: Tekst = Field(description="Naam van de vakantie of vrije dag, bijvoorbeeld 'Herfstvakantie'.")
    van: Datum = Field(description="Eerste vrije dag, als '2027-10-16' (jaar-maand-dag).")
    tot: Datum = Field(description="Laatste vrije dag, als '2027-10-24'.")


class Vakanties(Model):
    """A holidays file for `p2g plan --vakanties`."""

    vakanties: list[Vakantie] = Field(description="De schoolvakanties en vrije dagen van het schooljaar.")


class Planning(Model):
    """content/planning.yml (mag ontbreken): the school's year planning, published on the site as PDF and .ics."""

    titel: Tekst = Field(description="Titel van de planning, bijvoorbeeld 'Jaarplanning De Linde 2026-2027'.")
    start: Datum = Field(description="Datum van de eerste bijeenkomst, als '2026-09-14' (jaar-maand-dag). De volgende "
                                     "bijeenkomsten komen op dezelfde weekdag, buiten de vakanties.")
    vakanties: list[Vakantie] = Field(default_factory=list, description="De schoolvakanties en vrije weken van het "
                                                                        "schooljaar: daarin valt geen bijeenkomst.")


# Where each kind of content lives. A directory holds one item per file; a file holds one object.
DIRECTORIES: dict[str, type[Model]] = {
    "content/vaardigheden": Vaardigheid,
    "content/donts": Dont,
    "content/contexten": Context,
    "instruments": Instrument,
}
from site_build.content.termen import Termen  # noqa: E402  (the glossary lives in its own module)

FILES: dict[str, type[Model]] = {
    "content/termen.yml": Termen,
    "content/editie.yml": Editie,
    "content/start.yml": Start,
    "content/organisatie.yml": Organisatie,
    "content/relationele-behoeften.yml": RelationeleBehoeften,
    "content/relatiewoorden.yml": Relatiewoorden,
    "content/plg.yml": Traject,
    "content/onderzoek.yml": Onderzoek,
}
SCHEMA_NAMES: dict[type[Model], str] = {
    Vaardigheid: "vaardigheid", Dont: "dont", Context: "context", Instrument: "instrument",
    Editie: "editie", Start: "start", Organisatie: "organisatie",
    RelationeleBehoeften: "relationele-behoeften", Relatiewoorden: "relatiewoorden",
    Traject: "plg", Onderzoek: "onderzoek", Vakanties: "vakanties", Planning: "planning", Termen: "termen",
}

# Models for doing the work live in their own module, built on the types above (see practice.py).
from site_build.content.practice import MorgenBeginnen, Uitvoering  # noqa: E402

FILES["content/morgen-beginnen.yml"] = MorgenBeginnen
SCHEMA_NAMES[MorgenBeginnen] = "morgen-beginnen"
for _model in (Bijeenkomst, Cyclus, Traject):
    _model.model_rebuild(_types_namespace={"Uitvoering": Uitvoering})
