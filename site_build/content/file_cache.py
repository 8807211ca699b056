"""The content files as the last load left them: each file's data and positions, and which checks it passed, by
the SHA-256 of its text, so a build reads again only what changed (issue 13: at 16x the content, loading and
checking 490 files took 1.1 of an edit's CPU seconds).

One file, build/inhoud-cache.marshal, written with its hash beside it (core/caches: a damaged or truncated cache
is never used, only made again). It holds plain data only (marshal: dicts, lists, strings, numbers), and is keyed
by the code that loads and checks (load.py, markdown_policy.py, surface.py) and the PyYAML version, so a changed
loader starts from nothing. Problems are never kept: a file with a problem is loaded and checked again every time,
so every error is reported as it is now. Used only where build/ exists (a build made it); `p2g validate` on a fresh
clone writes nothing.
"""

from __future__ import annotations

import hashlib
import marshal
from pathlib import Path
from typing import Any

from site_build.core.caches import read_verified, write_verified

FILE = "inhoud-cache.marshal"
_CODE = ("load.py", "markdown_policy.py", "surface.py", "file_cache.py")


def _code_key() -> str:
    import yaml

    digest = hashlib.sha256(yaml.__version__.encode())
    here = Path(__file__).parent
    for name in _CODE:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()


def text_key(text: str) -> str:
    """What a file's entry is found by: the SHA-256 of its text (so a file that is moved or renamed keeps it)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class FileCache:
    """The cache of one load (see the module): read at the start, written at the end with only what was used."""

    def __init__(self, path: Path | None):
        self.path = path
        self.code = _code_key()
        self.files: dict[str, tuple] = {}
        self.clean: set[str] = set()
        self._used_files: dict[str, tuple] = {}
        self._used_clean: set[str] = set()
        self._before: tuple = ((), ())
        if path is None:
            return
        data = read_verified(path)
        try:
            stored = marshal.loads(data) if data is not None else None
        except (ValueError, EOFError, TypeError):
            stored = None
        if isinstance(stored, dict) and stored.get("code") == self.code:
            self.files, self.clean = stored.get("files", {}), set(stored.get("clean", ()))
            self._before = (tuple(sorted(self.files)), tuple(sorted(self.clean)))

    @classmethod
    def of(cls, root: Path) -> FileCache:
        build = Path(root) / "build"
        return cls(build / FILE if build.is_dir() and not build.is_symlink() else None)

    def loaded(self, key: str) -> tuple[Any, dict, dict] | None:
        """(data, positions, key positions) of a file with this text, as loaded before."""
        found = self.files.get(key)
        if found is not None:
            self._used_files[key] = found
        return found

    def keep(self, key: str, data: Any, positions: dict, key_positions: dict) -> None:
        self._used_files[key] = (data, positions, key_positions)

    def passed(self, check: str) -> bool:
        """Whether a file passed this check before (``check`` names the check and everything it depends on)."""
        if check in self.clean:
            self._used_clean.add(check)
            return True
        return False

    def passes(self, check: str) -> None:
        self._used_clean.add(check)

    def save(self) -> None:
        """Keep what this load used (so the cache never grows beyond the content), if anything changed."""
        if self.path is None:
            return
        if (tuple(sorted(self._used_files)), tuple(sorted(self._used_clean))) == self._before:
            return
        try:
            write_verified(self.path, marshal.dumps({"code": self.code, "files": self._used_files,
                                                     "clean": sorted(self._used_clean)}))
        except (OSError, ValueError):
            pass  # a cache that cannot be written only costs time
