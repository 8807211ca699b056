"""The generic checks between files: every field of every kind is walked (as content/surface.py walks the text
fields) for the markers in ids.py, so a reference (``Ref``) must name an item that exists and a unique value
(``Unique``) must occur once. A new field with a marker is checked without a line here; rules that no marker can
say stay hand-written in content/rules.py."""

from __future__ import annotations

import types
import typing
from typing import Any, Iterable, Iterator, NamedTuple

from pydantic import BaseModel

from site_build.content.ids import Ref, Unique
from site_build.content.kinds import BY_ITEM, Kind
from site_build.content.load import Loaded
from site_build.core.problems import Problem, did_you_mean, one_of

Loc = tuple[Any, ...]


class Marked(NamedTuple):
    """A value of a content file that carries a marker, and where it stands."""

    marker: Ref | Unique
    value: Any
    loc: Loc


class Entry(NamedTuple):
    """A value that must be unique within its scope (a file, or all files of a kind), with its place."""

    scope: tuple
    label: str
    value: Any
    loaded: Loaded
    loc: Loc


def marked(obj: BaseModel, loc: Loc = ()) -> Iterator[Marked]:
    """Every marked value in a parsed content object, in the order of its fields."""
    for name, info in type(obj).model_fields.items():
        if _may_hold(info.annotation, tuple(info.metadata)):
            yield from _walk(getattr(obj, name), info.annotation, list(info.metadata), loc + (name,))


_HOLDS: dict[tuple, bool] = {}


def _may_hold(annotation: Any, metadata: tuple = ()) -> bool:
    """Whether a field of this type can hold a marked value anywhere inside it. Most fields cannot (texts, numbers):
    the walk skips them, which at 16x the content saves most of its time (issue 13). Remembered per type (the
    models' objects live as long as the process)."""
    key = (id(annotation), *map(id, metadata))
    if key in _HOLDS:
        return _HOLDS[key]
    _HOLDS[key] = True  # a model that contains itself: assume it can, while finding out
    holds = any(isinstance(m, (Ref, Unique)) for m in metadata)
    origin = typing.get_origin(annotation)
    if not holds and origin is typing.Annotated:
        args = typing.get_args(annotation)
        holds = _may_hold(args[0], tuple(args[1:]))
    elif not holds and origin is not None:
        holds = any(_may_hold(a) for a in typing.get_args(annotation))
    elif not holds and isinstance(annotation, type) and issubclass(annotation, BaseModel):
        holds = any(_may_hold(i.annotation, tuple(i.metadata)) for i in annotation.model_fields.values())
    _HOLDS[key] = holds
    return holds


def _walk(value: Any, annotation: Any, metadata: list[Any], loc: Loc) -> Iterator[Marked]:
    while typing.get_origin(annotation) is typing.Annotated:
        args = typing.get_args(annotation)
        annotation, metadata = args[0], metadata + list(args[1:])
    if value is None:
        return
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        annotation = next((o for o in options if _fits(value, o)), options[0])
        yield from _walk(value, annotation, metadata, loc)
        return
    if typing.get_origin(annotation) is list:
        (item,) = typing.get_args(annotation)
        for i, element in enumerate(value):
            yield from _walk(element, item, metadata, loc + (i,))
        return
    if isinstance(value, BaseModel):
        yield from marked(value, loc)
        return
    for marker in metadata:
        if isinstance(marker, (Ref, Unique)):
            yield Marked(marker, value, loc)


def _fits(value: Any, annotation: Any) -> bool:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    base = typing.get_origin(annotation) or annotation
    return isinstance(base, type) and isinstance(value, base)


def unknown(value: str, options, what: str, loaded: Loaded, loc: Loc, hint: str) -> Problem:
    """A reference to something that does not exist, with the closest option and the choices."""
    line, col = loaded.where(loc)
    suggestion = did_you_mean(value, options)
    return Problem(loaded.rel, line, col, f"{what} '{value}' bestaat niet{suggestion}{' ' if suggestion else '. '}"
                                          f"Kies uit: {one_of(options)}. {hint}")


def hint(kind: Kind) -> str:
    """Where the items of a kind are written: 'Vaardigheden staan in content/vaardigheden/.'"""
    return f"{kind.name.capitalize()} staan in {kind.folder}/."


def check_markers(documents: Iterable[tuple[Kind, BaseModel, Loaded]], known: dict[str, set[str]],
                  extra: Iterable[Entry] = ()) -> list[Problem]:
    """References and uniqueness in every parsed file. ``known``: item name ('vaardigheid') -> the ids that exist
    (of files that did not parse too, so a broken file causes no false 'bestaat niet'). ``extra``: unique values
    that a hand-written rule adds to a scope (the questions a section takes over from another instrument)."""
    problems: list[Problem] = []
    entries = list(extra)
    for kind, obj, loaded in documents:
        for marker, value, loc in marked(obj):
            if isinstance(marker, Ref):
                if value not in known[marker.kind]:
                    problems.append(unknown(value, known[marker.kind], marker.kind, loaded, loc,
                                            hint(BY_ITEM[marker.kind])))
                continue
            # the id of a folder kind's item is unique among all files of the kind; any other value in its file
            scope = (kind.name,) if kind.many and len(loc) == 1 else (loaded.rel,)
            entries.append(Entry(scope + (marker.label,), marker.label,
                                 value.lower() if marker.fold else value, loaded, loc))
    return problems + duplicates(entries)


def duplicates(entries: list[Entry]) -> list[Problem]:
    """A value that occurs twice in its scope, reported at the second place with the first."""
    problems: list[Problem] = []
    files = {e.loaded.rel: i for i, e in reversed(list(enumerate(entries)))}
    ordered = sorted(entries, key=lambda e: (files[e.loaded.rel], e.loaded.where(e.loc)))
    seen: dict[tuple, tuple[str, int]] = {}
    for e in ordered:
        first = seen.get(e.scope + (e.value,))
        if first:
            line, col = e.loaded.where(e.loc)
            problems.append(Problem(e.loaded.rel, line, col,
                                    f"{e.label} '{e.value}' komt twee keer voor (eerst in {first[0]}:{first[1]}); "
                                    f"het moet uniek zijn. Kies een andere naam of voeg de twee samen"))
        else:
            seen[e.scope + (e.value,)] = (e.loaded.rel, e.loaded.where(e.loc)[0])
    return problems
