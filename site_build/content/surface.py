"""The content surface: every text field of every model, found by walking the pydantic models (never listed by
hand), with its kind: 'tekst' (plain text), 'opmaak' (the Markdown subset), 'url', 'pad' (a file in the project)
or 'vorm' (text with a fixed pattern: ids, sources, colours, dates). Used by validation (links in Markdown) and by
the tests that put a hostile value into every field."""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from typing import Any, Iterator

from pydantic import BaseModel

from site_build.content.kinds import files, folders

Loc = tuple[Any, ...]


@dataclass(frozen=True)
class FieldSpot:
    """One text value in a content file: its location in the data and its kind."""

    loc: Loc
    kind: str
    name: str  # the model field, as in all_model_fields: 'Instrument.secties>Sectie.titel'


def _metadata(annotation: Any) -> list[Any]:
    found: list[Any] = []
    while typing.get_origin(annotation) is typing.Annotated:
        args = typing.get_args(annotation)
        found.extend(args[1:])
        annotation = args[0]
    return found


def text_kind(annotation: Any, metadata: list[Any] | None = None) -> str | None:
    """The kind of a string field, or None when the annotation is not text."""
    meta = list(metadata or []) + _metadata(annotation)
    base = annotation
    while typing.get_origin(base) is typing.Annotated:
        base = typing.get_args(base)[0]
    if base is not str:
        return None
    for item in meta:
        extra = getattr(item, "json_schema_extra", None)
        if isinstance(extra, dict) and extra.get("format") in ("markdown", "uri", "pad"):
            return {"markdown": "opmaak", "uri": "url", "pad": "pad"}[extra["format"]]
    if any(getattr(item, "pattern", None) for item in meta):
        return "vorm"
    return "tekst"


_KINDS: dict[tuple, str | None] = {}


def _kind_of(annotation: Any, metadata: list[Any]) -> str | None:
    """text_kind, remembered per annotation and metadata (objects of the models, which live as long as the process):
    the walk asks it for every value of every file."""
    key = (id(annotation), *map(id, metadata))
    if key not in _KINDS:
        _KINDS[key] = text_kind(annotation, metadata)
    return _KINDS[key]


def _options(annotation: Any) -> list[Any]:
    """The alternatives of Optional[...] / X | None, else the annotation itself."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return [a for a in typing.get_args(annotation) if a is not type(None)]
    return [annotation]


def spots(model: type[BaseModel], data: Any, loc: Loc = (), prefix: str = "", only: str | None = None
          ) -> Iterator[FieldSpot]:
    """Every text value present in ``data`` (a file's YAML data for ``model``), with its kind; with ``only``, the
    values of that kind (fields that cannot hold one are not walked)."""
    if not isinstance(data, dict):
        return
    for name, info in model.model_fields.items():
        if name not in data or only is not None and only not in _kinds_in(info.annotation, (*info.metadata, info)):
            continue
        yield from _walk(info.annotation, list(info.metadata) + [info], data[name], loc + (name,),
                         f"{prefix}{model.__name__}.{name}")


_UNWRAPPED: dict[int, list] = {}


def _unwrapped(annotation: Any) -> list[tuple[Any, Any, Any]]:
    """Per alternative of the annotation: (the alternative, it without Annotated, its origin); remembered."""
    found = _UNWRAPPED.get(id(annotation))
    if found is None:
        found = []
        for option in _options(annotation):
            inner = option
            while typing.get_origin(inner) is typing.Annotated:
                inner = typing.get_args(inner)[0]
            found.append((option, inner, typing.get_origin(inner)))
        _UNWRAPPED[id(annotation)] = found
    return found


_INSIDE: dict[tuple, frozenset] = {}


def _kinds_in(annotation: Any, metadata: tuple = ()) -> frozenset:
    """The kinds of text a field of this type can hold anywhere inside it (remembered per type)."""
    key = (id(annotation), *map(id, metadata))
    if key in _INSIDE:
        return _INSIDE[key]
    _INSIDE[key] = frozenset()  # a model that contains itself adds nothing new
    kinds: set = set()
    for option, inner, origin in _unwrapped(annotation):
        kind = text_kind(option, list(metadata))
        if kind:
            kinds.add(kind)
        elif origin is list:
            kinds |= _kinds_in(typing.get_args(inner)[0])
        elif isinstance(inner, type) and issubclass(inner, BaseModel):
            for info in inner.model_fields.values():
                kinds |= _kinds_in(info.annotation, (*info.metadata, info))
    _INSIDE[key] = frozenset(kinds)
    return _INSIDE[key]


def _walk(annotation: Any, metadata: list[Any], value: Any, loc: Loc, name: str, only: str | None = None
          ) -> Iterator[FieldSpot]:
    for option, inner, origin in _unwrapped(annotation):
        if isinstance(value, str):
            kind = _kind_of(option, metadata)
            if kind:
                yield FieldSpot(loc, kind, name)
                return
        elif origin is list and isinstance(value, list):
            (item,) = typing.get_args(inner)
            for i, element in enumerate(value):
                yield from _walk(item, [], element, loc + (i,), name, only)
            return
        elif isinstance(inner, type) and issubclass(inner, BaseModel) and isinstance(value, dict):
            yield from spots(inner, value, loc, name + ">", only)
            return


def model_fields(model: type[BaseModel], prefix: str = "") -> Iterator[tuple[str, str]]:
    """Every text field a model can hold (present or not), as ('Model.pad.naar.veld', kind)."""
    for name, info in model.model_fields.items():
        for option in _options(info.annotation):
            inner = option
            while typing.get_origin(inner) is typing.Annotated:
                inner = typing.get_args(inner)[0]
            metadata = list(info.metadata) + [info]
            if typing.get_origin(inner) is list:
                inner = typing.get_args(inner)[0]
                option, metadata = inner, []
                while typing.get_origin(inner) is typing.Annotated:
                    inner = typing.get_args(inner)[0]
            kind = text_kind(option, metadata)
            if kind:
                yield f"{prefix}{model.__name__}.{name}", kind
            elif isinstance(inner, type) and issubclass(inner, BaseModel):
                yield from model_fields(inner, f"{prefix}{model.__name__}.{name}>")


def all_model_fields() -> list[tuple[str, str]]:
    """The text fields of every kind of content file."""
    seen: dict[str, str] = {}
    for model in [k.model for k in list(files().values()) + list(folders().values())]:
        for name, kind in model_fields(model):
            seen.setdefault(name, kind)
    return sorted(seen.items())
