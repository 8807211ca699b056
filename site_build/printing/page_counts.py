"""Page counts of rendered PDFs by content hash, kept in the PDF cache (paginas.json): parsing a PDF to count
its pages costs time, and covers and the map need the counts of every form. One PageCounts per build."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

from site_build.core.caches import read_verified, write_verified

FILE = "paginas.json"


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class PageCounts:
    def __init__(self, cache: Path):
        self.cache = cache
        self._counts: dict[str, int] = {}

    def load(self) -> None:
        data = read_verified(self.cache / FILE)
        if data is None:
            return
        try:
            counts = json.loads(data)
        except ValueError:
            return
        if isinstance(counts, dict):
            self._counts.update({k: v for k, v in counts.items() if isinstance(v, int) and v > 0})

    def save(self) -> None:
        self.cache.mkdir(parents=True, exist_ok=True)
        write_verified(self.cache / FILE, json.dumps(self._counts, sort_keys=True).encode("utf-8"))

    def record(self, data: bytes, pages: int) -> None:
        self._counts[digest(data)] = pages

    def of(self, data: bytes) -> int:
        key = digest(data)
        if key not in self._counts:
            import pikepdf

            with pikepdf.open(io.BytesIO(data)) as pdf:
                self._counts[key] = len(pdf.pages)
        return self._counts[key]
