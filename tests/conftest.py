"""Shared test fixtures: throw-away copies of a small valid project and of the real repository content."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
MINIMAL = REPO / "tests" / "fixtures" / "minimal"


def make_project(target: Path, content_from: Path) -> Path:
    """A project folder with the repository's build set-up and the content of ``content_from``."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("content", "instruments"):
        if (content_from / name).exists():
            shutil.copytree(content_from / name, target / name)
    for name in ("macros", "theme"):
        shutil.copytree(REPO / name, target / name)
    shutil.copy2(REPO / "mkdocs.yml", target / "mkdocs.yml")
    (target / "site_build").symlink_to(REPO / "site_build")  # the hook path in mkdocs.yml
    return target


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project", MINIMAL)


@pytest.fixture
def real(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project", REPO)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory):
    """The real content, built once per test run: (project, site, content)."""
    from site_build.build import build
    from site_build.validate import load_content

    project = make_project(tmp_path_factory.mktemp("echt") / "project", REPO)
    result = build(project)
    return project, result.site, load_content(project)


ARTIFACTS = REPO / "test-artifacts"
