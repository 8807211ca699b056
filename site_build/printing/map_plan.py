"""The complete map's part of the print plan: its front pages (cover and contents), whose page numbers must
match where each form lands, and the running page numbers stamped onto every page of the merged map.

The forms are rendered once and reused in packs and the map, so each keeps its own 'pagina x van y'; the map
gets its own numbering on top (thin PDFs of page numbers only, in parts of PrintRenderer.NUMBERS_PER_JOB pages so
they grow in line with the map, laid over each page: see printing/stamp.py), and its
contents give exactly those numbers. Mixed into PrintBuild, whose state (pdfs, pages, _asked, counts) it uses.

The front pages' length is known only once they are laid out, and their contents' page numbers depend on it: the
first layout assumes the length the last build found (remembered in the page-count cache, printing/page_counts.py),
and is laid out again only when that was wrong. With a fixed guess of two pages, every build from 4x the content
on laid the front pages out twice (measured: see printing/pipeline.py).
"""

from __future__ import annotations

from site_build.printing.merge import Part
from site_build.printing.products import BY_KIND, file_name
from site_build.printing.sheets import in_map

VOORWERK, MAP = "map-voorwerk.pdf", file_name("map")


class MapSteps:
    FRONT_GUESS = 2  # cover and one page of contents, when no build has counted them yet

    def _map_start(self) -> None:
        """Call after the page-count cache is loaded: the front pages' length as the last build found it."""
        self._map_front, self._map_tries = self.counts.last(VOORWERK, self.FRONT_GUESS), 0
        self._numbers: list[str] | None = None  # the running numbers' PDFs, once asked for

    def _map_step(self, pages: dict[str, int]) -> bool:
        """Start the next step of the map once every form's page count is known; whether anything started."""
        if MAP in self._asked:
            return False
        r, c = self.renderer, self.content
        voorwerk = self.pdfs.get(VOORWERK)
        if VOORWERK not in self._asked:
            self._render(r.map_job(pages, self._map_front))
            return True
        if voorwerk is None:
            return False
        if self.pages[VOORWERK] != self._map_front and self._map_tries < 3:
            # the contents give page numbers after the map's own front pages: settle them
            self._map_front, self._map_tries = self.pages[VOORWERK], self._map_tries + 1
            del self.pdfs[VOORWERK]
            self._render(r.map_job(pages, self._map_front))
            return True
        self.counts.remember(VOORWERK, self.pages[VOORWERK])
        names = [f"{i}.pdf" for i in self._instruments] + [x.name for x in in_map(c)]
        if self._numbers is None:
            total = self.pages[VOORWERK] + sum(self.pages[n] for n in names)
            jobs = r.map_numbers_jobs(total)
            self._numbers = [job.name for job in jobs]
            for job in jobs:
                self._render(job)
            return True
        if any(n not in self.pdfs for n in self._numbers):
            return False
        parts = [Part(voorwerk)] + [Part(self.pdfs[n]) for n in names]
        self._merge(MAP, parts, self._titles[MAP], BY_KIND["map"].subject_of(r.labels),
                    stamp=[self.pdfs[n] for n in self._numbers])
        return True
