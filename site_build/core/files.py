"""Reading files of the project safely: content is read only from regular files inside the repository (no
symlink, FIFO, device or folder), with the size limit applied before a byte is read; the logo is checked (an SVG
may carry script or load other files). And the permissions a new file gets, which a file the build links instead of
writing must have too; and the one way a file is written (all of it or nothing)."""

from __future__ import annotations

import os
import re
import stat
import threading
from pathlib import Path

MAX_BYTES = 2_000_000
MAX_LOGO_BYTES = 1_000_000


class UnsafeFile(Exception):
    """A file the build will not read; the message is Dutch and says what to do."""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "een map"
    if stat.S_ISFIFO(mode):
        return "een named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "een apparaatbestand"
    if stat.S_ISSOCK(mode):
        return "een socket"
    return "geen gewoon bestand"


def check_regular(path: Path, root: Path | None = None) -> None:
    """Raise UnsafeFile unless ``path`` is a regular file (not a symlink) inside ``root``."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        raise UnsafeFile("het bestand bestaat niet") from None
    except OSError as exc:
        raise UnsafeFile(f"het bestand kan niet gelezen worden ({exc.strerror})") from None
    if stat.S_ISLNK(info.st_mode):
        raise UnsafeFile("dit is een snelkoppeling (symlink); de build leest alleen gewone bestanden uit het project. "
                         "Zet hier een echte kopie van het bestand neer")
    if not stat.S_ISREG(info.st_mode):
        raise UnsafeFile(f"dit is {_kind(info.st_mode)}, geen gewoon bestand; zet hier een gewoon tekstbestand neer "
                         f"of haal het weg")
    if root is not None:
        real, base = Path(os.path.realpath(path)), Path(os.path.realpath(root))
        if real != base / Path(os.path.abspath(path)).relative_to(os.path.abspath(root)):
            raise UnsafeFile("dit bestand ligt via een snelkoppeling (symlink) buiten het project; "
                             "zet de map en het bestand zelf in het project")


def read_limited(path: Path, limit: int = MAX_BYTES, root: Path | None = None) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; UnsafeFile otherwise. Opened without following a
    symlink and without blocking (a FIFO swapped in after the check cannot hang the build)."""
    check_regular(path, root)
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise UnsafeFile(f"het bestand kan niet gelezen worden ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeFile(f"dit is {_kind(info.st_mode)}, geen gewoon bestand")
        if info.st_size > limit:
            raise UnsafeFile(f"het bestand is te groot ({info.st_size // 1000} kB, hooguit {limit // 1000} kB); "
                             f"splits het op of maak het kleiner")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise UnsafeFile(f"het bestand is te groot (meer dan {limit // 1000} kB); splits het op of maak het kleiner")
    return data


def new_file_mode(folder: Path) -> int:
    """The permissions a file written in ``folder`` gets now (the process's umask; reading the umask itself would
    set it for a moment, for every thread). A file the build publishes as a second name of another must have
    these, or a site built under another umask keeps the old permissions."""
    probe = folder / f".{os.getpid()}.{id(folder)}.rechten"
    probe.write_bytes(b"")
    try:
        return stat.S_IMODE(probe.stat().st_mode)
    finally:
        probe.unlink()


def write_new(path: Path, data: bytes, exclusive: bool = False) -> None:
    """Write ``path`` as a new file put into place in one step: never written into, so a second name (hard link) of
    the old file keeps its bytes, a reader never sees half a file, and a failed write leaves nothing behind. With
    ``exclusive``, a name taken meanwhile raises FileExistsError instead of being replaced (a link, not a rename)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        tmp.write_bytes(data)
        if exclusive:
            os.link(tmp, path)
        else:
            tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


# --- the logo --------------------------------------------------------------------------------------------------

_SVG_BAD = [
    (re.compile(rb"<!DOCTYPE|<!ENTITY", re.I), "een DOCTYPE of ENTITY"),
    (re.compile(rb"<\s*(script|foreignObject|iframe|embed|object|handler|listener)\b", re.I), "een script of ingebed document"),
    (re.compile(rb"\son[a-z]+\s*=", re.I), "een gebeurtenis-attribuut (on...=)"),
    (re.compile(rb"(href|src)\s*=\s*[\"']\s*(?!#)", re.I), "een verwijzing naar een ander bestand (href)"),
    (re.compile(rb"url\(\s*[\"']?\s*(?!#)|@import", re.I), "een verwijzing naar een ander bestand (url(), @import)"),
    (re.compile(rb"javascript:|data:", re.I), "een javascript:- of data:-adres"),
]


def logo_problem(data: bytes, name: str) -> str | None:
    """Why a logo cannot be used, or None. A PNG must be one; an SVG may draw, never run or fetch anything."""
    if name.endswith(".png"):
        return None if data.startswith(b"\x89PNG\r\n\x1a\n") else "dit is geen PNG-bestand"
    if b"<svg" not in data[:4096]:
        return "dit is geen SVG-bestand"
    for pattern, what in _SVG_BAD:
        if pattern.search(data):
            return (f"het SVG-logo bevat {what}; sla het logo op als gewone tekening (bijvoorbeeld 'Opslaan als "
                    f"gewone SVG' in Inkscape) of als PNG")
    return None


def read_logo(root: Path, logo: str) -> bytes:
    """The logo's bytes, checked; UnsafeFile when it may not be used."""
    data = read_limited(root / "content" / logo, MAX_LOGO_BYTES, root)
    why = logo_problem(data, logo)
    if why:
        raise UnsafeFile(why)
    return data
