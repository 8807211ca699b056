"""Errors in Dutch: turns pydantic's validation errors into one Problem each, at the file:line:column of the
value, saying what was expected, what was found and how to fix it (with a 'bedoel je' for a near miss)."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from site_build.content import models as m
from site_build.content.load import Loaded
from site_build.core.problems import Problem, did_you_mean, one_of

_EXPECTED = {
    "string_type": "tekst",
    "int_type": "een heel getal",
    "int_parsing": "een heel getal",
    "bool_type": "true of false",
    "list_type": "een lijst (regels die beginnen met '- ')",
    "model_type": "een blok met velden ('veld: waarde' op de regels eronder, ingesprongen)",
    "dict_type": "een blok met velden ('veld: waarde' op de regels eronder, ingesprongen)",
    "model_attributes_type": "een blok met velden ('veld: waarde' op de regels eronder, ingesprongen)",
}


def _found(value: Any) -> str:
    if value is None:
        return "niets (het veld is leeg)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"het getal {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"de tekst '{shown}'"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een blok met velden"
    return type(value).__name__


def _unwrap(annotation: Any) -> Any:
    """The model class inside Optional[...] / list[...] / Annotated[...], if any."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, list):
        for arg in typing.get_args(annotation):
            found = _unwrap(arg)
            if isinstance(found, type) and issubclass(found, BaseModel):
                return found
        return None
    return annotation


def _model_at(cls: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    current: Any = cls
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _unwrap(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _field_info(cls: type[BaseModel], loc: tuple):
    parent = _model_at(cls, tuple(loc[:-1]))
    if parent is None or not loc or not isinstance(loc[-1], str):
        return None
    return parent.model_fields.get(loc[-1])


def _data_loc(data: Any, loc: tuple) -> tuple:
    """Keep only the part of a pydantic location that exists in the YAML data."""
    kept: list = []
    current = data
    for part in loc:
        if isinstance(current, dict) and isinstance(part, str) and part in current:
            kept.append(part)
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            kept.append(part)
            current = current[part]
        elif isinstance(part, str) and part not in ("function-after", "function-plain") and not part.startswith(("literal[", "constrained-str", "str", "int", "list[")):
            # a missing field: keep its name so the message can name it
            kept.append(part)
            break
        else:
            continue
    return tuple(kept)


def _pattern_message(field_name: str, value: Any) -> str:
    if field_name in ("id",) or field_name.endswith("id") or field_name in ("vervangen_door", "vaardigheden", "instrumenten", "variant_van", "richtlijnen_uit"):
        return (f"'{field_name}' moet een korte naam zijn van kleine letters, cijfers en streepjes, zonder spaties "
                f"(bijvoorbeeld 'spiegelen'); kreeg {_found(value)}")
    if field_name == "bron":
        return (f"'bron' moet zeggen waar dit vandaan komt: een plek in het rapport ('§2.3.1', 'Tabel 2', 'Bijlage 2', "
                f"'Samenvatting'), 'P2G-materialen', 'toevoeging' of 'uitwerking van §2.3.2', meerdere gescheiden door ';'; "
                f"kreeg {_found(value)}")
    if field_name in ("primair", "accent"):
        return f"'{field_name}' moet een kleurcode zijn als '#1f5f8b' (# en zes tekens 0-9/a-f); kreeg {_found(value)}"
    if field_name == "email":
        return f"'email' moet een e-mailadres zijn, zoals 'naam@school.nl'; kreeg {_found(value)}"
    if field_name in ("van", "tot", "start"):
        example = "2026-09-14" if field_name == "start" else "2027-10-16"
        return f"'{field_name}' moet een datum zijn als '{example}' (jaar-maand-dag); kreeg {_found(value)}"
    if field_name in ("repository", "url", "rapport_url"):
        return f"'{field_name}' moet een webadres zijn dat begint met 'https://'; kreeg {_found(value)}"
    if field_name == "schooljaar":
        return f"'schooljaar' moet de vorm '2026-2027' hebben; kreeg {_found(value)}"
    if field_name == "pagina":
        return (f"'pagina' moet een pad naar een pagina van de site zijn, zoals 'vaardigheden/observeren.md'; "
                f"kreeg {_found(value)}")
    if field_name == "url":
        return (f"'url' moet een webadres zijn dat begint met https:// (of http://), zonder spaties of "
                f"aanhalingstekens, zoals 'https://www.voorbeeldschool.nl/p2g'; kreeg {_found(value)}")
    if field_name == "logo":
        return (f"'logo' moet een bestand in de map content/ zijn, zoals 'afbeeldingen/logo.svg': letters, cijfers, "
                f"'-' en '_', mappen gescheiden door '/', eindigend op .svg of .png; kreeg {_found(value)}")
    if field_name == "uit":
        return f"'uit' moet de vorm 'instrument-id/sectie-id' hebben, zoals 'reflectie-interview-start/kernvragen'; kreeg {_found(value)}"
    return f"'{field_name}' heeft niet de juiste vorm; kreeg {_found(value)}"


def _translate(err: dict, cls: type[BaseModel], loaded: Loaded) -> Problem:
    kind = err["type"]
    loc = _data_loc(loaded.data, tuple(err["loc"]))
    value = err.get("input")
    names = [p for p in loc if isinstance(p, str)]
    name = names[-1] if names else "bestand"
    info = _field_info(cls, loc)
    help_text = f" ({info.description})" if info is not None and info.description else ""

    if kind == "missing":
        line, col = loaded.where(loc[:-1])
        return Problem(loaded.rel, line, col, f"het verplichte veld '{name}' ontbreekt{help_text}. Voeg het toe")
    if kind == "extra_forbidden":
        parent = _model_at(cls, loc[:-1])
        options = list(parent.model_fields) if parent else []
        line, col = loaded.where(loc, key=True)
        suggestion = did_you_mean(name, options)
        return Problem(loaded.rel, line, col,
                       f"onbekend veld '{name}'{suggestion}{' ' if suggestion else '. '}"
                       f"Toegestane velden hier: {one_of(options, 30)}")
    line, col = loaded.where(loc)
    if kind in _EXPECTED:
        hint = ""
        if kind == "bool_type" and isinstance(value, str):
            hint = ". Schrijf true (ja) of false (nee), zonder aanhalingstekens"
        elif kind == "string_type" and isinstance(value, (int, float, bool)):
            hint = ". Bedoel je tekst? Zet de waarde dan tussen aanhalingstekens"
        elif kind == "string_type" and isinstance(value, dict):
            hint = ". Staat er een ':' in de tekst? Zet de hele tekst dan tussen aanhalingstekens"
        elif kind == "list_type" and isinstance(value, str):
            hint = ". Zet elk item op een eigen regel die begint met '- '"
        return Problem(loaded.rel, line, col, f"'{name}' moet {_EXPECTED[kind]} zijn (kreeg {_found(value)}){hint}")
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        options = [o.strip().strip("'") for o in expected.replace(" or ", ",").split(",") if o.strip()]
        return Problem(loaded.rel, line, col,
                       f"'{name}' moet een van {one_of(options)} zijn (kreeg {_found(value)}){did_you_mean(value, options)}")
    if kind == "string_too_short":
        return Problem(loaded.rel, line, col, f"'{name}' mag niet leeg zijn{help_text}. Vul een tekst in of haal het veld weg als het niet verplicht is")
    if kind == "string_too_long":
        return Problem(loaded.rel, line, col, f"'{name}' is te lang (hooguit {err['ctx']['max_length']} tekens); maak de tekst korter")
    if kind == "too_short":
        n = err.get("ctx", {}).get("min_length", 1)
        return Problem(loaded.rel, line, col, f"'{name}' moet minstens {n} item(s) bevatten{help_text}")
    if kind == "too_long":
        return Problem(loaded.rel, line, col, f"'{name}' bevat te veel items (hooguit {err['ctx']['max_length']})")
    if kind == "string_pattern_mismatch":
        return Problem(loaded.rel, line, col, _pattern_message(name, value))
    if kind in ("greater_than_equal", "greater_than"):
        return Problem(loaded.rel, line, col, f"'{name}' moet minstens {err['ctx'].get('ge', err['ctx'].get('gt'))} zijn (kreeg {_found(value)})")
    if kind in ("less_than_equal", "less_than"):
        return Problem(loaded.rel, line, col, f"'{name}' mag hooguit {err['ctx'].get('le', err['ctx'].get('lt'))} zijn (kreeg {_found(value)})")
    if kind == "value_error":
        message = str(err.get("ctx", {}).get("error", err["msg"]))
        if message.startswith("dit veld "):  # a field type's own check names the field here, where it is known
            message = f"'{name}' " + message[len("dit veld "):]
        return Problem(loaded.rel, line, col, message)
    return Problem(loaded.rel, line, col, f"'{name}': {err['msg']} (kreeg {_found(value)})")


def parse(loaded: Loaded, cls: type[m.Model], problems: list[Problem]) -> m.Model | None:
    if not isinstance(loaded.data, dict):
        problems.append(Problem(loaded.rel, 1, 1, f"het bestand moet beginnen met velden ('veld: waarde'), "
                                                  f"maar bevat {_found(loaded.data)}"))
        return None
    try:
        return cls.model_validate(loaded.data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        # A misspelt field gives 'unknown field' and 'missing field' for one typo: report it once.
        explained = set()
        for err in errors:
            if err["type"] == "extra_forbidden":
                loc = _data_loc(loaded.data, tuple(err["loc"]))
                parent = _model_at(cls, loc[:-1])
                suggestion = did_you_mean(loc[-1], list(parent.model_fields) if parent else [])
                if suggestion:
                    explained.add((loc[:-1], suggestion.split("'")[1]))
        seen = set()
        for err in errors:
            if err["type"] == "missing":
                loc = _data_loc(loaded.data, tuple(err["loc"]))
                if (loc[:-1], loc[-1]) in explained:
                    continue
            problem = _translate(err, cls, loaded)
            if problem not in seen:
                seen.add(problem)
                problems.append(problem)
        return None
