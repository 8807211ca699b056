"""Print pipeline: every PDF of the site (forms, meeting packs, the complete map, pocket cards), rendered
in parallel, cached by the content hash of what each depends on, packs assembled from the rendered forms."""

from __future__ import annotations

import io
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .render_print import PdfJob, PrintRenderer, job_key
from .validate import Content

DOWNLOADS = "downloads"


@dataclass(frozen=True)
class Download:
    name: str
    title: str
    kind: str         # 'formulier', 'invulbaar', 'pakket', 'map', 'kaarten'
    size: int
    pages: int

    @property
    def path(self) -> str:
        return f"{DOWNLOADS}/{self.name}"


# --- one renderer per worker process: WeasyPrint, fonts and the stylesheet are set up once ---------------

_RENDERER: PrintRenderer | None = None


def _render_job(job: PdfJob) -> bytes:
    assert _RENDERER is not None
    return _RENDERER.pdf_bytes(job.html, fillable=job.fillable)


_PAGES: dict[str, int] = {}


def page_count(data: bytes) -> int:
    """Pages of a PDF; remembered by content hash (parsing a 60-page PDF costs more than the build step)."""
    import hashlib

    key = hashlib.sha256(data).hexdigest()
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


def merge(parts: list[bytes], title: str, subject: str) -> bytes:
    """Concatenate rendered PDFs into one, with title, subject, language and a bookmark per part.

    pikepdf (qpdf) copies pages without re-parsing their content: several times faster than pure Python.
    """
    import pikepdf

    out = pikepdf.new()
    with out.open_outline() as outline:
        for data in parts:
            src = pikepdf.open(io.BytesIO(data))
            start = len(out.pages)
            out.pages.extend(src.pages)
            part_title = str(src.docinfo.get("/Title", "")) or None
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
    """Renders what is needed into ``out`` (a downloads folder), reusing cached PDFs by content hash."""

    def __init__(self, content: Content, cache: Path, workers: int | None = None, trainer: bool = False):
        self.content = content
        self.trainer = trainer
        self.cache = cache
        self.workers = workers if workers is not None else min(os.cpu_count() or 1, 4)
        self.renderer = PrintRenderer(content)
        self.stylesheet = self.renderer.stylesheet_text()
        self.rendered: list[str] = []  # names rendered in this run (not from the cache)

    def _cached(self, jobs: list[PdfJob]) -> dict[str, bytes]:
        self.cache.mkdir(parents=True, exist_ok=True)
        results: dict[str, bytes] = {}
        todo: list[tuple[PdfJob, Path]] = []
        for job in jobs:
            path = self.cache / f"{job_key(job, self.stylesheet)}.pdf"
            if path.is_file():
                results[job.name] = path.read_bytes()
            else:
                todo.append((job, path))
        if todo:
            if self.workers > 1 and len(todo) > 1:
                import multiprocessing

                global _RENDERER
                # Set WeasyPrint up once here (fonts, parsed stylesheet) and fork: workers inherit it warm.
                self.renderer.warm_up()
                _RENDERER = self.renderer
                context = multiprocessing.get_context("fork")
                ordered = sorted(todo, key=lambda t: -len(t[0].html))  # longest first: better balance
                with ProcessPoolExecutor(max_workers=min(self.workers, len(todo)), mp_context=context) as pool:
                    by_name = dict(zip([j.name for j, _ in ordered], pool.map(_render_job, [j for j, _ in ordered])))
                datas = [by_name[job.name] for job, _ in todo]
            else:
                datas = [self.renderer.pdf_bytes(job.html, fillable=job.fillable) for job, _ in todo]
            for (job, path), data in zip(todo, datas):
                tmp = path.with_suffix(".tmp")
                tmp.write_bytes(data)
                tmp.replace(path)
                results[job.name] = data
                self.rendered.append(job.name)
        return results

    def _merged(self, name: str, parts: list[bytes], title: str, subject: str) -> bytes:
        import hashlib

        digest = hashlib.sha256(b"".join(hashlib.sha256(p).digest() for p in parts) + title.encode() + subject.encode())
        path = self.cache / f"pak-{digest.hexdigest()}.pdf"
        if path.is_file():
            return path.read_bytes()
        data = merge(parts, title, subject)
        path.write_bytes(data)
        self.rendered.append(name)
        return data

    def run_forms(self, out: Path, ids: list[str]) -> list[Download]:
        """Only the blank and fillable forms of the chosen instruments (for `p2g pdf`)."""
        jobs = [j for j in self.renderer.jobs() if j.name.removesuffix(".pdf").removesuffix("-invulbaar") in ids]
        pdfs = self._cached(jobs)
        out.mkdir(parents=True, exist_ok=True)
        result = []
        for job in jobs:
            (out / job.name).write_bytes(pdfs[job.name])
            kind = "invulbaar" if job.fillable else "formulier"
            result.append(Download(job.name, job.title, kind, len(pdfs[job.name]), page_count(pdfs[job.name])))
        return result

    def run(self, out: Path) -> list[Download]:
        load_page_cache(self.cache)
        try:
            return self._run(out)
        finally:
            save_page_cache(self.cache)

    def _run(self, out: Path) -> list[Download]:
        c = self.content
        r = self.renderer
        jobs = r.jobs() + r.extra_jobs() + (r.draaiboek_jobs() if self.trainer else [])
        pdfs = self._cached(jobs)
        pages = {i.id: page_count(pdfs[f"{i.id}.pdf"]) for i in c.instrumenten}
        covers = r.cover_jobs(pages)
        front = 2
        for _ in range(3):  # the contents may push the page numbers on: settle them
            map_job = r.map_job(pages, front)
            extra = self._cached(covers + [map_job])
            if page_count(extra["map-voorwerk.pdf"]) == front:
                break
            front = page_count(extra["map-voorwerk.pdf"])
        pdfs.update(extra)
        jobs += covers + [map_job]
        downloads: list[Download] = []
        titles = {job.name: job.title for job in jobs}

        def add(name: str, data: bytes, kind: str) -> None:
            (out / name).write_bytes(data)
            downloads.append(Download(name, titles.get(name, name), kind, len(data), page_count(data)))

        out.mkdir(parents=True, exist_ok=True)
        for inst in c.instrumenten:
            add(f"{inst.id}.pdf", pdfs[f"{inst.id}.pdf"], "formulier")
            add(f"{inst.id}-invulbaar.pdf", pdfs[f"{inst.id}-invulbaar.pdf"], "invulbaar")
        for cyclus, b in c.bijeenkomsten():
            if not b.instrumenten:
                continue
            name = f"pakket-{b.id}.pdf"
            title = f"Printpakket bijeenkomst {cyclus.nummer}.{b.nummer}: {b.titel}"
            titles[name] = title
            parts = [pdfs[f"omslag-{b.id}.pdf"]] + [pdfs[f"{i}.pdf"] for i in b.instrumenten]
            add(name, self._merged(name, parts, title, b.kort), "pakket")
        titles["complete-map.pdf"] = "Complete map: alle formulieren"
        parts = [pdfs["map-voorwerk.pdf"]] + [pdfs[f"{i.id}.pdf"] for i in c.instrumenten]
        add("complete-map.pdf", self._merged("complete-map.pdf", parts, titles["complete-map.pdf"],
                                             "Alle formulieren van het Playing-2-gether-traject"), "map")
        add("zakkaarten.pdf", pdfs["zakkaarten.pdf"], "kaarten")
        if self.trainer:
            for cyclus in c.plg.cycli:
                add(f"draaiboek-{cyclus.id}.pdf", pdfs[f"draaiboek-{cyclus.id}.pdf"], "draaiboek")
        return downloads
