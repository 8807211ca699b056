"""The offline edition: the whole built site as one zip a school downloads from the site itself and opens from disk.

The zip holds every file of the site but itself, under one folder, with fixed timestamps and permissions in
sorted order, so the same site gives the same bytes. The pages that offer it state its size, yet they are
inside it: the size is found as a fixed point. The size text goes into the pages, the zip is made, and if its
size (in MB with one decimal) reads differently, again with that text; one or two rounds settle it.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

from site_build.templating.markers import MARKER, ZIP_NAME, ZIP_PATH  # noqa: F401 (ZIP_NAME re-exported)

FOLDER = "playing-2-gether"  # what unpacking the zip makes
# PDFs and images are compressed already: storing them is as small and much faster
_STORED = {".pdf", ".png", ".jpg", ".jpeg", ".gif", ".woff", ".woff2", ".zip"}
_ROUNDS = 6
# zlib's own default. Measured on today's site (6.0 MB of text, 3.8 MB stored): level 9 gives 5.058 MB in 0.38 CPU-s a
# round, level 6 gives 5.070 MB (0.2 % more) in 0.14 CPU-s; with two rounds a build that saves half a second.
_LEVEL = 6


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


def _zip_bytes(site: Path, files: list[Path], replaced: dict[Path, bytes]) -> bytes:
    stamp = _timestamp()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in files:
            rel = path.relative_to(site).as_posix()
            info = zipfile.ZipInfo(f"{FOLDER}/{rel}", date_time=stamp)
            info.create_system = 3                 # Unix, wherever it was built
            info.external_attr = 0o100644 << 16    # a plain readable file
            stored = path.suffix.lower() in _STORED
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            data = replaced.get(path) or path.read_bytes()
            archive.writestr(info, data, compresslevel=None if stored else _LEVEL)
    return buffer.getvalue()


def write_zip(site: Path) -> int:
    """Write the zip into ``site`` and its size into the pages that offer it; returns the zip's size."""
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
    shown = size_text(0)
    for _ in range(_ROUNDS):
        replaced = {page: text.replace(MARKER, shown).encode("utf-8") for page, text in marked.items()}
        data = _zip_bytes(site, files, replaced)
        if size_text(len(data)) == shown:
            break
        shown = size_text(len(data))
    else:
        raise RuntimeError(f"de grootte van {ZIP_NAME} kwam na {_ROUNDS} rondes niet vast te liggen")
    for page, content in replaced.items():
        page.write_bytes(content)
    target.write_bytes(data)
    return len(data)
