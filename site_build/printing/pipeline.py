"""Print pipeline: every PDF of the site (forms, meeting packs, the complete map, pocket cards), rendered
in parallel by the workers of a PdfPool, cached by the content hash of what each depends on, packs and the
map merged from the rendered forms.

CPU seconds of a cold print build (issue 13; one process, workers=1, nothing cached; scratch copies with the
instruments, skills, don'ts and contexts copied 4x and 16x; before -> after, medians of interleaved runs on 2 shared
cores; every figure in /work/wt/print13-figures.txt):
  1x 5.81 -> 4.95, 4x 15.52 -> 13.20, 16x 70.9 -> 50.9 (two runs each).
  pocket cards 0.20 -> 0.08, 1.39 -> 0.34, 15.8 -> 1.2 (9 / 36 / 144 cards: one flex container over every sheet grew
  with the square of the cards; a block per sheet grows in line with them, macros/print/kaarten.html.j2);
  covers (10) 1.00 -> 0.70 (columns without flex, macros/print/een-a4.css); the word list 0.27 -> 0.19 (columns
  split in the template); forms 2.76 -> 2.61 at 1x.
A rebuild that renders the map again (4x, PDFs gone, page counts kept) lays its front pages out once instead of
twice: the last count is remembered (printing/map_plan.py).
"""

from __future__ import annotations

import hashlib
import os
import stat
import threading
from pathlib import Path

from site_build.content.collection import Content
from site_build.core.caches import read_verified, write_verified
from site_build.core.files import new_file_mode
from site_build.core.target import PUBLIC, Target
from site_build.printing.engine import PdfJob, Rendered, job_key
from site_build.printing.map_plan import MapSteps
from site_build.printing.merge import Part, merge
from site_build.printing.page_counts import PageCounts
from site_build.printing.pool import PdfPool
from site_build.printing.products import BY_KIND, Download, file_name, planned
from site_build.printing.render import PrintRenderer
from site_build.printing.sheets import BIJLAGEN, in_pack
from site_build.printing.work import WorkList


class PrintBuild(MapSteps):
    """Renders what is needed into ``out`` (a downloads folder), reusing cached PDFs by content hash.

    `start` hands the forms to the workers and returns at once. A thread then does the rest as soon as
    what it needs is there: a pack's cover once its forms are laid out (it shows their page counts), a pack
    once its cover and forms are, the map once all forms are. `finish` waits and writes the files. Between
    the two, the caller builds the site.
    """

    def __init__(self, content: Content, cache: Path, workers: int | None = None, target: Target = PUBLIC,
                 pool: PdfPool | None = None):
        self.content = content
        self.target = target
        self.cache = cache
        if workers is None:
            workers = pool.workers if pool else PdfPool.default_workers() if PdfPool.available() else 1
        self.workers = workers
        self.renderer = PrintRenderer(content)
        self.stylesheet = self.renderer.stylesheet_text()
        self.basis = self.renderer.cache_basis()
        self.rendered: list[str] = []       # names made in this run (not from the cache)
        self.pdfs: dict[str, bytes] = {}
        self.cached_at: dict[str, Path] = {}  # the verified cache entry holding each PDF's bytes
        self.pages: dict[str, int] = {}
        self._pool = pool
        self._own_pool = pool is None
        self.counts = PageCounts(cache)
        self.work = WorkList(workers)
        self._asked: set[str] = set()
        self._error: BaseException | None = None  # what stopped the planning thread, raised by finish()
        self._thread: threading.Thread | None = None
        self._map_start()  # the map's front pages, as its contents assume them (again after counts.load())
        self._instruments = [i.id for i in content.instrumenten]
        self._bijlagen = [x.name.removesuffix(".pdf") for x in BIJLAGEN.values()]
        self._titles = {d.name: d.title for d in planned(content, target)}

    # --- work, through the cache ---------------------------------------------------------------------------
    def _executor(self) -> PdfPool:
        if self._pool is None:
            self._pool = PdfPool(self.workers)
        self._pool.prepare(self.content.root, self.stylesheet)
        return self._pool

    def _render(self, job: PdfJob) -> None:
        """Have the job's PDFs made (or taken from the cache); they land in self.pdfs."""
        self._asked.add(job.name)
        key = job_key(job, self.basis)
        paths = {name: self.cache / f"{key}-{i}.pdf" for i, name in enumerate(job.names)}
        # every entry is checked against the hash beside it: a damaged one is made again, never published
        cached = {name: read_verified(path) for name, path in paths.items()}
        if all(data is not None for data in cached.values()):
            self.cached_at.update(paths)
            self.work.done(cached, {name: self.counts.of(data) for name, data in cached.items()})
            return

        def store(rendered: Rendered) -> tuple[dict[str, bytes], dict[str, int]]:
            for name, path in paths.items():
                write_verified(path, rendered.files[name])
                self.cached_at[name] = path
                self.counts.record(rendered.files[name], rendered.pages)
                self.rendered.append(name)
            return rendered.files, {name: rendered.pages for name in rendered.files}

        if self.workers <= 1:
            self.work.call(lambda: store(self.renderer.render(job)))
        else:
            # what others wait for first (the map's front pages, covers, merges); then the pocket cards and the
            # trainer's script (short HTML, long to lay out); then the forms, longest first (see Product.rank)
            self.work.queue((job.rank, -len(job.html)),
                            lambda: self._executor().render(self.content.root, self.stylesheet, job), store)

    def _merge(self, name: str, parts: list[Part], title: str, subject: str, stamp: list[bytes] | None = None
               ) -> None:
        """Have the parts merged into one PDF, with ``stamp``'s pages laid over its pages if given (or take it
        from the cache)."""
        self._asked.add(name)
        lang = self.renderer.labels.text("taal.code")
        digest = hashlib.sha256(b"".join(hashlib.sha256(p.data).digest() + repr(p.title).encode() for p in parts)
                                + title.encode() + subject.encode() + lang.encode() + self.basis.encode()
                                + b"".join(hashlib.sha256(page).digest() for page in stamp or []))
        path = self.cache / f"pak-{digest.hexdigest()}.pdf"
        pages = sum(self.counts.of(p.data) for p in parts)
        cached = read_verified(path)
        if cached is not None:
            self.cached_at[name] = path
            self.work.done({name: cached}, {name: pages})
            return

        def store(data: bytes) -> tuple[dict[str, bytes], dict[str, int]]:
            write_verified(path, data)
            self.cached_at[name] = path
            self.counts.record(data, pages)
            self.rendered.append(name)
            return {name: data}, {name: pages}

        if self.workers <= 1:
            self.work.call(lambda: store(merge(parts, title, subject, lang, stamp)))
        else:
            self.work.queue((BY_KIND["pakket"].rank, 0), lambda: self._executor().merge(parts, title, subject, lang, stamp),
                            store)

    def _close(self) -> None:
        if self._own_pool and self._pool is not None:
            self._pool.close()
            self._pool = None
        self.renderer.close()

    # --- what a build asks for ----------------------------------------------------------------------------
    def run_forms(self, out: Path, ids: list[str]) -> list[Download]:
        """Only the blank and fillable forms of the chosen instruments (for `p2g pdf`)."""
        jobs = [j for j in self.renderer.jobs(kinds={"formulier"}) if j.name.removesuffix(".pdf") in ids]
        self.cache.mkdir(parents=True, exist_ok=True)
        try:
            for job in jobs:
                self._render(job)
            self._collect(wait_all=True)
        finally:
            self._close()
        out.mkdir(parents=True, exist_ok=True)
        declared = {d.name: d for d in planned(self.content)}
        result = []
        for name in (name for job in jobs for name in job.names):
            (out / name).write_bytes(self.pdfs[name])
            result.append(declared[name].done(len(self.pdfs[name]), self.pages[name]))
        return result

    def run(self, out: Path) -> list[Download]:
        self.start()
        return self.finish(out)

    def start(self) -> None:
        """Hand the forms and cards to the workers (longest first: the workers end close together), and let
        a thread of this process do the rest as soon as it can."""
        self.counts.load()
        self._map_start()
        self.cache.mkdir(parents=True, exist_ok=True)
        try:
            for job in sorted(self.renderer.jobs(self.target), key=lambda j: -len(j.html)):
                self._render(job)
            self.work.dispatch()
        except BaseException:
            self._close()
            raise
        self._thread = threading.Thread(target=self._schedule, name="pdf-planning", daemon=True)
        self._thread.start()

    def finish(self, out: Path) -> list[Download]:
        """Wait for everything; write every PDF into ``out``."""
        try:
            assert self._thread is not None, "start() first"
            self._thread.join()
            if self._error is not None:
                raise self._error
            out.mkdir(parents=True, exist_ok=True)
            mode = new_file_mode(out)
            downloads = []
            for d in planned(self.content, self.target):
                data = self.pdfs[d.name]
                _place(data, self.cached_at.get(d.name), out / d.name, mode)
                downloads.append(d.done(len(data), self.pages[d.name]))
            return downloads
        finally:
            self._close()
            self.counts.save()

    # --- the plan -------------------------------------------------------------------------------------------
    def _schedule(self) -> None:
        try:
            while True:
                while self._step():
                    pass
                if not self.work.pending:
                    return
                self._collect()
        except BaseException as exc:  # raised again by finish(), in the caller's thread
            self._error = exc

    def _collect(self, wait_all: bool = False) -> None:
        for files, pages in self.work.collect(wait_all):
            self.pdfs.update(files)
            self.pages.update(pages)

    def _step(self) -> bool:
        """Start what has become possible; whether anything was."""
        c, r, titles, instruments = self.content, self.renderer, self._titles, self._instruments
        # page counts of the forms and of the attachments (bijlagen), by name without '.pdf'
        pages = {n: self.pages[f"{n}.pdf"] for n in instruments + self._bijlagen if f"{n}.pdf" in self.pages}
        progressed = False
        for cyclus, b in c.bijeenkomsten():
            if not b.instrumenten:
                continue
            cover, pack = f"omslag-{b.id}.pdf", file_name("pakket", b=b)
            forms = list(b.instrumenten) + [x.name.removesuffix(".pdf") for x in in_pack(c, b)]
            # the print a meeting's runbook adds (pocket cards, the Morgen card), after the forms
            extras = [f"{x.bijlage}.pdf" for x in (b.uitvoering.bijlagen if b.uitvoering else [])]
            if cover not in self._asked and all(i in pages for i in forms) and all(e in self.pages for e in extras):
                extra_pages = {e.removesuffix(".pdf"): self.pages[e] for e in extras}
                self._render(r.cover_job(cyclus, b, {**pages, **extra_pages}))
                progressed = True
            elif cover in self.pdfs and pack not in self._asked:
                parts = [Part(self.pdfs[cover], title=titles[pack])] + [Part(self.pdfs[f"{i}.pdf"]) for i in forms]
                parts += [Part(self.pdfs[e]) for e in extras]
                self._merge(pack, parts, titles[pack], BY_KIND["pakket"].subject_of(r.labels, cyclus=cyclus, b=b))
                progressed = True
        if len(pages) == len(instruments) + len(self._bijlagen):
            progressed = self._map_step(pages) or progressed
        return progressed


def _place(data: bytes, entry: Path | None, target: Path, mode: int) -> None:
    """Put a PDF into the output as a second name of its cache entry when it can (at 16x the content the PDFs are
    90 MB that need not be written again; issue 13): an entry is never changed in place (core/caches writes a new
    file and renames it), and one changed by hand fails its hash and is made again. Otherwise (another file system,
    an entry written under other permissions than a new file gets, ``mode``) it is written."""
    if entry is not None:
        try:
            info = entry.stat()
            if info.st_size == len(data) and stat.S_IMODE(info.st_mode) == mode:
                os.link(entry, target)
                return
        except OSError:
            pass  # another file system, or no hard links: a copy
    target.write_bytes(data)
