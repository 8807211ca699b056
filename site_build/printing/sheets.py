"""Print attachments: sheets that are no form but lie ready beside one (the relation word list on A4), and
which packs hold them. An instrument names what it uses in its field 'gebruikt'; a meeting's pack holds every
attachment that one of its instruments uses, so 'uses' is written once, in the instrument. What a reader sees of
an attachment (its title, its one line on a pack's cover) is in the label catalogue: 'drukwerk.bijlagen.<id>'."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from site_build.content import models as m
    from site_build.content.collection import Content


@dataclass(frozen=True)
class Bijlage:
    id: str          # the value an instrument gives in 'gebruikt'
    name: str        # the PDF's file name in downloads/
    template: str    # print template


BIJLAGEN = {
    "relatiewoorden": Bijlage("relatiewoorden", "relatiewoorden.pdf", "print/woordenlijst.html.j2"),
}


def gebruikt_door(content: "Content", instrument_ids: list[str]) -> list[Bijlage]:
    """The attachments the given instruments use, in the order they first name them."""
    found: list[Bijlage] = []
    for inst_id in instrument_ids:
        for bijlage_id in content.instrument(inst_id).gebruikt:
            if BIJLAGEN[bijlage_id] not in found:
                found.append(BIJLAGEN[bijlage_id])
    return found


def in_pack(content: "Content", b: "m.Bijeenkomst") -> list[Bijlage]:
    return gebruikt_door(content, list(b.instrumenten))


def in_map(content: "Content") -> list[Bijlage]:
    """The complete map holds every attachment that some instrument uses, after the forms."""
    return gebruikt_door(content, [i.id for i in content.instrumenten])
