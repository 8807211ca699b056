"""The offline edition: the whole built site as one zip a school downloads from the site itself and opens from disk.

The zip holds every file of the site but itself, under one folder, with fixed timestamps and permissions in
sorted order, so the same site gives the same bytes. The pages that offer it state its size, yet they are
inside it: the size is found as a fixed point. The size text goes into the pages, the zip is made, and if its
size (in MB with one decimal) reads differently, again with that text; one or two rounds settle it.
"""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib
from pathlib import Path

from site_build.templating.markers import MARKER, ZIP_NAME, ZIP_PATH  # noqa: F401 (ZIP_NAME re-exported)

FOLDER = "playing-2-gether"  # what unpacking the zip makes
# PDFs and images are compressed already: storing them is as small and much faster
_STORED = {".pdf", ".png", ".jpg", ".jpeg", ".gif", ".woff", ".woff2", ".zip"}
_ROUNDS = 6
# zlib's own default. Measured on today's site (6.0 MB of text, 3.8 MB stored): level 9 gives 5.058 MB in 0.38 CPU-s a
# round, level 6 gives 5.070 MB (0.2 % more) in 0.14 CPU-s; with two rounds a build that saves half a second.
_LEVEL = 6
_COMMENT = f"Playing-2-gether, zlib {_LEVEL}".encode("ascii")  # how its entries were compressed (see _Entries)


def size_text(size: int) -> str:
    """Dutch size, e.g. '7,3 MB' (1 MB = 1024 x 1024 bytes, like the kB of the PDFs)."""
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


def _timestamp() -> tuple:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else the earliest date a zip can hold."""
    import time

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        stamp = time.gmtime(max(int(epoch), 315532800))  # 1980-01-01, the zip format's first day
        return stamp[:6]
    return (1980, 1, 1, 0, 0, 0)


class _Entries:
    """The zip's entries, each compressed once: a file unchanged since the previous build is taken from that
    build's zip as it is (compared byte for byte with the previous site's file, so nothing stale can slip in);
    any other file is compressed once per build, whatever the number of rounds. At 16x the content this took
    an edit's zip from about 1.3 to 0.5 CPU-s (issue 13)."""

    def __init__(self, previous: Path | None):
        self.previous = previous
        self.old: dict[str, zipfile.ZipInfo] = {}
        self._old_file = None
        if previous is not None and (previous / ZIP_PATH).is_file():
            try:
                self._old_file = open(previous / ZIP_PATH, "rb")
                with zipfile.ZipFile(self._old_file) as old:
                    # only entries compressed as this code compresses them, so a reused one is what compressing
                    # afresh would give (the build stays reproducible)
                    if old.comment == _COMMENT:
                        self.old = {i.filename: i for i in old.infolist()}
            except (OSError, zipfile.BadZipFile):
                self.old = {}
        self._made: dict[str, tuple[bytes, tuple[int, int, int, bytes]]] = {}  # by file: its last bytes

    def close(self) -> None:
        if self._old_file is not None:
            self._old_file.close()

    def entry(self, rel: str, data: bytes) -> tuple[int, int, int, bytes]:
        """(method, crc32, uncompressed size, compressed bytes) of ``data`` under ``rel``."""
        known = self._made.get(rel)
        if known is None or known[0] != data:
            known = self._made[rel] = (data, self._reused(rel, data) or self._compressed(rel, data))
        return known[1]

    def _compressed(self, rel: str, data: bytes) -> tuple[int, int, int, bytes]:
        if Path(rel).suffix.lower() in _STORED:
            return zipfile.ZIP_STORED, zlib.crc32(data), len(data), data
        packer = zlib.compressobj(_LEVEL, zlib.DEFLATED, -15)
        return zipfile.ZIP_DEFLATED, zlib.crc32(data), len(data), packer.compress(data) + packer.flush()

    def _reused(self, rel: str, data: bytes) -> tuple[int, int, int, bytes] | None:
        info = self.old.get(f"{FOLDER}/{rel}")
        if info is None or info.file_size != len(data):
            return None
        try:
            if (self.previous / rel).read_bytes() != data:
                return None
            self._old_file.seek(info.header_offset)
            header = self._old_file.read(30)
            if header[:4] != b"PK\x03\x04":
                return None
            name_length, extra_length = struct.unpack("<HH", header[26:30])
            self._old_file.seek(info.header_offset + 30 + name_length + extra_length)
            raw = self._old_file.read(info.compress_size)
        except OSError:
            return None
        if len(raw) != info.compress_size:
            return None
        return info.compress_type, info.CRC, info.file_size, raw


_LOCAL, _CENTRAL, _END = 30, 46, 22  # fixed sizes of a local header, a central directory entry and the end record


def _zip_size(entries: list[tuple[bytes, tuple[int, int, int, bytes]]]) -> int:
    """The size _zip_bytes gives for these entries, without making it (the fixed point's rounds need only that)."""
    return sum(_LOCAL + _CENTRAL + 2 * len(name) + len(packed) for name, (_, _, _, packed) in entries) \
        + _END + len(_COMMENT)


def _zip_bytes(entries: list[tuple[bytes, tuple[int, int, int, bytes]]]) -> bytes:
    """A zip of ``entries`` (name under the folder, and (method, crc, size, compressed bytes)), written by hand so
    that compressed entries can be reused (Python's zipfile compresses whatever it is given): fixed timestamps, Unix
    permissions, no zip64 (refused above 4 GB, far beyond any site)."""
    year, month, day, hour, minute, second = _timestamp()
    dos_time = hour << 11 | minute << 5 | second // 2
    dos_date = (year - 1980) << 9 | month << 5 | day
    out = io.BytesIO()
    central = []
    for name, (method, crc, size, packed) in entries:
        flags = 0 if name.isascii() else 0x800  # bit 11: the name is UTF-8
        version = 20 if method == zipfile.ZIP_DEFLATED else 10
        offset = out.tell()
        if offset + len(packed) > 0xFFFFFFFF or len(entries) > 0xFFFF:
            raise RuntimeError("de offline-zip wordt groter dan 4 GB; dat kan deze bouw niet maken")
        fields = (version, flags, method, dos_time, dos_date, crc, len(packed), size, len(name))
        out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", *fields, 0) + name)
        out.write(packed)
        central.append(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 3 << 8 | 20, *fields, 0, 0, 0, 0,
                                   0o100644 << 16, offset) + name)
    start = out.tell()
    directory = b"".join(central)
    out.write(directory)
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(central), len(central), len(directory), start,
                          len(_COMMENT)) + _COMMENT)
    return out.getvalue()


def _replace(path: Path, data: bytes) -> None:
    """Write ``path`` as a new file (a file it replaces may be a second name of the previous site's)."""
    new = path.with_name(f".{path.name}.{os.getpid()}.nieuw")
    new.write_bytes(data)
    new.replace(path)


def write_zip(site: Path, previous: Path | None = None, put=None) -> int:
    """Write the zip into ``site`` and its size into the pages that offer it; returns the zip's size. ``previous``:
    the site as the last build left it, whose zip's entries are reused for files that did not change. ``put(rel,
    data)`` writes a file of the site (site/assemble.py: a link when it did not change); by default, a new file."""
    if put is None:
        def put(rel: str, data: bytes) -> None:
            _replace(site / rel, data)
    (site / ZIP_PATH).parent.mkdir(parents=True, exist_ok=True)
    (site / ZIP_PATH).unlink(missing_ok=True)
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    marked: dict[str, str] = {}
    for rel in files:
        if rel.endswith(".html"):
            text = (site / rel).read_text(encoding="utf-8")
            if MARKER in text:
                marked[rel] = text
    entries = _Entries(previous)
    try:
        # every other file is read and compressed (or taken from the previous zip) once, whatever the rounds
        fixed = {rel: entries.entry(rel, (site / rel).read_bytes()) for rel in files if rel not in marked}
        names = {rel: f"{FOLDER}/{rel}".encode("utf-8") for rel in files}
        shown = size_text(0)
        for _ in range(_ROUNDS):
            pages = {rel: text.replace(MARKER, shown).encode("utf-8") for rel, text in marked.items()}
            packed = [(names[rel], fixed[rel] if rel in fixed else entries.entry(rel, pages[rel])) for rel in files]
            size = _zip_size(packed)
            if size_text(size) == shown:
                break
            shown = size_text(size)
        else:
            raise RuntimeError(f"de grootte van {ZIP_NAME} kwam na {_ROUNDS} rondes niet vast te liggen")
    finally:
        entries.close()
    data = _zip_bytes(packed)
    if len(data) != size:  # _zip_size and _zip_bytes must agree, or a page would state a wrong size
        raise RuntimeError(f"{ZIP_NAME}: {len(data)} bytes, berekend {size}")
    for rel, content in pages.items():
        put(rel, content)
    put(ZIP_PATH, data)
    return len(data)
