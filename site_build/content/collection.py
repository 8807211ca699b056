"""The content of one project, validated: every kind's items with the lookups the renderers need."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from site_build.content import models as m
from site_build.content.kinds import BY_ITEM, BY_NAME
from site_build.core.labels import Labels, load_labels


class Content:
    """All validated content of one project, with lookups the renderers need.

    Every kind of content/kinds.py is an attribute (``content.vaardigheden``), and every folder kind has a lookup
    by id named after one item (``content.vaardigheid('spiegelen')``), without a line here: a new kind in the table
    shows up by itself. The annotations below only give editors and type checkers the types of today's kinds."""

    if TYPE_CHECKING:
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
        termen: m.Termen
        planning: Any  # the school's year planning, or None without content/planning.yml (content/planning.py)

        def vaardigheid(self, id: str) -> m.Vaardigheid: ...
        def instrument(self, id: str) -> m.Instrument: ...

    def __init__(self, root: Path, values: dict[str, Any], sources: dict[str, str] | None = None):
        unknown = set(values) - set(BY_NAME)
        if unknown:
            raise ValueError(f"not a declared kind: {sorted(unknown)}")
        self.root = root
        self.values = values
        self.sources: dict[str, str] = sources if sources is not None else {}  # "instrument:id" -> relative path

    def __getattr__(self, name: str) -> Any:
        # only called for names the class does not have; __dict__ is read directly so that a copy or an unpickled
        # object without its values yet fails with AttributeError instead of recursing
        values = self.__dict__.get("values")
        if values is not None:
            if name in values:
                return values[name]
            if name in BY_ITEM:
                return lambda id: self.item(BY_ITEM[name].name, id)
        raise AttributeError(f"Content has no kind or lookup '{name}'")

    def labels(self) -> Labels:
        """The words of the edition's language (macros/labels/<taal>.yml): page titles, navigation, ..."""
        return load_labels(self.root, self.editie.taal)

    # --- lookups -----------------------------------------------------------------------------
    def item(self, kind: str, id: str) -> Any:
        """The item with this id of a folder kind; StopIteration when there is none."""
        return next(i for i in self.values[kind] if i.id == id)

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
