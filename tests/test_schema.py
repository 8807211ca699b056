"""The schema is declared once: committed JSON Schema and the 'Velden' page must match the models."""

from __future__ import annotations

import json

from pydantic import BaseModel

from conftest import REPO
from site_build.content.kinds import schema_names
from site_build.content.schema import (
    VELDEN_PAGE,
    VSCODE_SETTINGS,
    _nested,
    modeline,
    schema_texts,
    velden_markdown,
    vscode_settings,
)
from site_build.content.validate import content_files


def test_committed_json_schema_is_current():
    for name, text in schema_texts().items():
        committed = (REPO / "schema" / name).read_text(encoding="utf-8")
        assert committed == text, f"schema/{name} is verouderd: voer 'p2g schema' uit"


def test_velden_page_is_current():
    assert (REPO / VELDEN_PAGE).read_text(encoding="utf-8") == velden_markdown(), "voer 'p2g schema' uit"
    settings = (REPO / VSCODE_SETTINGS).read_text(encoding="utf-8")
    assert settings == vscode_settings(settings), "voer 'p2g schema' uit (.vscode/settings.json)"


def test_every_field_has_a_dutch_help_text():
    seen: list[type[BaseModel]] = []
    for cls in schema_names():
        _nested(cls, seen)
    missing = [f"{model.__name__}.{name}" for model in seen for name, info in model.model_fields.items()
               if not (info.description and len(info.description) > 5)]
    assert missing == []
    assert len(seen) >= 30


def test_every_field_is_on_the_velden_page():
    page = velden_markdown()
    seen: list[type[BaseModel]] = []
    for cls in schema_names():
        _nested(cls, seen)
    for model in seen:
        for name in model.model_fields:
            assert f"`{name}`" in page, f"{model.__name__}.{name} ontbreekt op de pagina Velden"


def test_schema_describes_fields_in_dutch():
    schema = json.loads((REPO / "schema" / "instrument.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["soort"]["description"].startswith("Soort instrument")
    assert schema["additionalProperties"] is False


def test_every_content_file_starts_with_its_modeline():
    for path, rel, cls in content_files(REPO):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == modeline(rel, cls), f"{rel}: eerste regel moet '{modeline(rel, cls)}' zijn"
        target = (path.parent / first.split("$schema=")[1]).resolve()
        assert target.is_file()
