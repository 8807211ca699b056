"""Caches that cannot lie: every entry is written with its SHA-256 beside it and verified before use (a damaged or
truncated entry is removed and made again, never published); compiled templates that do not load are compiled
again; a digest of a whole folder for the up-to-date check."""

from __future__ import annotations

import hashlib
from pathlib import Path

from jinja2 import FileSystemBytecodeCache

from site_build.core.files import write_new


def _sidecar(path: Path) -> Path:
    return path.with_name(path.name + ".sha256")


def write_verified(path: Path, data: bytes) -> None:
    """Write an entry and its hash (the hash last: an entry without a matching hash is never used)."""
    write_new(path, data)
    write_new(_sidecar(path), hashlib.sha256(data).hexdigest().encode("ascii"))


def read_verified(path: Path) -> bytes | None:
    """The entry's bytes if they match the hash beside them; otherwise None, and the damaged entry is removed."""
    try:
        data = path.read_bytes()
        expected = _sidecar(path).read_bytes().decode("ascii", "replace").strip()
    except OSError:
        return None
    if hashlib.sha256(data).hexdigest() == expected:
        return data
    for damaged in (path, _sidecar(path)):
        damaged.unlink(missing_ok=True)
    return None


class SafeBytecodeCache(FileSystemBytecodeCache):
    """Jinja's bytecode cache, but a damaged entry (any error while loading it) means: compile again."""

    def load_bytecode(self, bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # a truncated or garbled file: pickle and marshal raise many kinds
            bucket.reset()


def tree_digest(folder: Path) -> str | None:
    """A digest of every file under ``folder`` as the file system describes it (name, size, inode and modification
    time in nanoseconds); None if it cannot be read. Any write, replacement or removal changes it, and it costs a
    stat per file instead of reading the whole site: at 16x the content that is 200 MB less to hash per build
    (issue 13). Not the change time: a site's PDFs are second names of the cache's entries, and another edition
    linking the same entry changes it, although nothing in this site changed."""
    digest = hashlib.sha256()
    try:
        for path in sorted(folder.rglob("*")):
            if path.is_symlink() or not path.is_file():
                digest.update(b"L" if path.is_symlink() else b"")
                continue
            info = path.stat()
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0"
                          + f"{info.st_size}:{info.st_ino}:{info.st_mtime_ns}".encode() + b"\0")
    except OSError:
        return None
    return digest.hexdigest()
