"""Build: validate, start the PDFs (in worker processes), write the pages and the complete builder configuration
(build/mkdocs/mkdocs.yml) and let MkDocs, or the builder named in P2G_SITE_BUILDER, build them (MkDocs in part, when
it can), run the post-build steps, fill in the PDFs' sizes, make the offline zip, then swap the new site into
place in one step, so a failed build never leaves a half-written site/. No hook takes part (that is for serve)."""

from __future__ import annotations

import errno
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from site_build.core.caches import tree_digest
from site_build.core.lock import build_lock
from site_build.core.target import PUBLIC, Target

# The content, page and MkDocs modules are imported inside the functions: `p2g build` starts rendering PDFs
# in a child process first, and the sooner it can fork, the sooner that child gets going.


@dataclass
class BuildResult:
    site: Path
    pages: int
    pdfs: int = 0
    up_to_date: bool = False
    pages_rebuilt: int | None = None  # when MkDocs rebuilt only the pages that changed
    pdfs_made: int | None = None      # PDFs rendered or merged (the others came from the cache)

    def __str__(self) -> str:
        if self.up_to_date:
            return f"Niets veranderd sinds de vorige build: {self.site} is actueel ({self.pages} pagina's, {self.pdfs} PDF's)."
        pages = f"{self.pages} pagina's" + (f" ({self.pages_rebuilt} opnieuw)" if self.pages_rebuilt is not None else "")
        pdfs = f"{self.pdfs} PDF's" + (f" ({self.pdfs_made} opnieuw gemaakt)" if self.pdfs_made is not None else "")
        return f"Site gebouwd in {self.site}: {pages} en {pdfs}."


_INPUTS = ("content", "instruments", "macros", "theme", "site_build")


def fingerprint(root: Path, out: Path, target: Target) -> str:
    """Hash of everything a build reads; equal fingerprints give an equal site (make-style up-to-date check)."""
    import hashlib

    digest = hashlib.sha256()
    for folder in _INPUTS:
        base = root / folder
        if not base.exists():
            continue
        for path in sorted(base.rglob("*")):
            if path.is_symlink() and folder != "site_build":  # never followed (validation refuses it)
                digest.update(path.relative_to(root).as_posix().encode() + b"\0L" + os.readlink(path).encode())
            elif path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for name in ("mkdocs.yml", "requirements/site.txt"):
        if (root / name).is_file():
            digest.update(name.encode() + b"\0" + (root / name).read_bytes())
    digest.update(f"{out}|{target.trainer}|{os.environ.get('SOURCE_DATE_EPOCH', '')}".encode())
    return digest.hexdigest()


def _last_build(root: Path, target: Target) -> dict:
    """What the last build of this edition recorded (build/laatste-bouw.json): its fingerprint, the digest of the
    site it left, its counts; empty when there is none or it cannot be read."""
    import json

    try:
        state = json.loads((root / "build" / target.state_file).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def _up_to_date(out: Path, last: dict, stamp: str, site_now: str | None) -> BuildResult | None:
    # the site itself must be as that build left it: a changed or lost file means build again
    if site_now is not None and last.get("fingerprint") == stamp and last.get("site") == site_now:
        try:
            return BuildResult(site=out, pages=int(last["pages"]), pdfs=int(last["pdfs"]), up_to_date=True)
        except (KeyError, TypeError, ValueError):
            return None
    return None


def _remember(root: Path, target: Target, result: BuildResult, stamp: str) -> None:
    import json

    state = {"fingerprint": stamp, "site": tree_digest(result.site), "pages": result.pages, "pdfs": result.pdfs}
    (root / "build" / target.state_file).write_text(json.dumps(state), encoding="utf-8")


def render_pdfs(content, root: Path, out: Path, target: Target = PUBLIC) -> list:
    """All PDFs into ``out``; the cache in build/pdf-cache makes unchanged PDFs free."""
    from site_build.printing.pipeline import PrintBuild

    return PrintBuild(content, root / "build" / "pdf-cache", target=target).run(out)


def regenerate(root: Path, docs: Path, target: Target = PUBLIC) -> None:
    """Validate and (re)write the docs folder in place; used by the MkDocs hook for `serve`."""
    from site_build.content.validate import load_content
    from site_build.site.render import SITE_CONFIG, write_docs
    from site_build.site.sync import sync_tree

    content = load_content(root)
    (root / "build").mkdir(exist_ok=True)
    with build_lock(root), tempfile.TemporaryDirectory(dir=root / "build") as tmp:
        fresh = Path(tmp) / "docs"
        downloads = render_pdfs(content, root, Path(tmp) / "pdf", target)
        write_docs(content, fresh, target, downloads=downloads, pdf_dir=Path(tmp) / "pdf")
        sync_tree(fresh, docs)
        shutil.copy2(Path(tmp) / SITE_CONFIG, docs.parent / SITE_CONFIG)


def _swap(new: Path, target: Path) -> None:
    """Replace target by new with renames only; the old site is removed after the new one is in place. The new site
    is first moved next to the target (copied, when the scratch folder is on another file system: build/ may be a
    link to another disk), so that the two renames that swap them cannot fail halfway."""
    staged = target.with_name(f"{target.name}.nieuw-{os.getpid()}")
    try:
        new.rename(staged)
    except OSError as error:
        if error.errno != errno.EXDEV:
            raise
        shutil.copytree(new, staged, symlinks=True)
    old = None
    if target.exists():
        old = target.with_name(f"{target.name}.oud-{os.getpid()}")
        target.rename(old)
    staged.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def build(root: Path, target: Target = PUBLIC, out: Path | None = None, force: bool = False) -> BuildResult:
    """The whole build. Raises ContentError (with every problem) and leaves ``out`` untouched on failure.

    When nothing the build reads has changed since the last build of ``out``, the site is left as it is.
    """
    root = Path(root).resolve()
    # the trainer edition has its own folder, so the public site is never overwritten by accident; a site folder
    # that is a symbolic link (to where a web server serves it) is replaced where it points
    out = (Path(out) if out else root / target.site_folder).resolve()
    with build_lock(root, out):
        return _build(root, out, target, force)


def _build(root: Path, out: Path, target: Target, force: bool) -> BuildResult:
    stamp = fingerprint(root, out, target)
    last = _last_build(root, target)
    site_now = tree_digest(out) if out.is_dir() else None
    if not force:
        done = _up_to_date(out, last, stamp, site_now)
        if done is not None:
            return done
    # whether the published site is exactly as the last build left it (every file's size, inode and modification time): only
    # then are the previous zip's entries its files' bytes (mkdocs build --dirty writes into site/, a hand edit, a
    # damaged zip all change that). Known before this build links anything of it (a link changes a file's times).
    intact = site_now is not None and last.get("site") == site_now
    # The PDFs are rendered by worker processes while this one writes the pages and lets MkDocs build them;
    # the workers start first, because setting WeasyPrint up takes a while. The pages show the PDFs' sizes
    # through markers filled in at the end (see printing/products.py).
    from site_build.core.timeline import mark
    from site_build.printing.pool import PdfPool

    pool = PdfPool() if PdfPool.available() else None
    scratch_parent = root / "build"
    scratch_parent.mkdir(exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="bouw-", dir=scratch_parent))
    try:
        from site_build.content.validate import load_content
        from site_build.printing.pipeline import PrintBuild
        from site_build.printing.products import planned
        from site_build.site.assemble import Assembly
        from site_build.site.mkdocs_run import IncrementalSite
        from site_build.site.offline_zip import write_zip
        from site_build.site.render import write_docs
        from site_build.templating.markers import filler

        content = load_content(root)
        mark("inhoud geladen")
        printing = PrintBuild(content, scratch_parent / "pdf-cache", target=target, pool=pool)
        printing.start()
        docs = scratch / "docs"
        to_come = planned(content, target)
        data = write_docs(content, docs, target, downloads=to_come, offline_zip=True)
        state = IncrementalSite(scratch_parent / target.mkdocs_folder,
                                template_cache=scratch_parent / "jinja-cache" / "mkdocs")
        mark("pagina's geschreven")
        built = state.build(root, docs, data, force=force)
        mark(f"MkDocs klaar ({state.rebuilt} pagina's)")
        site = scratch / "site"
        # the published files, each written only if it changed (the builder's output stays as it made it: the
        # incremental state describes that); meanwhile the PDFs are still being made
        assembly = Assembly(built, site, previous=out, placed={d.path for d in to_come})
        assembly.start()
        downloads = printing.finish(scratch / "pdf")
        mark("PDF's klaar")
        for d in downloads:
            os.replace(scratch / "pdf" / d.name, site / d.path)
        assembly.finish(filler(downloads, content.labels()))
        # last: it holds every other file, and the pages that offer it state its size
        write_zip(site, previous=assembly.previous if intact else None, into=assembly)
        pages = sum(1 for _ in site.rglob("*.html"))
        out.parent.mkdir(parents=True, exist_ok=True)
        _swap(site, out)
        result = BuildResult(site=out, pages=pages, pdfs=len(downloads),
                             pages_rebuilt=state.rebuilt if state.incremental else None,
                             pdfs_made=len(set(printing.rendered) & {d.name for d in downloads}))
        _remember(root, target, result, stamp)
        mark("klaar")
        return result
    finally:
        if pool is not None:
            pool.close()
        shutil.rmtree(scratch, ignore_errors=True)


def serve(root: Path, port: int = 8000) -> None:
    """Live preview: pages first, PDFs after (site/preview.py)."""
    from site_build.site.preview import serve as preview

    print(f"Voorbeeld op http://127.0.0.1:{port}/ (stoppen met Ctrl+C)", file=sys.stderr)
    preview(Path(root).resolve(), port=port)
