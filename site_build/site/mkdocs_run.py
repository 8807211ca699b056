"""Running the site builder on the configuration `p2g build` writes (site/builder_config.py): MkDocs in this
process, strict, and incremental when it can be; or any other MkDocs-compatible builder.

Switching builders is a configuration change: set P2G_SITE_BUILDER to the command that builds from the generated
configuration, with {config} where its path goes, e.g.
    P2G_SITE_BUILDER='zensical build --config-file {config}' p2g build
    P2G_SITE_BUILDER='mkdocs build --strict -f {config}' p2g build
The command must fail (exit code not 0) on a warning. p2g then builds every page each time (the incremental
layer below needs MkDocs in this process) and does its own steps after it (post_build.py, the PDFs' sizes, the
offline zip), as it does after MkDocs. The hook in mkdocs.yml is only for `mkdocs serve`.

An incremental build keeps the last built site in build/mkdocs/ and lets MkDocs rebuild only the pages
whose Markdown changed (its own `dirty` mode). That mode alone can leave a site that differs from a full
build, so this module closes its gaps and falls back to a full build whenever the result could differ:
- anything but the pages changed (configuration, the navigation's shape, theme, MkDocs itself), or a page was
  added or removed: full build;
- a page's title in the navigation changed: that page and every page whose last built HTML linked to it (so
  showed the title in its navigation or footer) are rebuilt (site/nav_titles.py);
- a rebuilt page changed its title otherwise: full build; it lost an anchor that a page which was not rebuilt
  linked to: full build (which then fails on the broken link, as it should);
- links from a rebuilt page to an unchanged one are checked against that page's recorded anchors;
- the search index gets the unchanged pages' entries back from the previous build, in page order.
The tests build incrementally and fully and compare the two sites byte for byte.

Kept by measurement (issue 12, bench/compare.py, P2G_INCREMENTAL=0 turns it off: `p2g build` of the real content
on 2 shared cores, median of 5; CPU seconds of all its processes, wall time being too noisy there): with / without
cold 8.6 / 8.5, nothing changed 0.11 / 0.12 (the up-to-date check), a YAML comment 2.25 / 3.22, one instrument
edited 3.03 / 4.03: a third less work for every edit.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from site_build.core.caches import tree_digest
from site_build.core.files import write_new
from site_build.core.problems import ContentError, Problem, warnings_of
from site_build.site.sync import sync_tree

STATE = "staat.json"
SEARCH_INDEX = Path("search") / "search_index.json"


class MkDocsFailed(ContentError):
    """MkDocs stopped (strict mode turns every warning into a failure)."""


# --- one MkDocs run -------------------------------------------------------------------------------------

@dataclass
class PageRecord:
    url: str
    title: str | None
    anchors: list[str]


class _Recorder:
    """A plugin added for our own runs: records every page's URL, title and anchors, and lends the unchanged
    pages of an incremental build the anchors they had, so links to them are still checked."""

    def __init__(self, known: dict[str, dict] | None, template_cache: Path | None):
        self.known = known or {}
        self.template_cache = template_cache
        self.files = None
        self.pages: dict[str, PageRecord] = {}  # only the pages this run built (all, unless incremental)
        self.order: list[str] = []   # every page, in MkDocs' order (that of the search index)
        self.urls: dict[str, str] = {}

    def on_files(self, files, *, config):
        self.files = files
        return files

    def on_env(self, env, *, config, files):
        if self.template_cache is not None:
            from site_build.core.caches import SafeBytecodeCache

            # Material's templates, compiled once per machine instead of once per build
            self.template_cache.mkdir(parents=True, exist_ok=True)
            env.bytecode_cache = SafeBytecodeCache(str(self.template_cache))
        for file in files.documentation_pages():
            page = file.page
            if page is not None and page.markdown is None and file.src_uri in self.known:
                page.present_anchor_ids = set(self.known[file.src_uri]["anchors"])
        return env

    def on_post_build(self, *, config):
        for file in self.files.documentation_pages():
            page = file.page
            self.order.append(file.src_uri)
            self.urls[file.src_uri] = page.url
            if page.markdown is not None:
                self.pages[file.src_uri] = PageRecord(page.url, page.title, sorted(page.present_anchor_ids or ()))


def _drop_dirty_notice(record: logging.LogRecord) -> bool:
    # MkDocs warns that a dirty build may be inaccurate; this module makes it accurate (see above)
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def run_mkdocs(config_file: Path, dirty: bool = False, known: dict | None = None,
               template_cache: Path | None = None) -> _Recorder:
    """Build with MkDocs in this process, strict: any warning fails the build."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    recorder = _Recorder(known if dirty else None, template_cache)
    build_log = logging.getLogger("mkdocs.commands.build")
    build_log.addFilter(_drop_dirty_notice)
    failure = None
    with warnings_of("mkdocs") as warnings:
        try:
            config = load_config(str(config_file), strict=True)
            config.plugins["p2g-bouw"] = recorder
            mkdocs_build(config, dirty=dirty)
        except MkDocsException as exc:
            failure = str(exc)
        finally:
            build_log.removeFilter(_drop_dirty_notice)
    messages = warnings or ([failure] if failure else [])
    if messages:
        raise MkDocsFailed([Problem("mkdocs.yml", 1, 1, f"MkDocs: {msg}") for msg in messages])
    return recorder


def run_command(command: str, config_file: Path) -> None:
    """Build with another builder (P2G_SITE_BUILDER, see above); its output is the problem when it fails."""
    import shlex
    import subprocess

    args = [part.replace("{config}", str(config_file)) for part in shlex.split(command)]
    run = subprocess.run(args, cwd=config_file.parent, capture_output=True, text=True)
    if run.returncode != 0:
        lines = [line for line in (run.stderr + run.stdout).splitlines() if line.strip()][-20:]
        raise MkDocsFailed([Problem("mkdocs.yml", 1, 1, f"{args[0]}: {line}") for line in lines or ["mislukt"]])


# --- the incremental site ---------------------------------------------------------------------------------

def _key(root: Path, config: str) -> str:
    """Everything besides the pages that shapes every page: when it changes, every page is rebuilt. ``config``: the
    builder's configuration with the pages' titles left out (a renamed page rebuilds only the pages that show it,
    site/nav_titles.py)."""
    from importlib.metadata import version

    digest = hashlib.sha256(config.encode("utf-8") + b"\0")
    here = Path(__file__)
    files = [root / "mkdocs.yml", here, here.with_name("builder_config.py"), here.with_name("nav_titles.py")]
    theme = root / "theme"
    if theme.is_dir():
        files += sorted(p for p in theme.rglob("*") if p.is_file())
    for path in files:
        digest.update(str(path.relative_to(root) if path.is_relative_to(root) else path.name).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    for package in ("mkdocs", "mkdocs-material", "Markdown", "pymdown-extensions", "Jinja2"):
        digest.update(f"{package}={version(package)}\0".encode())
    digest.update(os.environ.get("SOURCE_DATE_EPOCH", "").encode())
    return digest.hexdigest()


class IncrementalSite:
    """The last built site and what is needed to rebuild it in part (see the module's docstring)."""

    def __init__(self, folder: Path, template_cache: Path | None = None):
        self.folder = folder
        self.docs = folder / "docs"
        self.site = folder / "site"
        self.template_cache = template_cache
        self.incremental = False  # whether the last build() was one
        self.rebuilt = 0          # how many pages it rebuilt

    def _state(self) -> dict | None:
        try:
            state = json.loads((self.folder / STATE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return state if isinstance(state, dict) and isinstance(state.get("pages", {}), dict) else None

    def _save(self, state: dict) -> None:
        write_new(self.folder / STATE, json.dumps(state, sort_keys=True).encode("utf-8"))

    def build(self, root: Path, fresh_docs: Path, data: dict, force: bool = False, after=None) -> Path:
        """Build the pages in ``fresh_docs`` with the content's site configuration ``data`` into self.site;
        ``after(site)`` (post_build.after_build, for the preview) changes it in place before it is recorded."""
        from site_build.site import nav_titles
        from site_build.site.builder_config import builder_config, config_text, write_builder_config

        self.folder.mkdir(parents=True, exist_ok=True)
        changes = sync_tree(fresh_docs, self.docs)
        config = builder_config(root, self.docs, self.site, data)
        config_file = self.config = write_builder_config(self.folder, config)
        titles = nav_titles.titles(config["nav"])
        key = _key(root, config_text({**config, "nav": nav_titles.shape(config["nav"])}))
        command = os.environ.get("P2G_SITE_BUILDER")
        if command:  # another builder: all of it, every time
            self._save({"key": None})
            shutil.rmtree(self.site, ignore_errors=True)
            run_command(command, config_file)
            if after is not None:
                after(self.site)
            self.incremental, self.rebuilt = False, len(list(self.docs.rglob("*.md")))
            return self.site
        state = self._state()
        dirty = (not force and os.environ.get("P2G_INCREMENTAL") != "0"  # 0: off, to measure without it
                 and state is not None and state.get("key") == key and "pages" in state and self.site.is_dir()
                 and not changes.added and not changes.removed
                 # the pages kept from last time must be exactly as built then: a damaged site is built anew
                 and state.get("site") == tree_digest(self.site))
        # until this build has succeeded, the next one must be full
        self._save({"key": None})
        renamed = nav_titles.renamed(state.get("titles"), titles) if dirty else None
        urls = {src: page["url"] for src, page in state["pages"].items()} if dirty else {}
        if renamed:  # the renamed pages and the pages that show them are built again, as if they had changed
            for src in nav_titles.touched(self.site, urls, set(renamed)):
                nav_titles.build_again(self.docs / src, self.site / urls[src])
        dirty = dirty and renamed is not None
        if dirty:
            previous_index = self._read_index()
            recorder = run_mkdocs(config_file, dirty=True, known=state["pages"],
                                  template_cache=self.template_cache)
            try:
                lost = self._lost_anchors(state["pages"], recorder)
                kept = set(urls) - set(recorder.pages)
                if previous_index is None or self._differs(state["pages"], recorder, renamed or {}) or lost and \
                        nav_titles.linked(self.site, urls, lost, kept):
                    dirty = False
                else:
                    self._merge_index(previous_index, recorder)
                    pages = {**state["pages"], **{k: vars(v) for k, v in recorder.pages.items()}}
            except (KeyError, TypeError, AttributeError, ValueError):  # a garbled state or index: build it all
                dirty = False
        if not dirty:
            recorder = run_mkdocs(config_file, template_cache=self.template_cache)
            pages = {k: vars(v) for k, v in recorder.pages.items()}
        if after is not None:  # idempotent, and MkDocs' dirty mode keeps what it changed (the files are newer)
            after(self.site)
        self._save({"key": key, "pages": pages, "titles": titles, "site": tree_digest(self.site)})
        self.incremental = dirty
        self.rebuilt = len(recorder.pages)
        return self.site

    @staticmethod
    def _differs(before: dict[str, dict], recorder: _Recorder, renamed: dict[str, str]) -> bool:
        for src, now in recorder.pages.items():
            old = before.get(src)
            if old is None or old["url"] != now.url or old["title"] != now.title and renamed.get(src) != now.title:
                return True
        return False

    @staticmethod
    def _lost_anchors(before: dict[str, dict], recorder: _Recorder) -> set[str]:
        """Anchors a rebuilt page no longer has ('x/y.html#a'): fine unless a page that was not rebuilt (and so not
        checked) links to one (a renamed page's heading is one)."""
        return {f"{now.url}#{a}" for src, now in recorder.pages.items() if src in before
                for a in set(before[src]["anchors"]) - set(now.anchors)}

    def _read_index(self) -> dict | None:
        try:
            return json.loads((self.site / SEARCH_INDEX).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def _merge_index(self, previous: dict, recorder: _Recorder) -> None:
        """Rebuilt pages' entries from this build, the others' from the previous one, in page order."""
        fresh = json.loads((self.site / SEARCH_INDEX).read_text(encoding="utf-8"))

        def by_page(entries: list[dict]) -> dict[str, list[dict]]:
            grouped: dict[str, list[dict]] = {}
            for entry in entries:
                grouped.setdefault(entry["location"].split("#", 1)[0], []).append(entry)
            return grouped

        old, new = by_page(previous["docs"]), by_page(fresh["docs"])
        docs = []
        for src in recorder.order:
            docs.extend((new if src in recorder.pages else old).get(recorder.urls[src], []))
        data = {"config": fresh["config"], "docs": docs}
        # the same serialisation as Material's search plugin, and its copy as a script for file:// (offline plugin)
        text = json.dumps(data, separators=(",", ":"), default=str)
        (self.site / SEARCH_INDEX).write_text(text, encoding="utf-8")
        if (self.site / SEARCH_INDEX).with_suffix(".js").is_file():
            (self.site / SEARCH_INDEX).with_suffix(".js").write_text(f"var __index = {text}", encoding="utf-8")
