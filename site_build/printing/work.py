"""The print planner's work list: what waits for the pool's workers, ordered so that what other work waits
for goes first (work waits here, not in the pool), and the results still to come. Work done in this process
(one worker, or a PDF from the cache) is a result at once."""

from __future__ import annotations

import functools
import heapq
import itertools
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, wait
from typing import Any

Result = tuple[dict[str, bytes], dict[str, int]]  # PDF bytes and page counts by file name


class WorkList:
    def __init__(self, workers: int):
        self.workers = workers
        self.pending: set[Future] = set()
        self._ready: list = []  # heap of (rank, order, send, store, result)
        self._order = itertools.count()
        self._in_flight: set[Future] = set()

    def done(self, files: dict[str, bytes], pages: dict[str, int]) -> None:
        future: Future = Future()
        future.set_result((files, pages))
        self.pending.add(future)

    def call(self, work: Callable[[], Result]) -> None:
        future: Future = Future()
        try:
            future.set_result(work())
        except BaseException as exc:  # handed on to whoever waits for the result
            future.set_exception(exc)
        self.pending.add(future)

    def queue(self, rank: tuple, send: Callable[[], Future], store: Callable[[Any], Result]) -> None:
        """``send`` hands the work to the pool once it is its turn; ``store`` turns the pool's answer into
        the result."""
        result: Future = Future()
        heapq.heappush(self._ready, (rank, next(self._order), send, store, result))
        self.pending.add(result)

    def dispatch(self) -> None:
        """Give the workers work: one job each, plus one so none waits for the next."""
        self._in_flight = {f for f in self._in_flight if not f.done()}
        while self._ready and len(self._in_flight) < self.workers + 1:
            _, _, send, store, result = heapq.heappop(self._ready)
            source = send()
            source.add_done_callback(functools.partial(_chain, result, store))
            self._in_flight.add(source)

    def collect(self, wait_all: bool = False) -> list[Result]:
        """Wait until some (or all) work is done, keeping the workers busy meanwhile; the results."""
        results = []
        while self.pending:
            self.dispatch()
            done, _ = wait(self.pending | self._in_flight, return_when=FIRST_COMPLETED)
            finished = done & self.pending
            for future in finished:
                self.pending.discard(future)
                results.append(future.result())
            if finished and not wait_all:
                break
        return results


def _chain(result: Future, store, source: Future) -> None:
    """Finish ``result`` with store(source's result), in the thread that finished the source."""
    try:
        result.set_result(store(source.result()))
    except BaseException as exc:
        result.set_exception(exc)
