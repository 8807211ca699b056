"""The offline edition: the whole built site as one zip a school downloads from the site itself and opens from disk.

The zip holds every file of the site but itself, under one folder, with fixed timestamps and permissions in
sorted order, so the same site gives the same bytes. The pages that offer it state its size, yet they are
inside it: the size is found as a fixed point. The size text goes into the pages, the zip is made, and if its
size (in MB with one decimal) reads differently, again with that text; one or two rounds settle it.
"""

from __future__ import annotations

import os
import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from site_build.core.files import write_new
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


@dataclass(frozen=True)
class _Kept:
    """A reused entry's compressed bytes, left where they are in the previous zip until the new one is written."""

    offset: int
    length: int


Entry = tuple[int, int, int, "bytes | _Kept"]  # method, crc32, uncompressed size, the compressed bytes


class _Entries:
    """The zip's entries, each compressed once: a file unchanged since the previous build is taken from that
    build's zip as it is (compared byte for byte with the previous site's file; a file that is the previous site's
    file under a second name, see site/assemble.py, is that file and is not read at all), and copied from the old
    zip straight into the new one. The build passes ``previous`` only when the published site is exactly as the
    last build left it (build.py: not a file written, replaced or touched since), so the old zip's entries are
    still its files' bytes; any other file is compressed once per build,
    whatever the number of rounds. At 16x the content this took an edit's zip from about 1.3 to 0.5 CPU-s, and
    then to about 0.15 (issue 13)."""

    def __init__(self, previous: Path | None):
        self.previous = previous
        self.old: dict[str, zipfile.ZipInfo] = {}
        self.old_file = None
        self._old_size = 0
        if previous is not None and (previous / ZIP_PATH).is_file():
            try:
                self.old_file = open(previous / ZIP_PATH, "rb")
                self._old_size = os.fstat(self.old_file.fileno()).st_size
                with zipfile.ZipFile(self.old_file) as old:
                    # only entries compressed as this code compresses them, so a reused one is what compressing
                    # afresh would give (the build stays reproducible)
                    if old.comment == _COMMENT:
                        self.old = {i.filename: i for i in old.infolist()}
            except (OSError, zipfile.BadZipFile):
                self.old = {}
        self._made: dict[str, tuple[bytes, Entry]] = {}  # by page: its last bytes (the fixed point's rounds)

    def close(self) -> None:
        if self.old_file is not None:
            self.old_file.close()

    def of_file(self, site: Path, rel: str) -> Entry:
        """The entry of the site's file ``rel``."""
        info = self.old.get(f"{FOLDER}/{rel}")
        if info is not None:
            try:
                here, there = os.lstat(site / rel), os.lstat(self.previous / rel)
                if os.path.samestat(here, there) and stat.S_ISREG(there.st_mode) and here.st_size == info.file_size:
                    kept = self._kept(info)
                    if kept is not None:
                        return info.compress_type, info.CRC, info.file_size, kept
            except OSError:
                pass
        data = (site / rel).read_bytes()
        return self._reused(rel, data) or self._compressed(rel, data)

    def entry(self, rel: str, data: bytes) -> Entry:
        """The entry of ``data`` under ``rel`` (a page whose text changes between the rounds)."""
        known = self._made.get(rel)
        if known is None or known[0] != data:
            known = self._made[rel] = (data, self._reused(rel, data) or self._compressed(rel, data))
        return known[1]

    def _compressed(self, rel: str, data: bytes) -> Entry:
        if Path(rel).suffix.lower() in _STORED:
            return zipfile.ZIP_STORED, zlib.crc32(data), len(data), data
        packer = zlib.compressobj(_LEVEL, zlib.DEFLATED, -15)
        return zipfile.ZIP_DEFLATED, zlib.crc32(data), len(data), packer.compress(data) + packer.flush()

    def _reused(self, rel: str, data: bytes) -> Entry | None:
        info = self.old.get(f"{FOLDER}/{rel}")
        if info is None or info.file_size != len(data):
            return None
        try:
            old = self.previous / rel
            if not stat.S_ISREG(os.lstat(old).st_mode) or old.read_bytes() != data:  # never a FIFO or a device
                return None
        except OSError:
            return None
        kept = self._kept(info)
        return None if kept is None else (info.compress_type, info.CRC, info.file_size, kept)

    def _kept(self, info: zipfile.ZipInfo) -> _Kept | None:
        """Where the entry's compressed bytes are in the old zip (after its local header), if they are all there."""
        try:
            self.old_file.seek(info.header_offset)
            header = self.old_file.read(30)
        except OSError:
            return None
        if len(header) != 30 or header[:4] != b"PK\x03\x04":
            return None
        name_length, extra_length = struct.unpack("<HH", header[26:30])
        offset = info.header_offset + 30 + name_length + extra_length
        if offset + info.compress_size > self._old_size:
            return None
        return _Kept(offset, info.compress_size)


_LOCAL, _CENTRAL, _END = 30, 46, 22  # fixed sizes of a local header, a central directory entry and the end record


def _length(packed: bytes | _Kept) -> int:
    return packed.length if isinstance(packed, _Kept) else len(packed)


def _zip_size(entries: list[tuple[bytes, Entry]]) -> int:
    """The size _write_zip gives for these entries, without making it (the fixed point's rounds need only that)."""
    return sum(_LOCAL + _CENTRAL + 2 * len(name) + _length(packed) for name, (_, _, _, packed) in entries) \
        + _END + len(_COMMENT)


def _copy(source, target, offset: int, length: int) -> None:
    """Copy ``length`` bytes at ``offset`` of the file ``source`` to the end of ``target`` (unbuffered files): in
    the kernel where it can (copy_file_range), otherwise through a buffer."""
    done = 0
    try:
        while done < length:
            n = os.copy_file_range(source.fileno(), target.fileno(), length - done, offset + done)
            if n == 0:
                raise OSError("het oude zipbestand is korter dan zijn inhoudsopgave zegt")
            done += n
        return
    except (AttributeError, OSError):
        pass  # another file system, an older kernel: the plain way, from where the copy stopped
    source.seek(offset + done)
    while done < length:
        chunk = source.read(min(length - done, 1 << 20))
        if not chunk:
            raise OSError("het oude zipbestand is korter dan zijn inhoudsopgave zegt")
        target.write(chunk)
        done += len(chunk)


def _write_zip(path: Path, entries: list[tuple[bytes, Entry]], old_file) -> int:
    """Write a zip of ``entries`` (name under the folder, and its entry) to ``path``, by hand so that compressed
    entries can be reused (Python's zipfile compresses whatever it is given): fixed timestamps, Unix permissions,
    no zip64 (refused above 4 GB, far beyond any site). Returns its size."""
    year, month, day, hour, minute, second = _timestamp()
    dos_time = hour << 11 | minute << 5 | second // 2
    dos_date = (year - 1980) << 9 | month << 5 | day
    central = []
    offset = 0
    with open(path, "wb", buffering=0) as out:
        for name, (method, crc, size, packed) in entries:
            flags = 0 if name.isascii() else 0x800  # bit 11: the name is UTF-8
            version = 20 if method == zipfile.ZIP_DEFLATED else 10
            length = _length(packed)
            if offset + length > 0xFFFFFFFF or len(entries) > 0xFFFF:
                raise RuntimeError("de offline-zip wordt groter dan 4 GB; dat kan deze bouw niet maken")
            fields = (version, flags, method, dos_time, dos_date, crc, length, size, len(name))
            header = struct.pack("<4s5H3L2H", b"PK\x03\x04", *fields, 0) + name
            out.write(header)
            if isinstance(packed, _Kept):
                _copy(old_file, out, packed.offset, packed.length)
            else:
                out.write(packed)
            central.append(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 3 << 8 | 20, *fields, 0, 0, 0, 0,
                                       0o100644 << 16, offset) + name)
            offset += len(header) + length
        directory = b"".join(central)
        out.write(directory + struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(central), len(central),
                                          len(directory), offset, len(_COMMENT)) + _COMMENT)
        return out.tell()


class _NewFiles:
    """Where write_zip puts its files when no assembly is given: each as a new file (a file it replaces may be a
    second name of the previous site's)."""

    def __init__(self, site: Path):
        self.site = site

    def put(self, rel: str, data: bytes) -> None:
        write_new(self.site / rel, data)

    def put_file(self, rel: str, made: Path) -> None:
        made.replace(self.site / rel)


def write_zip(site: Path, previous: Path | None = None, into=None) -> int:
    """Write the zip into ``site`` and its size into the pages that offer it; returns the zip's size. ``previous``:
    the site as the last build left it, whose zip's entries are reused for files that did not change. ``into``
    gives the site its files (``put(rel, data)``, ``put_file(rel, path)``: site/assemble.py's Assembly, which links a
    file that did not change); by default each is a new file."""
    into = into or _NewFiles(site)
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
        fixed = {rel: entries.of_file(site, rel) for rel in files if rel not in marked}
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
        made = site / ZIP_PATH
        new = made.with_name(f".{made.name}.{os.getpid()}.nieuw")
        written = _write_zip(new, packed, entries.old_file)
    finally:
        entries.close()
    if written != size:  # _zip_size and _write_zip must agree, or a page would state a wrong size
        new.unlink(missing_ok=True)
        raise RuntimeError(f"{ZIP_NAME}: {written} bytes, berekend {size}")
    for rel, content in pages.items():
        into.put(rel, content)
    into.put_file(ZIP_PATH, new)
    return written
