"""The print plan without WeasyPrint: the complete map's front pages start from the length the last build found
(printing/map_plan.py, page_counts.py), so a rebuild lays them out once; the pocket cards come in blocks of nine,
one per sheet (macros/print/kaarten.html.j2), so their layout grows in line with the cards."""

from __future__ import annotations

import re
from types import SimpleNamespace

from site_build.printing.map_plan import VOORWERK, MapSteps
from site_build.printing.page_counts import PageCounts


class _Plan(MapSteps):
    """Just enough of PrintBuild for the map's first steps: it records the front length each layout assumes."""

    def __init__(self, counts: PageCounts):
        self.counts, self._asked, self.pdfs, self.pages, self.assumed = counts, set(), {}, {}, []
        self.content = None
        self.renderer = SimpleNamespace(map_job=lambda pages, front: SimpleNamespace(name=VOORWERK, front=front))
        self._map_start()

    def _render(self, job) -> None:
        self._asked.add(job.name)
        self.assumed.append(job.front)

    def laid_out(self, pages: int) -> None:
        self.pdfs[VOORWERK], self.pages[VOORWERK] = b"%PDF", pages


def _build(counts: PageCounts, front_pages: int) -> list[int]:
    """The front lengths one build assumes until they match, when the front pages really take ``front_pages``."""
    plan = _Plan(counts)
    plan._map_step({})
    while True:
        plan.laid_out(front_pages)
        try:
            if not plan._map_step({}):
                break
        except AttributeError:  # past the front pages: the rest needs the content, not wanted here
            break
    return plan.assumed


def test_the_map_front_pages_are_laid_out_once_when_a_build_remembers_their_length(tmp_path):
    counts = PageCounts(tmp_path)
    counts.load()
    assert _build(counts, 4) == [2, 4], "zonder eerdere build: eerst de schatting, dan de echte lengte"
    counts.save()
    again = PageCounts(tmp_path)
    again.load()
    assert again.last(VOORWERK, 2) == 4
    assert _build(again, 4) == [4], "een volgende build begint bij de lengte van de vorige: één keer opmaken"


def test_remembered_counts_do_not_mix_with_the_counts_by_content_hash(tmp_path):
    counts = PageCounts(tmp_path)
    counts.remember(VOORWERK, 3)
    counts.record(b"%PDF-1.7 x", 5)
    counts.save()
    loaded = PageCounts(tmp_path)
    loaded.load()
    assert loaded.last(VOORWERK, 2) == 3 and loaded.of(b"%PDF-1.7 x") == 5
    assert loaded.last("iets-anders.pdf", 2) == 2


def test_the_pocket_cards_come_in_blocks_of_nine_one_per_sheet():
    """One container across every sheet made the cards' layout grow with their square (issue 13)."""
    from conftest import REPO

    template = (REPO / "macros" / "print" / "kaarten.html.j2").read_text(encoding="utf-8")
    css = (REPO / "macros" / "print" / "print.css.j2").read_text(encoding="utf-8")
    assert "batch(9)" in template
    assert re.search(r"\.kaarten \+ \.kaarten \{[^}]*break-before: page", css)
    assert not re.search(r"\.kaarten \{[^}]*display: flex", css), "geen flex-container over paginagrenzen heen"
