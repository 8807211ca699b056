"""Copying a generated docs folder onto the one the site builder reads, writing only what changed."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Changes:
    changed: set[str] = field(default_factory=set)
    added: set[str] = field(default_factory=set)
    removed: set[str] = field(default_factory=set)


def sync_tree(src: Path, dst: Path) -> Changes:
    """Make dst equal to src, writing only files that changed (their age tells MkDocs what to rebuild, and
    `mkdocs serve` does not loop on them)."""
    changes = Changes()
    dst.mkdir(parents=True, exist_ok=True)
    wanted = {p.relative_to(src) for p in src.rglob("*")}
    for rel in sorted(wanted):
        s, d = src / rel, dst / rel
        if s.is_dir():
            d.mkdir(parents=True, exist_ok=True)
        elif not d.is_file():
            d.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(s, d)
            changes.added.add(rel.as_posix())
        elif d.read_bytes() != s.read_bytes():
            shutil.copyfile(s, d)
            changes.changed.add(rel.as_posix())
    for path in sorted(dst.rglob("*"), reverse=True):
        if path.relative_to(dst) not in wanted:
            if path.is_file():
                changes.removed.add(path.relative_to(dst).as_posix())
            shutil.rmtree(path) if path.is_dir() else path.unlink()
    return changes
