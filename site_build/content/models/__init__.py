"""Models: the single source of the content schema (every field typed, with a Dutch help text), one module per
part of the content; this package re-exports them all, so ``from site_build.content import models as m`` gives
``m.Vaardigheid`` wherever a model lives. Which file or folder holds which model is declared in content/kinds.py.

Pydantic v2 is used because it gives, from one declaration, strict validation with precise
error locations (which we map back to file:line:col), defaults, and a JSON Schema for editor
autocompletion. ``strict=True`` stops silent coercion (``"3"`` is no number, ``"nee"`` no
boolean) and ``extra='forbid'`` turns a typo in a field name into an error instead of lost text.
References and uniqueness are markers on the fields (``Ref``, ``Unique`` in content/ids.py).
The JSON Schema files in ``schema/`` and the trainers' 'Velden' page are generated from here.
"""

from __future__ import annotations

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
from site_build.content.ids import Id, InstrumentId, Link, Ref, SkillId, Unique, UniqueId  # noqa: F401
from site_build.content.models.edition import (  # noqa: F401
    Contact,
    Datum,
    Editie,
    Ingang,
    Kleuren,
    Licentie,
    Planning,
    School,
    Start,
    Vakantie,
    Vakanties,
)
from site_build.content.models.instruments import (  # noqa: F401
    Antwoord,
    Instrument,
    Kopveld,
    Richtlijn,
    Sectie,
    Soort,
    Vraag,
)
from site_build.content.models.method import (  # noqa: F401
    Behoefte,
    Context,
    Dont,
    DontVoorbeeld,
    Organisatie,
    Relatiewoorden,
    RelationeleBehoeften,
    Tip,
    Vaardigheid,
    Woord,
)
from site_build.content.models.research import (  # noqa: F401
    Categorie,
    Dimensie,
    Literatuur,
    Llrv,
    Lws,
    Meting,
    Onderzoek,
    Onderzoeksvraag,
    Opzet,
    Rij,
    Tabel,
)
from site_build.content.models.trajectory import (  # noqa: F401
    Bijeenkomst,
    Blok,
    Cyclus,
    PlgRol,
    Ritme,
    TrainerDeel,
    Traject,
    Variant,
)
from site_build.content.models.types import Citaat, Https, Kleur, Pad, Rol, Url, Video, Voorbeeld  # noqa: F401
from site_build.content.practice import MorgenBeginnen, Uitvoering  # noqa: F401
from site_build.content.termen import Termen  # noqa: F401
