"""The published site, put together from the site builder's output: every file as it is served (the post-build
patches applied, the PDFs' sizes filled in), written only where it differs from the previous site's file. A file
that did not change becomes a second name (a hard link) of the previous site's file, so an edit writes and copies
only what it changed (issue 13: at 16x the content, one instrument's edit rewrote 300 pages and copied 40 MB).

Nothing here writes into an existing file: a changed file is always a new one. The previous site stays served,
unchanged, until the build swaps the new one in (build.py), and a file it shares with the new site is never
written again afterwards: the next build links it or writes a new file in its place.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from site_build.core.files import new_file_mode, write_new
from site_build.site.post_build import patched
from site_build.templating.markers import PREFIX


class Assembly:
    """The new site in ``site`` from the builder's output ``built``, next to ``previous`` (the site as the last build
    left it, or None). ``start()`` puts every file but the pages whose markers wait for the PDFs and the files in
    ``placed`` (the PDFs, which the build moves in itself); ``finish(fill)`` those pages; ``put()`` any other file the
    build adds (the offline zip and its pages)."""

    def __init__(self, built: Path, site: Path, previous: Path | None, placed: set[str] = frozenset()):
        self.built, self.site = built, site
        self.placed = placed  # files the build puts in place itself (the PDFs): the builder's stand-ins are skipped
        # a site reached through a symbolic link is not linked from: its files may be anywhere
        self.previous = previous if previous is not None and previous.is_dir() and not previous.is_symlink() else None
        self.written = 0
        self.linked = 0
        self._waiting: list[str] = []  # pages (relative paths) with markers for the PDFs' sizes
        self._old: dict[str, os.stat_result] = {}  # the previous site's regular files, found without following links
        self._mode = 0  # the permissions a new file gets here (the umask): a linked file must have them too

    def start(self) -> None:
        self.site.mkdir(parents=True, exist_ok=True)
        self._mode = new_file_mode(self.site)
        if self.previous is not None:
            for folder, _, files in os.walk(self.previous):  # symbolic links to folders are not followed
                rel_base = Path(folder).relative_to(self.previous)
                for name in files:
                    info = os.lstat(Path(folder) / name)
                    if stat.S_ISREG(info.st_mode):
                        self._old[(rel_base / name).as_posix()] = info
        for folder, dirs, files in os.walk(self.built):
            dirs.sort()
            base = Path(folder)
            rel_base = base.relative_to(self.built)
            for name in dirs:
                (self.site / rel_base / name).mkdir(exist_ok=True)
            for name in sorted(files):
                rel = (rel_base / name).as_posix()
                if rel in self.placed:
                    continue
                data = (base / name).read_bytes()
                if name.endswith(".html") and PREFIX in data:
                    self._waiting.append(rel)
                else:
                    self.put(rel, patched(rel, data))

    def finish(self, fill) -> None:
        """The pages with markers, filled in by ``fill(text, where)`` (templating.markers.filler)."""
        for rel in self._waiting:
            text = (self.built / rel).read_text(encoding="utf-8")
            self.put(rel, fill(text, rel).encode("utf-8"))
        self._waiting = []

    def put(self, rel: str, data: bytes) -> None:
        """Give the site the file ``rel`` with ``data``: a link to the previous site's file when that holds the same
        bytes, otherwise a new file (an existing one is replaced, never written into)."""
        target = self.site / rel
        if self._unchanged(rel, data):
            try:
                target.unlink(missing_ok=True)
                os.link(self.previous / rel, target, follow_symlinks=False)
                self.linked += 1
                return
            except OSError:
                pass  # another file system, or no hard links: written
        write_new(target, data)
        self.written += 1

    def put_file(self, rel: str, made: Path) -> None:
        """Like put, for a file already written next to its place (the offline zip, too big to hold twice)."""
        target = self.site / rel
        if self._linkable(rel, made.stat().st_size):
            old = self.previous / rel
            try:
                if _same_bytes(old, made):
                    target.unlink(missing_ok=True)
                    os.link(old, target, follow_symlinks=False)
                    made.unlink()
                    self.linked += 1
                    return
            except OSError:
                pass
        made.replace(target)
        self.written += 1

    def _linkable(self, rel: str, size: int) -> bool:
        """Whether the previous site has a regular file ``rel`` of this size, with the permissions a new file gets."""
        info = self._old.get(rel)
        return info is not None and info.st_size == size and stat.S_IMODE(info.st_mode) == self._mode

    def _unchanged(self, rel: str, data: bytes) -> bool:
        if not self._linkable(rel, len(data)):
            return False
        try:
            return (self.previous / rel).read_bytes() == data
        except OSError:
            return False


def _same_bytes(a: Path, b: Path) -> bool:
    with open(a, "rb") as one, open(b, "rb") as other:
        while True:
            x, y = one.read(1 << 20), other.read(1 << 20)
            if x != y:
                return False
            if not x:
                return True
