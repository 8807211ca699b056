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


def _options(annotation: Any) -> list[Any]:
    """The alternatives of Optional[...] / X | None, else the annotation itself."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return [a for a in typing.get_args(annotation) if a is not type(None)]
    return [annotation]


def spots(model: type[BaseModel], data: Any, loc: Loc = (), prefix: str = "") -> Iterator[FieldSpot]:
    """Every text value present in ``data`` (a file's YAML data for ``model``), with its kind."""
    if not isinstance(data, dict):
        return
    for name, info in model.model_fields.items():
        if name not in data:
            continue
        yield from _walk(info.annotation, list(info.metadata) + [info], data[name], loc + (name,),
                         f"{prefix}{model.__name__}.{name}")


def _walk(annotation: Any, metadata: list[Any], value: Any, loc: Loc, name: str) -> Iterator[FieldSpot]:
    for option in _options(annotation):
        inner = option
        while typing.get_origin(inner) is typing.Annotated:
            inner = typing.get_args(inner)[0]
        if isinstance(value, str):
            kind = text_kind(option, metadata)
            if kind:
                yield FieldSpot(loc, kind, name)
                return
        elif typing.get_origin(inner) is list and isinstance(value, list):
            (item,) = typing.get_args(inner)
            for i, element in enumerate(value):
                yield from _walk(item, [], element, loc + (i,), name)
            return
        elif isinstance(inner, type) and issubclass(inner, BaseModel) and isinstance(value, dict):
            yield from spots(inner, value, loc, name + ">")
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
