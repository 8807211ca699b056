"""Site rendering: writes every page of the site as Markdown (from the content, through the Jinja
templates in macros/) plus the assets and a small config file for MkDocs. Knows nothing of MkDocs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from markupsafe import Markup

from site_build.content import pages
from site_build.content.collection import Content
from site_build.printing.products import title_of
from site_build.site import sitemap
from site_build.site.source_files import edit_url, page_sources
from site_build.site.tables import label_cells
from site_build.templating.environment import environment
from site_build.templating.markers import zip_globals
from site_build.templating.text import relative_url

SITE_CONFIG = "p2g-site.json"  # next to the docs folder; read by the MkDocs hook


class SiteRenderer:
    def __init__(self, content: Content, trainer: bool = False, downloads: list | None = None,
                 offline_zip: bool = False):
        self.content = content
        self.trainer = trainer
        self.offline_zip = offline_zip
        self.downloads = {d.name: d for d in downloads or []}
        self.env = environment(content.root, content.editie.taal)
        self.labels = self.env.globals["t"]

    def _context(self, page: str, **extra: Any) -> dict[str, Any]:
        c = self.content

        def url(target: str) -> str:
            return relative_url(page, target)

        return dict(
            c=c, editie=c.editie, page=page, url=url, trainer=self.trainer,
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
        """Every generated page: path -> Markdown text."""
        c = self.content
        out: dict[str, str] = {
            "index.md": self.render("site/home.md.j2", "index.md"),
            pages.MORGEN: self.render("site/morgen.md.j2", pages.MORGEN),
            "methode/relationele-behoeften.md": self.render("site/behoeften.md.j2", "methode/relationele-behoeften.md"),
            "methode/relatiewoorden.md": self.render("site/woorden.md.j2", "methode/relatiewoorden.md"),
            "vaardigheden/index.md": self.render("site/vaardigheden.md.j2", "vaardigheden/index.md"),
            "donts/index.md": self.render("site/donts.md.j2", "donts/index.md"),
            "contexten/index.md": self.render("site/contexten.md.j2", "contexten/index.md"),
            "contexten/organisatie.md": self.render("site/organisatie.md.j2", "contexten/organisatie.md"),
            "plg/index.md": self.render("site/plg.md.j2", "plg/index.md"),
            "instrumenten/index.md": self.render("site/instrumenten.md.j2", "instrumenten/index.md"),
            "onderzoek/index.md": self.render("site/onderzoek.md.j2", "onderzoek/index.md"),
            "onderzoek/bronnen.md": self.render("site/bronnen.md.j2", "onderzoek/bronnen.md"),
            "instrumenten/downloads.md": self.render("site/downloads.md.j2", "instrumenten/downloads.md"),
            "trainers/jaarplanning.md": self._jaarplanning(),
            "contact.md": self.render("site/contact.md.j2", "contact.md"),
        }
        for v in c.vaardigheden:
            path = pages.skill_page(v.id)
            out[path] = self.render("site/vaardigheid.md.j2", path, v=v)
        for cyclus in c.plg.cycli:
            path = pages.cycle_page(cyclus.id)
            out[path] = self.render("site/cyclus.md.j2", path, cyclus=cyclus)
            for i, b in enumerate(cyclus.bijeenkomsten):
                path = pages.meeting_page(b.id)
                prev = cyclus.bijeenkomsten[i - 1] if i > 0 else None
                nxt = cyclus.bijeenkomsten[i + 1] if i + 1 < len(cyclus.bijeenkomsten) else None
                out[path] = self.render("site/bijeenkomst.md.j2", path, cyclus=cyclus, b=b, prev=prev, next=nxt)
        for inst in c.instrumenten:
            path = pages.instrument_page(inst.id)
            out[path] = self.render("site/instrument.md.j2", path, inst=inst,
                                    secties=c.secties(inst), richtlijnen=c.richtlijnen(inst))
        return {path: label_cells(text) for path, text in out.items()}

    def _jaarplanning(self) -> str:
        from site_build.authoring import plan

        start = plan.first_monday_of_september(self.content.editie.schooljaar)
        from site_build.authoring.schoolplanning import moments

        return self.render("site/jaarplanning.md.j2", "trainers/jaarplanning.md", voorbeeld_start=start,
                           voorbeeld=plan.make_plan(self.content, start, []),
                           datum=lambda day: plan.datum(day, self.labels),
                           planning=self.content.planning, eigen=moments(self.content),
                           weken_tussen=plan.WEEKS_BETWEEN_MEETINGS, weken_cycli=plan.WEEKS_BETWEEN_CYCLES)

    def site_config(self) -> dict[str, Any]:
        e = self.content.editie
        w = self.labels.section("site")
        return {
            "site_name": e.site_naam + (w["trainerseditie"] if self.trainer else ""),
            "nav": sitemap.nav(self.content),
            "copyright": w["copyright"].format(organisatie=e.organisatie, editie=e.editie, versie=e.versie,
                                               inhoud=e.licentie.inhoud, code=e.licentie.code),
            "editie": e.model_dump(),
            # the theme's language, the search language and the footer's words (site_build/site/hook.py)
            "taal": {**self.labels.section("taal"), "kopje_link": w["kopje_link"]},
            "voet": self.labels.section("voet"),
            # where each page can be changed in the browser, when the edition names its repository
            "bewerken": {page: edit_url(e.repository, src) for page, src in page_sources(self.content).items()}
                        if e.repository else {},
            "trainer": self.trainer,
        }

    def editie_css(self) -> str:
        k = self.content.editie.kleuren
        return (":root {\n"
                f"  --p2g-primair: {k.primair};\n  --p2g-accent: {k.accent};\n"
                f"  --md-primary-fg-color: {k.primair};\n  --md-primary-fg-color--dark: {k.primair};\n"
                f"  --md-accent-fg-color: {k.accent};\n  --md-typeset-a-color: {k.accent};\n"
                "}\n")


def write_docs(content: Content, docs: Path, trainer: bool = False, downloads: list | None = None,
               pdf_dir: Path | None = None, offline_zip: bool = False) -> dict[str, Any]:
    """Write the whole docs folder for MkDocs into ``docs`` (which must not exist yet).

    ``downloads`` describes the PDFs. With ``pdf_dir`` they are rendered already and copied in; without it they
    are still being rendered: the pages get markers for their sizes (see templating.markers.fill_in) and docs/downloads/
    gets empty stand-ins, so MkDocs can check the links to them.
    """
    renderer = SiteRenderer(content, trainer=trainer, downloads=downloads, offline_zip=offline_zip)
    generated = renderer.pages()
    prose_dir = content.root / pages.PROSE_DIR
    if prose_dir.is_dir():
        # only regular files: validation refused symlinks and special files, and none is copied or followed here
        shutil.copytree(prose_dir, docs, dirs_exist_ok=False, symlinks=True,
                        ignore=lambda folder, names: [n for n in names if (Path(folder) / n).is_symlink()])
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


def render_string(template: str, root: Path, **context: Any) -> Markup:
    """Render one template alone (for tests of the macros)."""
    return Markup(environment(root, context["editie"].taal if "editie" in context else "nl")
                  .get_template(template).render(**context))
