"""The content of one project, validated: every kind's items with the lookups the renderers need."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from site_build.content import models as m


@dataclass
class Content:
    """All validated content of one project, with lookups the renderers need."""

    root: Path
    editie: m.Editie
    start: m.Start
    organisatie: m.Organisatie
    behoeften: m.RelationeleBehoeften
    woorden: m.Relatiewoorden
    plg: m.Traject
    onderzoek: m.Onderzoek
    vaardigheden: list[m.Vaardigheid]
    donts: list[m.Dont]
    contexten: list[m.Context]
    instrumenten: list[m.Instrument]
    morgen: m.MorgenBeginnen
    sources: dict[str, str] = field(default_factory=dict)  # "instrument:id" -> relative path
    termen: Any = None  # the glossary (site_build/content/termen.py)
    planning: Any = None  # the school's year planning, if content/planning.yml exists (authoring/schoolplanning.py)

    # --- lookups -----------------------------------------------------------------------------
    def vaardigheid(self, id: str) -> m.Vaardigheid:
        return next(v for v in self.vaardigheden if v.id == id)

    def instrument(self, id: str) -> m.Instrument:
        return next(i for i in self.instrumenten if i.id == id)

    def bijeenkomsten(self) -> Iterator[tuple[m.Cyclus, m.Bijeenkomst]]:
        for cyclus in self.plg.cycli:
            for b in cyclus.bijeenkomsten:
                yield cyclus, b

    def bijeenkomsten_met(self, instrument_id: str) -> list[tuple[m.Cyclus, m.Bijeenkomst]]:
        """Meetings that use an instrument: derived from the meetings, so it is written only once."""
        return [(c, b) for c, b in self.bijeenkomsten() if instrument_id in b.instrumenten]

    def instrumenten_met(self, vaardigheid_id: str) -> list[m.Instrument]:
        result = []
        for inst in self.instrumenten:
            ids = set(inst.vaardigheden)
            for sectie in self.secties(inst):
                for vraag in sectie.vragen:
                    ids.update(vraag.vaardigheden)
            if vaardigheid_id in ids:
                result.append(inst)
        return result

    def donts_voor(self, vaardigheid_id: str) -> list[m.Dont]:
        return [d for d in self.donts if vaardigheid_id in d.vervangen_door]

    def contexten_met(self, vaardigheid_id: str) -> list[m.Context]:
        return [c for c in self.contexten if vaardigheid_id in c.vaardigheden]

    def secties(self, inst: m.Instrument) -> list[m.Sectie]:
        """Sections with every ``uit`` reference replaced by the section it points to."""
        result = []
        for sectie in inst.secties:
            if sectie.uit:
                other_id, sectie_id = sectie.uit.split("/")
                other = next(s for s in self.instrument(other_id).secties if s.id == sectie_id)
                result.append(other.model_copy(update={"titel": sectie.titel or other.titel,
                                                       "herhaal": sectie.herhaal if sectie.herhaal != 1 else other.herhaal}))
            else:
                result.append(sectie)
        return result

    def richtlijnen(self, inst: m.Instrument) -> list[m.Richtlijn]:
        if inst.richtlijnen_uit:
            return list(self.instrument(inst.richtlijnen_uit).richtlijnen) + list(inst.richtlijnen)
        return list(inst.richtlijnen)

    def varianten_van(self, inst: m.Instrument) -> list[m.Instrument]:
        return [i for i in self.instrumenten if i.variant_van == inst.id]
