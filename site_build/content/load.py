"""Loading: turns a YAML file into plain Python data plus the line:column of every key and value.

Why not ``yaml.safe_load``: PyYAML's default resolver follows YAML 1.1, so ``nee``, ``no``,
``on`` and ``off`` silently become booleans, and a repeated key silently overwrites the first
one. Trainers write Dutch, so both are real traps. We compose the node tree ourselves and
resolve scalars with the YAML 1.2 core schema (only ``true``/``false`` are booleans), reject
duplicate keys, and keep a position for every path so later stages can say ``file:line:col``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from site_build.core.problems import Problem

Path_ = tuple[Any, ...]

_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}

# A YAML alias bomb ("billion laughs") expands a few lines into billions of nodes.
MAX_NODES = 200_000
MAX_BYTES = 2_000_000


@dataclass
class Loaded:
    """The data of one file and where each piece of it stands."""

    path: Path
    rel: str
    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    _opmaak: Any = field(default=None, repr=False, compare=False)  # markdown_policy.opmaak_fields, found once
    digest: str = ""  # SHA-256 of the file's text (content/file_cache.py)
    text: str = field(default="", repr=False)  # as read (markdown_policy finds where a block's text starts in it)

    def where(self, loc: Path_, key: bool = False) -> tuple[int, int]:
        """Best known position for ``loc``: the key itself if asked, else the value, else a parent."""
        loc = tuple(loc)
        while True:
            if key and loc in self.key_positions:
                return self.key_positions[loc]
            if loc in self.positions:
                return self.positions[loc]
            if not loc:
                return (1, 1)
            loc = loc[:-1]
            key = False


# The C parser (libyaml) when present: same nodes and marks, several times faster.
class _Composer(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Composer only: we never let PyYAML construct Python objects (no implicit types at all)."""


def _scalar(node: yaml.ScalarNode) -> Any:
    value = node.value
    if node.style is not None and node.style != "":
        return value  # quoted or block scalars are always text
    if node.tag not in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
                        "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp",
                        "tag:yaml.org,2002:merge", "tag:yaml.org,2002:value"):
        raise _Bad(node, f"de YAML-tag '{node.tag}' wordt niet ondersteund; haal de tag (het woord met '!') weg")
    if value in _NULL:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value) and any(c.isdigit() for c in value):
        return float(value)
    return value


class _Bad(Exception):
    def __init__(self, node: yaml.Node, message: str):
        super().__init__(message)
        self.node = node
        self.message = message


def _pos(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    def __init__(self, loaded: Loaded, problems: list[Problem]):
        self.loaded = loaded
        self.problems = problems
        self.count = 0

    def build(self, node: yaml.Node, loc: Path_) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _Bad(node, "het bestand is te groot of bevat te veel verwijzingen (&/*); "
                             "schrijf de tekst gewoon uit in plaats van met ankers te werken")
        self.loaded.positions[loc] = _pos(node)
        if isinstance(node, yaml.SequenceNode) and node.tag != "tag:yaml.org,2002:seq" or \
                isinstance(node, yaml.MappingNode) and node.tag != "tag:yaml.org,2002:map":
            raise _Bad(node, f"de YAML-tag '{node.tag}' wordt niet ondersteund; haal de tag (het woord met '!') weg")
        if isinstance(node, yaml.ScalarNode):
            return _scalar(node)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(child, loc + (i,)) for i, child in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise _Bad(key_node, "een veldnaam moet gewone tekst zijn, geen lijst of blok")
                key = key_node.value
                if key == "<<":
                    raise _Bad(key_node, "samenvoegen met '<<' wordt niet ondersteund; schrijf de velden uit")
                if key in result:
                    first = self.loaded.key_positions[loc + (key,)]
                    line, col = _pos(key_node)
                    self.problems.append(Problem(
                        self.loaded.rel, line, col,
                        f"het veld '{key}' staat hier voor de tweede keer (eerst op regel {first[0]}); "
                        f"YAML zou de eerste waarde stilletjes weggooien. Voeg de twee samen of verwijder er één"))
                    continue
                self.loaded.key_positions[loc + (key,)] = _pos(key_node)
                result[key] = self.build(value_node, loc + (key,))
            return result
        raise _Bad(node, "onbekend YAML-onderdeel")


def read_text(path: Path, rel: str, problems: list[Problem]) -> str | None:
    """Read a content file as UTF-8, reporting binary, oversized or badly encoded files, and refusing anything
    but a regular file inside the project (files.py): a symlink, FIFO or device never reaches the site."""
    from site_build.core.files import UnsafeFile, read_limited

    whole = str(path)
    root = Path(whole[: -len(rel)]) if rel and whole.endswith(rel) else None
    try:
        raw = read_limited(path, MAX_BYTES, root)
    except UnsafeFile as exc:
        problems.append(Problem(rel, 1, 1, str(exc)))
        return None
    if b"\x00" in raw:
        problems.append(Problem(rel, 1, 1, "dit is geen tekstbestand (het bevat binaire gegevens); "
                                           "zet hier alleen YAML-tekst neer"))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        problems.append(Problem(rel, line, col, "het bestand is niet in UTF-8 opgeslagen; "
                                                "sla het op als UTF-8 (in VS Code: rechtsonder op de codering klikken)"))
        return None
    return text.lstrip("\ufeff")


def load_yaml(path: Path, rel: str, problems: list[Problem], cache=None) -> Loaded | None:
    """Load one YAML file; every problem is appended to ``problems`` and ``None`` is returned on failure.
    ``cache``: a content/file_cache.FileCache, which gives a file whose text loaded before without composing it."""
    text = read_text(path, rel, problems)
    if text is None:
        return None
    if cache is not None:
        from site_build.content.file_cache import text_key

        digest = text_key(text)
        known = cache.loaded(digest)
        if known is not None:
            return Loaded(path=path, rel=rel, data=known[0], positions=known[1], key_positions=known[2],
                          digest=digest, text=text)
    loaded = _compose(path, rel, text, problems)
    if loaded is not None and cache is not None:
        loaded.digest = digest
        cache.keep(digest, loaded.data, loaded.positions, loaded.key_positions)
    return loaded


def _compose(path: Path, rel: str, text: str, problems: list[Problem]) -> Loaded | None:
    loaded = Loaded(path=path, rel=rel, data=None, text=text)
    try:
        documents = list(yaml.compose_all(text, Loader=_Composer))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        char = ""
        if mark is not None:
            lines = text.splitlines()
            if 0 <= mark.line < len(lines) and 0 <= mark.column < len(lines[mark.line]):
                char = lines[mark.line][mark.column]
        problems.append(Problem(rel, line, col, _explain_syntax(exc, char)))
        return None
    except yaml.YAMLError as exc:  # e.g. reader errors on control characters
        problems.append(Problem(rel, 1, 1, f"het bestand is geen geldige YAML: {exc}"))
        return None
    except RecursionError:
        problems.append(Problem(rel, 1, 1, "het bestand is te diep genest; maak de structuur platter"))
        return None
    documents = [d for d in documents if d is not None
                 and not (isinstance(d, yaml.ScalarNode) and d.value == "" and not d.style)]
    if not documents:
        problems.append(Problem(rel, 1, 1, "het bestand is leeg; vul het in (kijk naar een ander bestand "
                                           "in dezelfde map als voorbeeld) of verwijder het"))
        return None
    if len(documents) > 1:
        line, col = _pos(documents[1])
        problems.append(Problem(rel, line, col, "het bestand bevat meer dan één YAML-document ('---'); "
                                                "zet elk onderdeel in een eigen bestand"))
        return None
    before = len(problems)
    try:
        loaded.data = _Builder(loaded, problems).build(documents[0], ())
    except _Bad as exc:
        line, col = _pos(exc.node)
        problems.append(Problem(rel, line, col, exc.message))
        return None
    except RecursionError:
        problems.append(Problem(rel, 1, 1, "het bestand is te diep genest; maak de structuur platter"))
        return None
    if len(problems) > before:
        return None
    return loaded


def _explain_syntax(exc: yaml.MarkedYAMLError, char: str = "") -> str:
    """A Dutch explanation for both the C (libyaml) and the pure-Python parser's wording."""
    problem = (exc.problem or "").strip()
    if char == "\t":
        return "YAML-fout: hier staat een tab; YAML werkt alleen met spaties. Vervang de tab door spaties"
    hints = {
        "mapping values are not allowed":
            "hier staat een dubbele punt die YAML niet verwacht. Staat er een ':' in een tekst? "
            "Zet de hele tekst dan tussen aanhalingstekens",
        "found character '\\t' that cannot start any token":
            "hier staat een tab; YAML werkt alleen met spaties. Vervang de tab door spaties",
        "could not find expected ':'":
            "YAML verwacht hier 'veld: waarde'. Mist er een dubbele punt, of loopt een tekst over "
            "meer regels zonder '|' of '>'?",
        "did not find expected key":
            "de inspringing klopt niet: dit veld staat niet recht onder de velden erboven. "
            "Gebruik overal twee spaties per niveau",
        "found undefined alias":
            "er staat een '*' voor een woord; YAML leest dat als verwijzing. Zet de tekst tussen aanhalingstekens",
        "found unexpected end of stream":
            "het bestand houdt op midden in een tekst; mist er een afsluitend aanhalingsteken?",
        "did not find expected '-' indicator":
            "de inspringing van deze lijst klopt niet; zet elk lijstitem ('- ') recht onder het vorige",
        "expected ',' or ']'":
            "deze lijst tussen [ en ] klopt niet. Staat er een ',', ':' of '?' in een tekst? "
            "Zet die tekst tussen aanhalingstekens, of schrijf de lijst uit met '- ' op elke regel",
        "expected ',' or '}'":
            "dit blok tussen { en } klopt niet. Zet teksten met ',' of ':' tussen aanhalingstekens",
        "found character that cannot start any token":
            "dit teken mag niet aan het begin van een waarde staan ('@', '`' of '%'). "
            "Zet de tekst tussen aanhalingstekens",
    }
    for key, hint in hints.items():
        if key in problem:
            return f"YAML-fout: {hint}"
    return f"YAML-fout: {problem or exc}. Controleer de inspringing en zet teksten met ':' of '#' tussen aanhalingstekens"
