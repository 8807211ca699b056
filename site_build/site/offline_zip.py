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
        self._made: dict[tuple[str, bytes], tuple[int, int, int, bytes]] = {}

    def close(self) -> None:
        if self._old_file is not None:
            self._old_file.close()

    def entry(self, rel: str, data: bytes) -> tuple[int, int, int, bytes]:
        """(method, crc32, uncompressed size, compressed bytes) of ``data`` under ``rel``."""
        known = self._made.get((rel, data))
        if known is None:
            known = self._made[(rel, data)] = self._reused(rel, data) or self._compressed(rel, data)
        return known

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


def _zip_bytes(files: list[tuple[str, bytes]], entries: _Entries) -> bytes:
    """A zip of ``files`` (name under the folder, bytes), written by hand so that compressed entries can be reused
    (Python's zipfile compresses whatever it is given): fixed timestamps, Unix permissions, no zip64 (refused above
    4 GB, far beyond any site)."""
    year, month, day, hour, minute, second = _timestamp()
    dos_time = hour << 11 | minute << 5 | second // 2
    dos_date = (year - 1980) << 9 | month << 5 | day
    out = io.BytesIO()
    central = []
    for rel, data in files:
        method, crc, size, packed = entries.entry(rel, data)
        name = f"{FOLDER}/{rel}".encode("utf-8")
        flags = 0 if name.isascii() else 0x800  # bit 11: the name is UTF-8
        version = 20 if method == zipfile.ZIP_DEFLATED else 10
        offset = out.tell()
        if offset + len(packed) > 0xFFFFFFFF or len(files) > 0xFFFF:
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


def write_zip(site: Path, previous: Path | None = None) -> int:
    """Write the zip into ``site`` and its size into the pages that offer it; returns the zip's size. ``previous``:
    the site as the last build left it, whose zip's entries are reused for files that did not change."""
    target = site / ZIP_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    files = sorted((p for p in site.rglob("*") if p.is_file()), key=lambda p: p.relative_to(site).as_posix())
    marked = {}
    for page in files:
        if page.suffix == ".html":
            text = page.read_text(encoding="utf-8")
            if MARKER in text:
                marked[page] = text
    contents = {path: path.read_bytes() for path in files if path not in marked}
    entries = _Entries(previous)
    try:
        shown = size_text(0)
        for _ in range(_ROUNDS):
            replaced = {page: text.replace(MARKER, shown).encode("utf-8") for page, text in marked.items()}
            data = _zip_bytes([(p.relative_to(site).as_posix(), replaced.get(p) or contents[p]) for p in files],
                              entries)
            if size_text(len(data)) == shown:
                break
            shown = size_text(len(data))
        else:
            raise RuntimeError(f"de grootte van {ZIP_NAME} kwam na {_ROUNDS} rondes niet vast te liggen")
    finally:
        entries.close()
    for page, content in replaced.items():
        page.write_bytes(content)
    target.write_bytes(data)
    return len(data)
