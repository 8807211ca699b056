"""Shared test fixtures: throw-away copies of a small valid project and of the real repository content."""

from __future__ import annotations

import os
import shutil
import tempfile
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
def content():
    """The repository's own content, loaded once when a test asks for it (never at import: a content error is then
    a failing test with its Dutch message, not a collection error that hides every other test)."""
    from site_build.content.validate import load_content

    return load_content(REPO)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory):
    """The real content, built once per test run: (project, site, content)."""
    from site_build.build import build
    from site_build.content.validate import load_content

    project = make_project(tmp_path_factory.mktemp("echt") / "project", REPO)
    result = build(project)
    return project, result.site, load_content(project)


# What tests leave for a person to look at (screenshots, the axe report) goes outside the repository: a test run
# never changes the checkout. P2G_ARTIFACTS chooses the folder (CI uploads it from there).
def indexed_text(site: Path, titles: bool = False) -> dict[str, str]:
    """Per page, the text the search index holds for it, as a reader would read it: the index keeps some tags,
    a block's (p, li, td ...) as a space, an inline one (<code>) as nothing. With ``titles``, each section's title
    (its heading on the page) comes before its text; a page's own title is the navigation's and is left out."""
    import html
    import json
    import re

    out: dict[str, str] = {}
    for doc in json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]:
        page, _, anchor = doc["location"].partition("#")
        text = (doc["title"] + " " if titles and anchor else "") + doc["text"]
        text = re.sub(r"<[^>]+>", "", re.sub(r"</?(?:p|ul|ol|li|pre|h[1-6]|tr|td|th|dt|dd|div|br)\b[^>]*>", " ", text))
        out[page or "index.html"] = out.get(page or "index.html", "") + " " + html.unescape(text)
    return out


ARTIFACTS = Path(os.environ.get("P2G_ARTIFACTS") or Path(tempfile.gettempdir()) / "p2g-test-artifacts")


# The fast loop (`make test-fast`, `pytest -m "not build"`): units and contracts, no whole build. A test that builds
# carries the `build` marker: by using a fixture that builds, or by marking itself. The guard below makes a missing
# marker fail at once, so the fast loop cannot slowly fill up with builds.
BUILDING_FIXTURES = {"real", "real_site", "built", "server", "browser"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if BUILDING_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.build)


@pytest.fixture(autouse=True)
def _builds_carry_the_marker(request, monkeypatch):
    if request.node.get_closest_marker("build"):
        return

    def refuse(*args, **kwargs):
        raise AssertionError(f"{request.node.nodeid} bouwt een site of PDF's: geef de test de marker "
                             "@pytest.mark.build (of pytestmark = pytest.mark.build in de module).")

    import mkdocs.commands.build

    from site_build.printing import pipeline as print_build

    monkeypatch.setattr(mkdocs.commands.build, "build", refuse)
    monkeypatch.setattr(print_build.PrintBuild, "__init__", refuse)
