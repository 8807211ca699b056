"""Build: validate, generate pages into a scratch folder, let MkDocs build them, then swap the new
site into place in one step, so a failed build never leaves a half-written site/."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .problems import ContentError, Problem, warnings_of
from .render_site import SITE_CONFIG, write_docs
from .validate import load_content


@dataclass
class BuildResult:
    site: Path
    pages: int
    pdfs: int = 0
    up_to_date: bool = False

    def __str__(self) -> str:
        if self.up_to_date:
            return f"Niets veranderd sinds de vorige build: {self.site} is actueel ({self.pages} pagina's, {self.pdfs} PDF's)."
        return f"Site gebouwd in {self.site}: {self.pages} pagina's en {self.pdfs} PDF's."


STATE = "laatste-bouw.json"
_INPUTS = ("content", "instruments", "macros", "theme", "site_build")


def fingerprint(root: Path, out: Path, trainer: bool) -> str:
    """Hash of everything a build reads; equal fingerprints give an equal site (make-style up-to-date check)."""
    import hashlib

    digest = hashlib.sha256()
    for folder in _INPUTS:
        base = root / folder
        if not base.exists():
            continue
        for path in sorted(base.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for name in ("mkdocs.yml", "requirements.lock"):
        if (root / name).is_file():
            digest.update(name.encode() + b"\0" + (root / name).read_bytes())
    digest.update(f"{out}|{trainer}|{os.environ.get('SOURCE_DATE_EPOCH', '')}".encode())
    return digest.hexdigest()


def _up_to_date(root: Path, out: Path, stamp: str) -> BuildResult | None:
    import json

    try:
        state = json.loads((root / "build" / STATE).read_text(encoding="utf-8"))
        index = out / "index.html"
        if state["fingerprint"] == stamp and index.stat().st_mtime_ns == state["index_mtime"]:
            return BuildResult(site=out, pages=state["pages"], pdfs=state["pdfs"], up_to_date=True)
    except (OSError, ValueError, KeyError):
        pass
    return None


def _remember(root: Path, result: BuildResult, stamp: str) -> None:
    import json

    state = {"fingerprint": stamp, "index_mtime": (result.site / "index.html").stat().st_mtime_ns,
             "pages": result.pages, "pdfs": result.pdfs}
    (root / "build" / STATE).write_text(json.dumps(state), encoding="utf-8")


class MkDocsFailed(ContentError):
    """MkDocs stopped (strict mode turns every warning into a failure)."""


def _sync_tree(src: Path, dst: Path) -> None:
    """Make dst equal to src, writing only files that changed (so `mkdocs serve` does not loop)."""
    dst.mkdir(parents=True, exist_ok=True)
    wanted = {p.relative_to(src) for p in src.rglob("*")}
    for rel in sorted(wanted):
        s, d = src / rel, dst / rel
        if s.is_dir():
            d.mkdir(parents=True, exist_ok=True)
        elif not d.is_file() or d.read_bytes() != s.read_bytes():
            d.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(s, d)
    for path in sorted(dst.rglob("*"), reverse=True):
        if path.relative_to(dst) not in wanted:
            shutil.rmtree(path) if path.is_dir() else path.unlink()


def render_pdfs(content, root: Path, out: Path, trainer: bool = False) -> list:
    """All PDFs into ``out``; the cache in build/pdf-cache makes unchanged PDFs free."""
    from .print_build import PrintBuild

    return PrintBuild(content, root / "build" / "pdf-cache", trainer=trainer).run(out)


def regenerate(root: Path, docs: Path, trainer: bool = False) -> None:
    """Validate and (re)write the docs folder in place; used by the MkDocs hook for `serve`."""
    content = load_content(root)
    (root / "build").mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=root / "build") as tmp:
        fresh = Path(tmp) / "docs"
        downloads = render_pdfs(content, root, Path(tmp) / "pdf", trainer=trainer)
        write_docs(content, fresh, trainer=trainer, downloads=downloads, pdf_dir=Path(tmp) / "pdf")
        _sync_tree(fresh, docs)
        shutil.copy2(Path(tmp) / SITE_CONFIG, docs.parent / SITE_CONFIG)


def run_mkdocs(root: Path, docs: Path, site: Path) -> None:
    """Build with MkDocs in this process, strict: any warning fails the build."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    os.environ["P2G_GENERATED"] = "1"
    failure = None
    with warnings_of("mkdocs") as warnings:
        try:
            config = load_config(str(root / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(site), strict=True)
            mkdocs_build(config)
        except MkDocsException as exc:
            failure = str(exc)
        finally:
            os.environ.pop("P2G_GENERATED", None)
    messages = warnings or ([failure] if failure else [])
    if messages:
        raise MkDocsFailed([Problem("mkdocs.yml", 1, 1, f"MkDocs: {msg}") for msg in messages])


def _swap(new: Path, target: Path) -> None:
    """Replace target by new with renames only; the old site is removed after the new one is in place."""
    old = None
    if target.exists():
        old = target.with_name(f"{target.name}.oud-{os.getpid()}")
        target.rename(old)
    new.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def build(root: Path, out: Path | None = None, trainer: bool = False, force: bool = False) -> BuildResult:
    """The whole build. Raises ContentError (with every problem) and leaves ``out`` untouched on failure.

    When nothing the build reads has changed since the last build of ``out``, the site is left as it is.
    """
    root = Path(root).resolve()
    # the trainer edition has its own folder, so the public site is never overwritten by accident
    out = Path(out).resolve() if out else root / ("site-trainer" if trainer else "site")
    stamp = fingerprint(root, out, trainer)
    if not force:
        done = _up_to_date(root, out, stamp)
        if done is not None:
            return done
    content = load_content(root)
    scratch_parent = root / "build"
    scratch_parent.mkdir(exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="bouw-", dir=scratch_parent))
    try:
        docs = scratch / "docs"
        downloads = render_pdfs(content, root, scratch / "pdf", trainer=trainer)
        write_docs(content, docs, trainer=trainer, downloads=downloads, pdf_dir=scratch / "pdf")
        site = scratch / "site"
        run_mkdocs(root, docs, site)
        pages = sum(1 for _ in site.rglob("*.html"))
        # keep a copy of the generated pages for `mkdocs serve` and for inspection
        if not trainer:
            _sync_tree(docs, scratch_parent / "docs")  # also what `make bench` builds bare
            shutil.copy2(scratch / SITE_CONFIG, scratch_parent / SITE_CONFIG)
        out.parent.mkdir(parents=True, exist_ok=True)
        _swap(site, out)
        result = BuildResult(site=out, pages=pages, pdfs=len(downloads))
        _remember(root, result, stamp)
        return result
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def serve(root: Path, port: int = 8000) -> None:
    """Live preview that also regenerates on YAML edits (through the hook)."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    root = Path(root).resolve()
    regenerate(root, root / "build" / "docs")
    print(f"Voorbeeld op http://127.0.0.1:{port}/ (stoppen met Ctrl+C)", file=sys.stderr)
    mkdocs_serve(config_file=str(root / "mkdocs.yml"), dev_addr=f"127.0.0.1:{port}", livereload=True)
