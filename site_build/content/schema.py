"""Schema outputs: the JSON Schema files for editors and the trainers' 'Velden' page, both from the models."""

from __future__ import annotations

import json
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from site_build.content import models as m
from site_build.content.kinds import KINDS, schema_names

SCHEMA_DIR = "schema"
VELDEN_PAGE = "content/paginas/trainers/velden.md"
VSCODE_SETTINGS = ".vscode/settings.json"  # its "yaml.schemas": which schema VS Code checks each content file with


def schema_for(cls: type[m.Model]) -> dict[str, Any]:
    schema = cls.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"Playing-2-gether: {schema_names()[cls]}"
    return schema


def schema_texts() -> dict[str, str]:
    """File name -> JSON text, for every kind of content file."""
    return {f"{name}.schema.json": json.dumps(schema_for(cls), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
            for cls, name in schema_names().items()}


def modeline(rel_path: str, cls: type[m.Model]) -> str:
    """The first line of a content file that points VS Code's YAML extension at its schema."""
    depth = rel_path.count("/")
    return f"# yaml-language-server: $schema={'../' * depth}{SCHEMA_DIR}/{schema_names()[cls]}.schema.json"


# --- the Velden page ----------------------------------------------------------------------------

def _type_name(annotation: Any) -> str:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        base = args[0]
        extra = " ".join(str(a) for a in args[1:])
        if "pattern='^[a-z0-9]+" in extra:
            return "id (kleine letters, cijfers, streepjes)"
        if "format': 'markdown" in extra or "'format': 'markdown'" in extra:
            return "tekst met opmaak"
        if "pattern='^#" in extra:
            return "kleurcode"
        if "pattern='^(§" in extra:
            return "bron"
        return _type_name(base) if base is not str else "tekst"
    if origin is typing.Literal:
        return "een van: " + ", ".join(f"`{a}`" for a in args)
    if origin is list:
        return f"lijst van {_type_name(args[0])}"
    if origin in (typing.Union,) or str(origin) == "<class 'types.UnionType'>":
        parts = [a for a in args if a is not type(None)]
        return _type_name(parts[0]) if len(parts) == 1 else " of ".join(_type_name(p) for p in parts)
    if annotation is str:
        return "tekst"
    if annotation is int:
        return "heel getal"
    if annotation is bool:
        return "`true` of `false`"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"blok [{annotation.__name__}](#{annotation.__name__.lower()})"
    return str(annotation)


def _nested(cls: type[BaseModel], seen: list[type[BaseModel]]) -> None:
    if cls in seen:
        return
    seen.append(cls)
    for info in cls.model_fields.values():
        stack = [info.annotation]
        while stack:
            a = stack.pop()
            if isinstance(a, type) and issubclass(a, BaseModel):
                _nested(a, seen)
            stack.extend(typing.get_args(a))


def velden_markdown() -> str:
    """The reference of every field of every content file, generated from the models."""
    lines = [
        "# Velden",
        "",
        "Deze pagina wordt gemaakt uit het schema (`site_build/content/models.py`) met `p2g schema`. "
        "Pas haar niet met de hand aan: een test controleert dat ze klopt met het schema.",
        "",
        "Verplichte velden zijn **vet**. Bij velden met *tekst met opmaak* mag je **vet**, *schuin*, "
        "lijstjes en links gebruiken, maar geen HTML.",
        "",
    ]
    done: list[type[BaseModel]] = []
    for kind in KINDS:
        cls = kind.model
        group: list[type[BaseModel]] = []
        _nested(cls, group)
        lines += [f"## `{kind.location}`", ""]
        for model in group:
            if model in done:
                continue
            done.append(model)
            title = model.__name__
            lines += [f"### {title} {{#{title.lower()}}}", ""]
            lines += ["| Veld | Soort | Uitleg |", "| --- | --- | --- |"]
            for field_name, info in model.model_fields.items():
                required = info.is_required()
                label = f"**`{field_name}`**" if required else f"`{field_name}`"
                desc = (info.description or "").replace("|", "\\|")
                if not required and info.default not in (None, [], ...) and not callable(info.default_factory):
                    desc += f" Standaard: `{info.default}`."
                lines.append(f"| {label} | {_type_name(info.annotation)} | {desc} |")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def editor_schemas() -> dict[str, str]:
    """VS Code's "yaml.schemas": every kind's schema file and the files of that kind."""
    return {f"./{SCHEMA_DIR}/{k.schema}.schema.json": k.files_glob for k in KINDS if k.files_glob}


def vscode_settings(current: str) -> str:
    """The settings file with its "yaml.schemas" from the kinds; every other setting kept as it is."""
    settings = json.loads(current) if current.strip() else {}
    settings = {"yaml.schemas": editor_schemas(), **{k: v for k, v in settings.items() if k != "yaml.schemas"}}
    return json.dumps(settings, indent=2, ensure_ascii=False) + "\n"


def write_all(root: Path) -> list[Path]:
    """Regenerate the committed schema files and the Velden page; return the paths written."""
    written = []
    out = root / SCHEMA_DIR
    out.mkdir(exist_ok=True)
    for name, text in schema_texts().items():
        path = out / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    page = root / VELDEN_PAGE
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(velden_markdown(), encoding="utf-8")
    written.append(page)
    settings = root / VSCODE_SETTINGS
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(vscode_settings(settings.read_text(encoding="utf-8") if settings.is_file() else ""),
                        encoding="utf-8")
    written.append(settings)
    return written
