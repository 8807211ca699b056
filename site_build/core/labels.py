"""Reader-facing words: the label catalogue of one language (macros/labels/<taal>.yml), loaded, checked and read.

Every word a reader sees that is not content (headings the site writes, table headers, roles, header fields, source
wording, planning tasks, day and month names, the decimal sign) lives in the catalogue, so a second language is a
second file. Print follows it too: print HTML's lang, the PDFs' /Lang and XMP dc:language, the products' titles
and kinds ('drukwerk'). So does the navigation: a page's title in the kinds' table (content/kinds.py) and a section in
the site map (site/sitemap.py) are label keys ('nav'), and so are the words of the preview's error page.
Catalogue values are written by the makers of the site, like the templates: they may hold HTML and
'{name}' placeholders, filled in with escaped values. A missing label stops the build with the file and the key
(never an empty place on a page). Errors for trainers stay Dutch, whatever the language of the edition.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from markupsafe import Markup

from site_build.core.problems import UserError

LABELS_DIR = Path("macros") / "labels"
REFERENCE = "nl"  # the catalogue every other language is checked against: it has every key


class LabelError(UserError):
    """A catalogue that is missing, unreadable or lacks a label: a mistake in the site's own files."""


class Label(Markup):
    """One catalogue text. Called with values, it fills its '{name}' placeholders (values escaped)."""

    def __call__(self, **values: Any) -> Markup:
        return Markup(self).format(**values)


class Labels:
    """A catalogue or one section of it: ``t.bijeenkomst.doelen`` in templates, ``labels.text('bron.rapport')`` in
    code. Unknown keys raise LabelError (not AttributeError, which Jinja would turn into an empty value)."""

    def __init__(self, data: dict, source: Path, prefix: str = ""):
        self._data = data
        self._source = source
        self._prefix = prefix

    def _get(self, key: str) -> Any:
        if key not in self._data:
            raise LabelError(f"{self._source}: het label '{self._prefix}{key}' ontbreekt; voeg het toe aan dit "
                             f"bestand (kijk in {REFERENCE}.yml welke tekst er hoort)")
        value = self._data[key]
        if isinstance(value, dict):
            return Labels(value, self._source, f"{self._prefix}{key}.")
        if isinstance(value, list):
            return [Label(v) for v in value]
        return Label(value)

    def __getattr__(self, key: str) -> Any:
        if key.startswith("_"):
            raise AttributeError(key)
        return self._get(key)

    def __getitem__(self, key: str) -> Any:
        return self._get(key)

    def get(self, key: str, default: Any = None) -> Any:
        return self._get(key) if key in self._data else default

    def _path(self, dotted: str) -> Any:
        node: Any = self
        for part in dotted.split("."):
            node = node[part]
        return node

    def text(self, dotted: str) -> str:
        """A label as plain text (for code that builds text before it is escaped)."""
        return str(self._path(dotted))

    def section(self, dotted: str) -> dict[str, str]:
        """A section of labels as a plain dict (for code and for templates that look labels up by a value)."""
        node = self._path(dotted)
        return {k: str(node[k]) for k in node._data}

    @property
    def source(self) -> Path:
        return self._source


def package_labels(taal: str = REFERENCE) -> Labels:
    """The catalogue shipped with the program (for callers that do not know the project's root yet)."""
    return load_labels(Path(__file__).resolve().parents[2], taal)


def catalogue_path(root: Path, taal: str) -> Path:
    return root / LABELS_DIR / f"{taal}.yml"


def keys(data: dict, prefix: str = "") -> set[str]:
    """Every key of a catalogue, as dotted paths (sections too)."""
    out: set[str] = set()
    for k, v in data.items():
        out.add(prefix + k)
        if isinstance(v, dict):
            out |= keys(v, f"{prefix}{k}.")
    return out


def _read(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LabelError(f"{path}: dit bestand met de woorden van de site ontbreekt; maak het (kopieer "
                         f"{REFERENCE}.yml en vertaal de teksten)") from None
    except (OSError, yaml.YAMLError) as error:
        raise LabelError(f"{path}: kan de woorden van de site niet lezen ({error})") from None
    if not isinstance(data, dict):
        raise LabelError(f"{path}: verwacht een lijst van sleutels met teksten")
    return data


def _check(data: dict, path: Path, prefix: str = "") -> None:
    for k, v in data.items():
        if isinstance(v, dict):
            _check(v, path, f"{prefix}{k}.")
        elif isinstance(v, list):
            if not all(isinstance(x, str) for x in v):
                raise LabelError(f"{path}: '{prefix}{k}' moet een lijst van teksten zijn")
        elif not isinstance(v, str):
            raise LabelError(f"{path}: '{prefix}{k}' moet een tekst zijn (zet hem tussen aanhalingstekens)")


@lru_cache(maxsize=8)
def _load(path: Path, reference: Path | None, stamp: tuple) -> Labels:
    data = _read(path)
    _check(data, path)
    if reference is not None:
        missing = sorted(keys(_read(reference)) - keys(data))
        if missing:
            raise LabelError(f"{path}: het label '{missing[0]}' ontbreekt"
                             + (f" (en nog {len(missing) - 1} andere)" if len(missing) > 1 else "")
                             + f"; {reference.name} heeft het wel")
    return Labels(data, path)


def load_labels(root: Path, taal: str) -> Labels:
    """The catalogue of ``taal`` under ``root``, checked against the Dutch one (every key present)."""
    path = catalogue_path(root, taal)
    reference = catalogue_path(root, REFERENCE)
    ref = None if taal == REFERENCE or not reference.is_file() else reference

    def stamp(p: Path | None) -> tuple:
        try:
            st = p.stat() if p else None
        except OSError:
            return (None,)
        return (st.st_mtime_ns, st.st_size) if st else (None,)

    # cached per file version: a changed catalogue (mkdocs serve) is read again
    return _load(path, ref, (stamp(path), stamp(ref)))
