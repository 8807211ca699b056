"""Print pipeline: every PDF of the site (forms, meeting packs, the complete map, pocket cards), rendered
in parallel, cached by the content hash of what each depends on, packs assembled from the rendered forms."""

from __future__ import annotations

import functools
import heapq
import io
import itertools
import os
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from .downloads import Download, pack_name, planned
from .render_print import PdfJob, PrintRenderer, Rendered, job_key
from .validate import Content

# --- one renderer per worker process: WeasyPrint, fonts and the stylesheet are set up once ---------------

_RENDERER: PrintRenderer | None = None


def _render_job(job: PdfJob) -> Rendered:
    assert _RENDERER is not None
    return _RENDERER.render(job)


_PAGES: dict[str, int] = {}


def _digest(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def remember_pages(rendered: Rendered) -> None:
    """The layout knows the page count: remember it, so no PDF needs parsing for it."""
    for data in rendered.files.values():
        _PAGES[_digest(data)] = rendered.pages


def page_count(data: bytes) -> int:
    """Pages of a PDF; remembered by content hash (parsing a 60-page PDF costs more than the build step)."""
    key = _digest(data)
    if key not in _PAGES:
        import pikepdf

        with pikepdf.open(io.BytesIO(data)) as pdf:
            _PAGES[key] = len(pdf.pages)
    return _PAGES[key]


def load_page_cache(cache: Path) -> None:
    import json

    path = cache / "paginas.json"
    if path.is_file():
        try:
            _PAGES.update(json.loads(path.read_text(encoding="utf-8")))
        except ValueError:
            pass


def save_page_cache(cache: Path) -> None:
    import json

    cache.mkdir(parents=True, exist_ok=True)
    tmp = cache / "paginas.json.tmp"
    tmp.write_text(json.dumps(_PAGES, sort_keys=True), encoding="utf-8")
    tmp.replace(cache / "paginas.json")


@dataclass(frozen=True)
class Part:
    """A rendered PDF that goes into a merged one, with its bookmark (by default the PDF's own title)."""

    data: bytes
    title: str | None = None


def merge(parts: list[Part], title: str, subject: str) -> bytes:
    """Concatenate rendered PDFs into one, with title, subject, language and a bookmark per part.

    pikepdf (qpdf) copies pages without re-parsing their content: several times faster than pure Python.
    """
    import pikepdf

    out = pikepdf.new()
    with out.open_outline() as outline:
        for part in parts:
            src = pikepdf.open(io.BytesIO(part.data))
            start = len(out.pages)
            out.pages.extend(src.pages)
            part_title = part.title or str(src.docinfo.get("/Title", "")) or None
            if part_title:
                outline.root.append(pikepdf.OutlineItem(part_title, start))
    out.docinfo["/Title"] = title
    out.docinfo["/Subject"] = subject
    out.docinfo["/Producer"] = "Playing-2-gether site (pikepdf)"
    out.Root.Lang = pikepdf.String("nl")
    out.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
    buffer = io.BytesIO()
    # fixed /ID and no timestamps: the same parts give the same bytes
    out.save(buffer, deterministic_id=True, compress_streams=True,
             object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return buffer.getvalue()


class PrintBuild:
    """Renders what is needed into ``out`` (a downloads folder), reusing cached PDFs by content hash.

    Work starts as soon as what it needs is there: a pack's cover as soon as its forms are laid out (it
    shows their page counts), a pack as soon as its cover and forms are, while the workers go on with the
    rest. Merging happens here, rendering in the workers.
    """

    def __init__(self, content: Content, cache: Path, workers: int | None = None, trainer: bool = False):
        self.content = content
        self.trainer = trainer
        self.cache = cache
        self.workers = workers if workers is not None else min(os.cpu_count() or 1, 4)
        self.renderer = PrintRenderer(content)
        self.stylesheet = self.renderer.cache_basis()
        self.rendered: list[str] = []  # names rendered in this run (not from the cache)
        self._pool: ProcessPoolExecutor | None = None
        self._ready: list = []  # heap of jobs waiting for a worker
        self._order = itertools.count()
        self._in_flight: set[Future] = set()

    # --- rendering, through the cache -----------------------------------------------------------------------
    def _paths(self, job: PdfJob) -> dict[str, Path]:
        key = job_key(job, self.stylesheet)
        return {name: self.cache / f"{key}-{i}.pdf" for i, name in enumerate(job.names)}

    def _submit(self, job: PdfJob, urgent: bool = False) -> Future:
        """A future for the job's PDFs by file name: done at once when they are in the cache.

        Jobs wait in a queue of their own and go to a worker only when one is free, so an urgent job (one
        that others wait for: a cover, the map) goes before the forms still waiting; of the rest, the
        longest goes first, so the workers end close together.
        """
        paths = self._paths(job)
        result: Future = Future()
        if all(path.is_file() for path in paths.values()):
            result.set_result({name: path.read_bytes() for name, path in paths.items()})
        elif self.workers <= 1:
            try:
                result.set_result(self._store(paths, self.renderer.render(job)))
            except BaseException as exc:  # handed on to whoever waits for the result
                result.set_exception(exc)
        else:
            heapq.heappush(self._ready, ((0 if urgent else 1, -len(job.html), next(self._order)), job, paths, result))
        return result

    def _dispatch(self) -> None:
        """Hand queued jobs to free workers (from the main thread only)."""
        self._in_flight = {f for f in self._in_flight if not f.done()}
        while self._ready and len(self._in_flight) < self.workers:
            _, job, paths, result = heapq.heappop(self._ready)
            rendering = self._executor().submit(_render_job, job)
            rendering.add_done_callback(functools.partial(self._finish, paths, result))
            self._in_flight.add(rendering)

    def _finish(self, paths: dict[str, Path], result: Future, rendering: Future) -> None:
        try:
            result.set_result(self._store(paths, rendering.result()))
        except BaseException as exc:
            result.set_exception(exc)

    def _store(self, paths: dict[str, Path], rendered: Rendered) -> dict[str, bytes]:
        remember_pages(rendered)
        for name, path in paths.items():
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(rendered.files[name])
            tmp.replace(path)
            self.rendered.append(name)
        return rendered.files

    def _wait(self, futures: set[Future]) -> set[Future]:
        self._dispatch()
        done, _ = wait(futures, return_when=FIRST_COMPLETED)
        return done

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            import multiprocessing

            global _RENDERER
            # Set WeasyPrint up once here (fonts, parsed stylesheet) and fork: workers inherit it warm.
            self.renderer.warm_up()
            _RENDERER = self.renderer
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=multiprocessing.get_context("fork"))
        return self._pool

    def _close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def _cached(self, jobs: list[PdfJob]) -> dict[str, bytes]:
        """The PDFs of these jobs by file name."""
        futures = {self._submit(job) for job in jobs}
        results: dict[str, bytes] = {}
        pending = set(futures)
        while pending:
            pending -= self._wait(pending)
        for future in futures:
            results.update(future.result())
        return results

    def _merged(self, name: str, parts: list[Part], title: str, subject: str) -> bytes:
        import hashlib

        digest = hashlib.sha256(b"".join(hashlib.sha256(p.data).digest() + repr(p.title).encode()
                                         for p in parts) + title.encode() + subject.encode())
        path = self.cache / f"pak-{digest.hexdigest()}.pdf"
        if path.is_file():
            return path.read_bytes()
        data = merge(parts, title, subject)
        path.write_bytes(data)
        self.rendered.append(name)
        return data

    # --- what a build asks for ----------------------------------------------------------------------------
    def run_forms(self, out: Path, ids: list[str]) -> list[Download]:
        """Only the blank and fillable forms of the chosen instruments (for `p2g pdf`)."""
        jobs = [j for j in self.renderer.jobs() if j.name.removesuffix(".pdf") in ids]
        self.cache.mkdir(parents=True, exist_ok=True)
        try:
            pdfs = self._cached(jobs)
        finally:
            self._close()
        out.mkdir(parents=True, exist_ok=True)
        result = []
        for job in jobs:
            for name, kind in zip(job.names, ("formulier", "invulbaar")):
                (out / name).write_bytes(pdfs[name])
                result.append(Download(name, job.title, kind, len(pdfs[name]), page_count(pdfs[name])))
        return result

    def run(self, out: Path) -> list[Download]:
        load_page_cache(self.cache)
        self.cache.mkdir(parents=True, exist_ok=True)
        try:
            return self._run(out)
        finally:
            self._close()
            save_page_cache(self.cache)

    def _run(self, out: Path) -> list[Download]:
        c, r = self.content, self.renderer
        wanted = planned(c, self.trainer)
        titles = {d.name: d.title for d in wanted}
        packs = {b.id: (cyclus, b) for cyclus, b in c.bijeenkomsten() if b.instrumenten}
        instruments = [i.id for i in c.instrumenten]
        pdfs: dict[str, bytes] = {}
        asked: set[str] = set()
        pending: set[Future] = set()
        front, map_tries = 2, 0

        def submit(job: PdfJob, urgent: bool = False) -> None:
            asked.add(job.name)
            pending.add(self._submit(job, urgent))

        def step() -> bool:
            """Start or do what has become possible; whether anything was."""
            nonlocal front, map_tries
            progressed = False
            pages = {i: page_count(pdfs[f"{i}.pdf"]) for i in instruments if f"{i}.pdf" in pdfs}
            for b_id, (cyclus, b) in packs.items():
                cover, pack = f"omslag-{b_id}.pdf", pack_name(b_id)
                if cover not in asked and all(i in pages for i in b.instrumenten):
                    submit(r.cover_job(cyclus, b, pages), urgent=True)
                    progressed = True
                elif cover in pdfs and pack not in pdfs:
                    parts = [Part(pdfs[cover], title=titles[pack])] + [Part(pdfs[f"{i}.pdf"]) for i in b.instrumenten]
                    pdfs[pack] = self._merged(pack, parts, titles[pack], b.kort)
                    progressed = True
            if len(pages) == len(instruments) and "complete-map.pdf" not in pdfs:
                voorwerk = pdfs.get("map-voorwerk.pdf")
                if "map-voorwerk.pdf" not in asked:
                    submit(r.map_job(pages, front), urgent=True)
                    progressed = True
                elif voorwerk is not None and page_count(voorwerk) != front and map_tries < 3:
                    # the contents give page numbers after the map's own front pages: settle them
                    front, map_tries = page_count(voorwerk), map_tries + 1
                    del pdfs["map-voorwerk.pdf"]
                    submit(r.map_job(pages, front), urgent=True)
                    progressed = True
                elif voorwerk is not None:
                    parts = [Part(voorwerk)] + [Part(pdfs[f"{i}.pdf"]) for i in instruments]
                    pdfs["complete-map.pdf"] = self._merged("complete-map.pdf", parts, titles["complete-map.pdf"],
                                                            "Alle formulieren van het Playing-2-gether-traject")
                    progressed = True
            return progressed

        for job in r.jobs() + r.extra_jobs() + (r.draaiboek_jobs() if self.trainer else []):
            submit(job)
        while True:
            while step():
                pass
            if not pending:
                break
            for future in self._wait(pending):
                pending.discard(future)
                pdfs.update(future.result())
        out.mkdir(parents=True, exist_ok=True)
        downloads = []
        for d in wanted:
            data = pdfs[d.name]
            (out / d.name).write_bytes(data)
            downloads.append(d.done(len(data), page_count(data)))
        return downloads
