"""Site rendering: writes every page of the site as Markdown (from the content, through the Jinja
templates in macros/) plus the assets and a small config file for MkDocs. Knows nothing of MkDocs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from site_build.content import pages
from site_build.content.collection import Content
from site_build.core.labels import Labels
from site_build.core.target import PUBLIC, Target
from site_build.printing.products import title_of
from site_build.site import sitemap
from site_build.site.source_files import edit_url, page_sources
from site_build.site.tables import finish
from site_build.templating.environment import environment
from site_build.templating.markers import zip_globals
from site_build.templating.text import relative_url

SITE_CONFIG = "p2g-site.json"  # next to the docs folder; read by the MkDocs hook


class SiteRenderer:
    def __init__(self, content: Content, target: Target = PUBLIC, downloads: list | None = None,
                 offline_zip: bool = False):
        self.content = content
        self.target = target
        self.offline_zip = offline_zip
        self.downloads = {d.name: d for d in downloads or []}
        self.env = environment(content.root, content.editie.taal)
        self.labels = self.env.globals["t"]

    def _context(self, page: str, **extra: Any) -> dict[str, Any]:
        c = self.content

        def url(target: str) -> str:
            return relative_url(page, target)

        return dict(
            c=c, editie=c.editie, page=page, url=url, trainer=self.target.trainer,
            skill_page=pages.skill_page, instrument_page=pages.instrument_page,
            meeting_page=pages.meeting_page, cycle_page=pages.cycle_page,
            download=self.downloads.get, downloads=list(self.downloads.values()),
            drukwerk_titel=lambda kind: title_of(c, kind, self.labels),  # a print product's title, without its PDF
            **(zip_globals() if self.offline_zip else {"offline_zip": None}),
            **extra,
        )

    def render(self, template: str, page: str, **extra: Any) -> str:
        return self.env.get_template(template).render(self._context(page, **extra))

    def pages(self) -> dict[str, str]:
        """Every generated page: path -> Markdown text, as the kinds declare them (content/kinds.py)."""
        out: dict[str, str] = {}
        for made in pages.made_pages(self.content):
            extra = getattr(self, f"_extra_{made.page.extra}")() if made.page.extra else {}
            out[made.path] = self.render(made.template, made.path, **made.vars, **extra)
        return {path: finish(text) for path, text in out.items()}

    def _extra_jaarplanning(self) -> dict[str, Any]:
        from site_build.authoring import plan
        from site_build.authoring.schoolplanning import moments

        start = plan.first_monday_of_september(self.content.editie.schooljaar)
        return dict(voorbeeld_start=start, voorbeeld=plan.make_plan(self.content, start, []),
                    datum=lambda day: plan.datum(day, self.labels),
                    planning=self.content.planning, eigen=moments(self.content),
                    weken_tussen=plan.WEEKS_BETWEEN_MEETINGS, weken_cycli=plan.WEEKS_BETWEEN_CYCLES)

    def site_config(self) -> dict[str, Any]:
        e = self.content.editie
        w = self.labels.section("site")
        return {
            "site_name": e.site_naam + (w["trainerseditie"] if self.target.trainer else ""),
            "nav": sitemap.nav(self.content),
            "copyright": w["copyright"].format(organisatie=e.organisatie, editie=e.editie, versie=e.versie,
                                               inhoud=e.licentie.inhoud, code=e.licentie.code),
            "editie": e.model_dump(),
            **theme_words(self.labels),
            # where each page can be changed in the browser, when the edition names its repository
            "bewerken": {page: edit_url(e.repository, src) for page, src in page_sources(self.content).items()}
                        if e.repository else {},
            "trainer": self.target.trainer,
        }

    def editie_css(self) -> str:
        k = self.content.editie.kleuren
        return (":root {\n"
                f"  --p2g-primair: {k.primair};\n  --p2g-accent: {k.accent};\n"
                f"  --md-primary-fg-color: {k.primair};\n  --md-primary-fg-color--dark: {k.primair};\n"
                f"  --md-accent-fg-color: {k.accent};\n  --md-typeset-a-color: {k.accent};\n"
                "}\n")


def theme_words(labels: Labels) -> dict[str, Any]:
    """What the builder and the theme take from the catalogue: the language (page lang, the theme's own words, the
    search language, the heading link's title; site/builder_config.py) and the footer's words (theme/partials)."""
    return {"taal": {**labels.section("taal"), "kopje_link": labels.text("site.kopje_link")},
            "voet": labels.section("voet")}


def write_docs(content: Content, docs: Path, target: Target = PUBLIC, downloads: list | None = None,
               pdf_dir: Path | None = None, offline_zip: bool = False) -> dict[str, Any]:
    """Write the whole docs folder for MkDocs into ``docs`` (which must not exist yet).

    ``downloads`` describes the PDFs. With ``pdf_dir`` they are rendered already and copied in; without it they
    are still being rendered: the pages get markers for their sizes (see templating.markers.filler) and docs/downloads/
    gets empty stand-ins, so MkDocs can check the links to them.
    """
    renderer = SiteRenderer(content, target, downloads=downloads, offline_zip=offline_zip)
    generated = renderer.pages()
    prose_dir = content.root / pages.PROSE_DIR
    if prose_dir.is_dir():
        # only regular files: validation refused symlinks and special files, and none is copied or followed here
        shutil.copytree(prose_dir, docs, dirs_exist_ok=False, symlinks=True,
                        ignore=lambda folder, names: [n for n in names if (Path(folder) / n).is_symlink()])
        _finish_prose(content, docs, renderer.env.globals["bron_marker"])
    else:
        docs.mkdir(parents=True)
    for rel, text in generated.items():
        target = docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    if downloads:
        target = docs / "downloads"
        target.mkdir(exist_ok=True)
        for d in downloads:
            if pdf_dir is not None:
                shutil.copy2(pdf_dir / d.name, target / d.name)
            else:
                (target / d.name).write_bytes(b"")
    if content.planning is not None:  # the school's calendar file, next to its planning PDF
        from site_build.authoring.schoolplanning import ICS, ics_text

        (docs / "downloads").mkdir(exist_ok=True)
        (docs / "downloads" / ICS).write_text(ics_text(content), encoding="utf-8", newline="")
    assets = docs / "assets"
    assets.mkdir(exist_ok=True)
    shutil.copy2(content.root / "macros" / "assets" / "p2g.css", assets / "p2g.css")
    (assets / "editie.css").write_text(renderer.editie_css(), encoding="utf-8")
    if content.editie.logo:
        from site_build.core.files import read_logo

        (assets / Path(content.editie.logo).name).write_bytes(read_logo(content.root, content.editie.logo))
    config = renderer.site_config()
    (docs.parent / SITE_CONFIG).write_text(json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8")
    return config


def _finish_prose(content: Content, docs: Path, bron_marker) -> None:
    """The copied prose pages, read and written once: their '{bron: ...}' tags become the same marker as a YAML
    item's (prose_bron), and a page in a folder of pages.SEARCH_WEIGHT gets that weight in search (Material's
    'search.boost' in front matter, which the pages themselves may not carry: validation refuses front matter)."""
    from site_build.content.prose_bron import render as with_markers

    for page in pages.prose_pages(content.root):
        target = docs / page
        text = target.read_text(encoding="utf-8")
        bronnen = relative_url(page, "onderzoek/bronnen.md")
        finished = with_markers(text, lambda b, reden, to=bronnen: bron_marker(b, content.editie.rapport_url, to, reden))
        weight = pages.SEARCH_WEIGHT.get(page.split("/")[0])
        if weight is not None:
            finished = f"---\nsearch:\n  boost: {weight}\n---\n" + finished
        if finished != text:
            target.write_text(finished, encoding="utf-8")
