"""The bench's scratch copies: the project as it is (copy_project) and a copy with N times the content (scale).

Scaling copies every item of the folder kinds (instruments, skills, don'ts, contexts: one item per file) N-1 times
under a new id (`observeren-k2`, ...) with its title marked (' (kopie 2)'), and points the references inside a copy
at the copy of the same round: an id that names an item, `uit: instrument/sectie`, and links to an item's page
(`vaardigheden/observeren.md`). The single files (the PLG trajectory, the research, the home page) stay as they
are: their references keep pointing at the originals, which still exist, so the copies are pages, PDFs, cards and
map entries more, not meetings more (a cycle's number stops at 9). The files are read with the project's own YAML
loader (YAML 1.2, so 'nee' stays text) and written back with PyYAML, which quotes what needs quoting; comments are
not kept. Whoever uses a scaled copy validates it first (`p2g validate`): the bench does.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
# folder -> the section of the site its pages are in (for links to an item's page)
FOLDERS = {"instruments": "instrumenten", "content/vaardigheden": "vaardigheden", "content/donts": "donts",
           "content/contexten": "contexten"}
TITLE_KEYS = ("titel", "naam")


def copy_project(target: Path, source: Path = REPO) -> Path:
    """What a build reads, copied into ``target`` (without caches or an earlier build)."""
    for name in ("content", "instruments", "macros", "theme", "site_build"):
        shutil.copytree(source / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(source / "mkdocs.yml", target / "mkdocs.yml")
    return target


def _load(path: Path) -> Any:
    import sys

    sys.path.insert(0, str(REPO))
    from site_build.content.load import load_yaml

    problems: list = []
    loaded = load_yaml(path, path.name, problems)
    if loaded is None or problems:
        raise ValueError(f"{path}: {[str(p) for p in problems]}")
    return loaded.data


def _remap(value: Any, ids: set[str], suffix: str, links: re.Pattern, key: str = "") -> Any:
    if isinstance(value, dict):
        return {k: _remap(v, ids, suffix, links, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_remap(v, ids, suffix, links, key) for v in value]
    if not isinstance(value, str):
        return value
    if value in ids:
        return value + suffix
    if key == "uit" and value.split("/", 1)[0] in ids:
        first, rest = value.split("/", 1)
        return f"{first}{suffix}/{rest}"
    return links.sub(lambda m: f"{m.group(1)}/{m.group(2)}{suffix}.md", value)


def scale(project: Path, factor: int) -> dict[str, int]:
    """Give ``project`` ``factor`` times the items of every folder kind; returns folder -> number of items."""
    items = {folder: {p: _load(p) for p in sorted((project / folder).glob("*.yml"))} for folder in FOLDERS}
    ids = {data["id"] for files in items.values() for data in files.values()}
    sections = "|".join(FOLDERS.values())
    # a link to an item's page, relative or not, with or without an anchor after it
    links = re.compile(rf"\b({sections})/({'|'.join(sorted(map(re.escape, ids), key=len, reverse=True))})\.md\b")
    counts = {}
    for folder, files in items.items():
        for path, data in files.items():
            header = path.read_text(encoding="utf-8").split("\n", 1)[0]
            header = header + "\n" if header.startswith("# yaml-language-server") else ""
            for k in range(2, factor + 1):
                suffix = f"-k{k}"
                copy = _remap(data, ids, suffix, links)
                copy["id"] = data["id"] + suffix
                for title in TITLE_KEYS:
                    if isinstance(copy.get(title), str):
                        copy[title] = f"{copy[title]} (kopie {k})"
                text = yaml.safe_dump(copy, allow_unicode=True, sort_keys=False, width=120)
                (path.parent / f"{copy['id']}.yml").write_text(header + text, encoding="utf-8")
        counts[folder] = len(list((project / folder).glob("*.yml")))
    return counts


if __name__ == "__main__":  # python bench/scale.py <empty folder> <factor>: a scaled copy to look at
    import sys

    target = copy_project(Path(sys.argv[1]))
    print(scale(target, int(sys.argv[2])))
