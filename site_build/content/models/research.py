"""Models of the research the method rests on (content/onderzoek.yml)."""

from __future__ import annotations

from typing import Annotated, Optional

from pydantic import Field, StringConstraints

from site_build.content.bron import Bewering, Herkomst, Model, Opmaak, Tekst, beweringen
from site_build.content.ids import Id

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
