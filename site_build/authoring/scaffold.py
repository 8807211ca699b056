"""Scaffolding: `p2g new` writes a new content file from the schema, valid as written, with the Dutch help
text of every field as a comment, so a trainer sees what each field is for without opening the reference."""

from __future__ import annotations

import textwrap
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from site_build.content import models as m
from site_build.content.ids import Ref
from site_build.content.kinds import BY_ITEM, scaffold_kinds
from site_build.content.kinds import kind as kind_named
from site_build.content.schema import modeline
from site_build.core.files import write_new

# `p2g new <name>` for a folder kind writes a new file (content/kinds.py names them); a word is an entry added to
# the one file of relation words
KINDS = {name: (k.folder, k.model) for name, k in scaffold_kinds().items() if k.many}
WORD_FILE = kind_named("woorden").file


def _base(annotation: Any) -> Any:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _base(typing.get_args(annotation)[0])
    if origin is typing.Union or str(origin) == "<class 'types.UnionType'>":
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _base(args[0])
    return annotation


def _is_markdown(annotation: Any) -> bool:
    return "markdown" in repr(annotation)


def _comment(text: str, indent: str) -> list[str]:
    return [f"{indent}# {line}" for line in textwrap.wrap(text, 100 - len(indent))]


def _refs(annotation: Any, metadata: tuple) -> list[Ref]:
    found = [x for x in metadata if isinstance(x, Ref)]
    stack = [annotation]
    while stack:
        a = stack.pop()
        if typing.get_origin(a) is typing.Annotated:
            found += [x for x in typing.get_args(a)[1:] if isinstance(x, Ref)]
        stack.extend(typing.get_args(a))
    return found


def _examples(root: Path) -> dict[str, str]:
    """For each folder kind, an id that exists: a reference in a new file points at it, so the file is valid as
    written (the trainer then picks the right one)."""
    found = {}
    for item, k in BY_ITEM.items():
        stems = sorted(p.stem for p in (root / k.folder).glob("*.yml")) if k.folder else []
        if stems:
            found[item] = stems[0]
    return found


def _placeholder(name: str, annotation: Any, ident: str, title: str, metadata: tuple = (),
                 examples: dict[str, str] | None = None) -> Any:
    base = _base(annotation)
    if name == "id":
        return ident
    for ref in _refs(annotation, metadata):
        if examples and ref.kind in examples:
            return examples[ref.kind]
    if name == "bron":
        return "toevoeging"
    if name in ("naam", "titel") and title:
        return title
    if typing.get_origin(base) is typing.Literal:
        return typing.get_args(base)[0]
    if base is bool:
        return False
    if base is int:
        return 99 if name == "volgorde" else 1
    if _is_markdown(annotation):
        return f"Schrijf hier de tekst voor '{name}'."
    if any(str(getattr(x, "pattern", None) or "").startswith("^http") for x in metadata) or "'uri'" in repr(metadata):
        return "https://www.voorbeeld.nl/"  # a required web address: valid as written, obviously to be replaced
    return f"Vul hier '{name}' in."


def _fields(model: type[BaseModel], ident: str, title: str, indent: str, first_dash: bool = False,
            examples: dict[str, str] | None = None) -> list[str]:
    lines: list[str] = []
    for i, (name, info) in enumerate(model.model_fields.items()):
        lead = indent if not (first_dash and i == 0) else indent[:-2] + "- "
        comment_indent = indent
        lines += _comment(info.description or "", comment_indent)
        annotation = info.annotation
        base = _base(annotation)
        # a section needs a title unless it takes one over: show it as if it were required
        required = info.is_required() or (model is m.Sectie and name == "titel")
        if not required:
            lines.append(f"{comment_indent}# (mag weg) {name}: ...")
            continue
        if typing.get_origin(base) is list:
            item = _base(typing.get_args(base)[0])
            lines.append(f"{lead}{name}:")
            if isinstance(item, type) and issubclass(item, BaseModel):
                lines += _fields(item, ident, title, indent + "    ", first_dash=True, examples=examples)
            else:
                value = _placeholder(name, typing.get_args(base)[0], ident, title, examples=examples)
                lines.append(f"{indent}  - {_yaml_scalar(value)}")
        elif isinstance(base, type) and issubclass(base, BaseModel):
            lines.append(f"{lead}{name}:")
            lines += _fields(base, ident, title, indent + "  ", examples=examples)
        else:
            value = _placeholder(name, annotation, ident, title, tuple(info.metadata), examples)
            lines.append(f"{lead}{name}: {_yaml_scalar(value)}")
    return lines


def _yaml_scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value).replace('"', "'")
    return f'"{text}"'


def new_file(root: Path, kind: str, ident: str, title: str = "") -> Path:
    directory, model = KINDS[kind]
    rel = f"{directory}/{ident}.yml"
    path = root / rel
    if path.exists():
        raise FileExistsError(rel)
    header = [modeline(rel, model),
              f"# Nieuw bestand, gemaakt met 'p2g new {kind} {ident}'. Vervang de teksten door je eigen tekst.",
              "# Regels die met # beginnen zijn uitleg; ze doen niets. Meer uitleg: de pagina 'Velden' op de site.",
              "# Controleer daarna met: .venv/bin/p2g validate", ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, "\n".join(header + _fields(model, ident, title, "", examples=_examples(root))) + "\n", new=True)
    return path


def new_word(root: Path, word: str, waarde: str, uitleg: str | None) -> Path:
    import yaml

    path = root / WORD_FILE
    text = path.read_text(encoding="utf-8")
    try:
        existing = {str(w.get("woord", "")).lower() for w in (yaml.safe_load(text) or {}).get("woorden", [])}
    except (yaml.YAMLError, AttributeError):
        existing = set()
    if word.lower() in existing:
        raise FileExistsError(f"het woord '{word}' staat al in {WORD_FILE}")
    if not text.endswith("\n"):
        text += "\n"
    # follow the indentation of the list already in the file ('- woord' or '  - woord')
    import re

    found = re.search(r"^( *)- woord:", text, re.M)
    pad = found.group(1) if found else "  "
    entry = [f"{pad}- woord: {_yaml_scalar(word)}", f"{pad}  waarde: {waarde}"]
    if uitleg:
        entry.append(f"{pad}  uitleg: {_yaml_scalar(uitleg)}")
    entry.append(f"{pad}  bron: toevoeging")
    write_atomic(path, text + "\n".join(entry) + "\n")
    return path


def write_atomic(path: Path, text: str, new: bool = False) -> None:
    """Write all of the text or nothing (see core.files.write_new); a ``new`` file fails when the name was taken
    meanwhile."""
    write_new(path, text.encode("utf-8"), exclusive=new)
