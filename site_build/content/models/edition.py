"""Models of the edition (content/editie.yml), the home page (content/start.yml) and the year planning
(content/planning.yml and the holidays file for `p2g plan`)."""

from __future__ import annotations

from typing import Annotated, Optional

from pydantic import Field, StringConstraints

from site_build.content.bron import Model, Opmaak, Tekst
from site_build.content.ids import Id, Link
from site_build.content.models.types import Kleur, Pad, Url

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
