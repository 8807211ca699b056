"""The method's order of the instruments: the order in which the PLG trajectory first uses them.

Everything that lists instruments (navigation, the instrument table, downloads, next/previous links, the
complete map) takes this one order, so START comes before SLOT because bijeenkomst 1.2 comes before 2.5,
not because of a file name. It is read from the meetings in content/plg.yml (cycle by cycle, meeting by
meeting, in the order each meeting lists its instruments); an instrument that no meeting uses comes after
its main instrument when it is a variant, else at the end.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from site_build.content import models as m


def method_order(plg: m.Traject, instrumenten: Iterable[m.Instrument]) -> list[m.Instrument]:
    items = list(instrumenten)
    rank = {inst_id: i for i, inst_id in enumerate(first_use(plg))}
    by_id = {i.id: i for i in items}

    def key(inst: m.Instrument) -> tuple:
        if inst.id in rank:
            return (rank[inst.id], 0, inst.id)
        # unused: right after the instrument it is a variant of (if that one is used), else last
        base = by_id.get(inst.variant_van or "")
        if base is not None and base.id in rank:
            return (rank[base.id], 1, inst.id)
        return (len(rank), 0, inst.id)

    return sorted(items, key=key)


def first_use(plg: m.Traject) -> Sequence[str]:
    """Instrument ids in the order the meetings first use them."""
    seen: list[str] = []
    for cyclus in plg.cycli:
        for b in cyclus.bijeenkomsten:
            seen.extend(i for i in b.instrumenten if i not in seen)
    return seen
