"""Models for doing the work: the 'Morgen beginnen' page and card, and how a meeting runs (agenda, goals,
what to print and bring). A module of its own beside the models package (models/trajectory.py takes Uitvoering)."""

from __future__ import annotations

from typing import Literal, Mapping, Optional

from pydantic import Field, model_validator

from site_build.content.bron import Bewering, Herkomst, Model, Opmaak, Tekst, beweringen
from site_build.content.ids import Id, Link

# --- Morgen beginnen ---------------------------------------------------------------------------------

class Punt(Bewering):
    """One step or tip (its 'tekst' and 'bron' as every statement), with words one can say."""

    zeg: list[Tekst] = Field(default_factory=list, description="Wat je letterlijk kunt zeggen (zonder aanhalingstekens).")


class Onderdeel(Model):
    id: Id = Field(description="Korte naam van dit onderdeel; wordt het anker op de pagina.")
    titel: Tekst = Field(description="Kopje, bijvoorbeeld 'Kies het kind'.")
    punten: list[Punt] = Field(min_length=1, description="De stappen of tips, in volgorde.")


class WatAls(Herkomst):
    id: Id = Field(description="Korte naam, bijvoorbeeld 'kind-wil-niet'. Wordt het anker op de pagina.")
    vraag: Tekst = Field(description="De situatie zoals een leerkracht hem zou zoeken, bijvoorbeeld 'Het kind wil niet spelen'.")
    antwoord: Opmaak = Field(description="Wat je dan doet.")
    kort: Tekst = Field(description="Het antwoord in één zin, voor de kaart.")


class MorgenBeginnen(Model):
    """content/morgen-beginnen.yml: how a teacher starts with one child tomorrow (page and A5 card)."""

    titel: Tekst = Field(description="Titel van de pagina en de kaart.")
    inleiding: Opmaak = Field(description="Een paar zinnen bovenaan: voor wie en wat je hier vindt.")
    zonder_plg: WatAls = Field(description="Het antwoord op de vraag of je zonder PLG mag beginnen.")
    onderdelen: list[Onderdeel] = Field(min_length=1, description="De stappen: kind kiezen, wat zeg je, waar en waarmee, "
                                                                  "de eerste sessies, afronden.")
    organisatie: list[Id] = Field(default_factory=list, description="Ids van tips uit content/organisatie.yml die ook "
                                                                    "hier staan (bijvoorbeeld 'timer').")
    wat_als: list[WatAls] = Field(min_length=1, description="Situaties die leerkrachten tegenkomen, met een antwoord.")


# --- how a meeting runs --------------------------------------------------------------------------------

Per = Literal["deelnemer", "tweetal", "groepje", "doelkind", "kartrekker", "procesbegeleider"]  # words: 'per' in the catalogue


class Agendapunt(Herkomst):
    minuten: int = Field(ge=1, le=240, description="Hoeveel minuten dit punt duurt. De tijden op de agenda worden "
                                                   "hieruit opgeteld.")
    wat: Tekst = Field(description="Wat er gebeurt, bijvoorbeeld 'Welkom en doel van de PLG'.")


class Printen(Herkomst):
    instrument: Id = Field(description="Id van een instrument van deze bijeenkomst.")
    aantal: int = Field(1, ge=1, le=9, description="Hoeveel exemplaren per eenheid (meestal 1).")
    per: Per = Field(description="Per wat: 'deelnemer', 'tweetal', 'groepje', 'doelkind', 'kartrekker' of "
                                 "'procesbegeleider'.")


Bijlage = Literal["zakkaarten", "morgen-beginnen"]  # print products a pack can carry (kinds of printing/products.py, whose titles it shows)


class Extra(Herkomst):
    bijlage: Bijlage = Field(description="Welk drukwerk mee in het printpakket gaat: 'zakkaarten' of 'morgen-beginnen'.")
    aantal: int = Field(1, ge=1, le=9, description="Hoeveel exemplaren per eenheid (meestal 1).")
    per: Per = Field(description="Per wat: 'deelnemer', 'tweetal', 'groepje', 'doelkind', 'kartrekker' of 'procesbegeleider'.")


class Uitvoering(Model):
    """What a school needs to run a meeting: public, on the meeting page and in its pack."""

    doelen: list[Bewering] = beweringen("Wat de bijeenkomst oplevert, voor de deelnemers.", 1)
    agenda: list[Agendapunt] = Field(min_length=1, description="De agenda; de duur is de som van de punten. Elk punt "
                                                               "heeft een eigen 'bron'.")
    printen: list[Printen] = Field(default_factory=list, description="Wat je print en hoeveel, per instrument.")
    bijlagen: list[Extra] = Field(default_factory=list, description="Ander drukwerk dat de bijeenkomst gebruikt; het "
                                                                    "komt achter de formulieren in het printpakket.")
    meenemen: list[Bewering] = beweringen("Wat er verder klaar moet staan of wie wat meeneemt (scherm, geluid, filmpje).")
    verdieping: list[Link] = Field(default_factory=list, description="Pagina's van de site waar deze bijeenkomst "
                                                                     "dieper op ingaat.")

    @model_validator(mode="after")
    def _uniek(self) -> "Uitvoering":
        ids = [p.instrument for p in self.printen]
        dubbel = sorted({i for i in ids if ids.count(i) > 1})
        if dubbel:
            raise ValueError(f"in 'printen' staat '{dubbel[0]}' twee keer; zet elk instrument er één keer in")
        return self


def agenda_tijden(agenda: list[Agendapunt]) -> list[tuple[str, str, Agendapunt]]:
    """Each item with its start and end time as 'u:mm', counted from the start of the meeting."""
    result, start = [], 0
    for punt in agenda:
        end = start + punt.minuten
        result.append((_tijd(start), _tijd(end), punt))
        start = end
    return result


def duur(agenda: list[Agendapunt], woorden: Mapping[str, str]) -> str:
    """'1 uur en 30 minuten', '45 minuten' (words from the catalogue's 'tijd' section)."""
    total = sum(p.minuten for p in agenda)
    uren, minuten = divmod(total, 60)
    parts = ([woorden["uur"].format(n=uren)] if uren else []) + ([woorden["minuten"].format(n=minuten)] if minuten else [])
    return woorden["en"].join(parts)


def _tijd(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def page_links(plg):
    """(place in plg.yml, page) of every link to a page of the site in the meetings' 'verdieping'."""
    for ci, cyclus in enumerate(plg.cycli):
        for bi, b in enumerate(cyclus.bijeenkomsten):
            for li, link in enumerate(b.uitvoering.verdieping if b.uitvoering else []):
                yield ("cycli", ci, "bijeenkomsten", bi, "uitvoering", "verdieping", li, "pagina"), link.pagina


def check_meetings(plg, plg_loaded, organisatie_ids: Optional[set[str]] = None) -> list:
    """Every instrument of a meeting appears in its print list and nothing else does."""
    from site_build.core.problems import Problem

    problems = []
    for ci, cyclus in enumerate(plg.cycli):
        for bi, b in enumerate(cyclus.bijeenkomsten):
            if b.uitvoering is None:
                continue
            base = ("cycli", ci, "bijeenkomsten", bi, "uitvoering")
            listed = [p.instrument for p in b.uitvoering.printen]
            for k, inst in enumerate(listed):
                if inst not in b.instrumenten:
                    problems.append(Problem(plg_loaded.rel, *plg_loaded.where(base + ("printen", k, "instrument")),
                                            f"'{inst}' staat in 'printen' maar niet in 'instrumenten' van bijeenkomst "
                                            f"'{b.id}'; zet het ook bij 'instrumenten' of haal het hier weg"))
            for inst in b.instrumenten:
                if inst not in listed:
                    problems.append(Problem(plg_loaded.rel, *plg_loaded.where(base + ("printen",)),
                                            f"bij bijeenkomst '{b.id}' staat niet hoeveel je van '{inst}' print; "
                                            f"voeg in 'printen' toe: '- instrument: {inst}' met 'per: deelnemer' "
                                            f"(of tweetal, groepje, doelkind, kartrekker, procesbegeleider)"))
    return problems


def check_morgen(morgen, loaded, organisatie_ids: set[str]) -> list:
    """The organisation tips named on the page exist."""
    from site_build.core.problems import Problem, did_you_mean, one_of

    problems = []
    for k, tip in enumerate(morgen.organisatie):
        if tip not in organisatie_ids:
            line, col = loaded.where(("organisatie", k))
            problems.append(Problem(loaded.rel, line, col,
                                    f"tip '{tip}' bestaat niet{(s := did_you_mean(tip, organisatie_ids))}{' ' if s else '. '}"
                                    f"Kies uit: {one_of(organisatie_ids)}. Tips staan in content/organisatie.yml."))
    return problems
