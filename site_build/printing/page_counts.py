"""Page counts of rendered PDFs by content hash, kept in the PDF cache (paginas.json): parsing a PDF to count
its pages costs time, and covers and the map need the counts of every form. One PageCounts per build.

It also remembers a few counts by name from one build to the next (`remember`, `last`): the complete map's front
pages, whose contents give page numbers that depend on their own length. Starting from the last build's count
instead of a fixed guess, a rebuild lays them out once instead of twice (from 4x the content, where the contents
run over more pages than the guess; see printing/map_plan.py)."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

from site_build.core.caches import read_verified, write_verified

FILE = "paginas.json"
_NAMED = "naam:"  # a remembered count's key; the others are content hashes (hex), so never clash


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

    def remember(self, name: str, pages: int) -> None:
        self._counts[_NAMED + name] = pages

    def last(self, name: str, default: int) -> int:
        """The count remembered under ``name`` by this or an earlier build, else ``default``."""
        return self._counts.get(_NAMED + name, default)

    def record(self, data: bytes, pages: int) -> None:
        self._counts[digest(data)] = pages

    def of(self, data: bytes) -> int:
        key = digest(data)
        if key not in self._counts:
            import pikepdf

            with pikepdf.open(io.BytesIO(data)) as pdf:
                self._counts[key] = len(pdf.pages)
        return self._counts[key]
