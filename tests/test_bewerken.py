"""The trainer's path without a terminal: with a repository in the edition, every page links to the file it is
made from (in the browser's editor) and the footer links the repository; without one, no page does. The
workflow publishes the trainer edition at its own address and builds the planning from content/."""

from __future__ import annotations

import re

import yaml

from conftest import REPO

REPOSITORY = "https://github.com/voorbeeld-org/playing-2-gether"


def test_pages_link_the_file_they_are_made_from(real):
    from site_build.build import build
    from site_build.content.pages import page_paths
    from site_build.content.validate import load_content
    from site_build.site.source_files import page_sources

    editie = real / "content" / "editie.yml"
    data = yaml.safe_load(editie.read_text(encoding="utf-8"))
    data["repository"] = REPOSITORY
    editie.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    site = build(real).site
    content = load_content(real)
    sources = page_sources(content)
    linked = 0
    for page in page_paths(content):
        html = (site / page.replace(".md", ".html")).read_text(encoding="utf-8")
        assert f'href="{REPOSITORY}"' in html, f"{page}: de voet linkt de repository niet"
        edit = re.search(r'<a href="([^"]+)" title="[^"]*" class="md-content__button md-icon" rel="edit">', html)
        # every page is made from a file or folder a trainer can open (derived from the kinds table)
        assert page in sources, f"{page}: niet bekend uit welk bestand de pagina komt"
        assert edit, f"{page}: geen knop om de pagina aan te passen"
        url = edit.group(1)
        kind, path = re.match(re.escape(REPOSITORY) + r"/(edit|tree)/main/(.+)$", url).groups()
        assert (real / path).is_file() if kind == "edit" else (real / path).is_dir(), url
        linked += 1
    # every kind of page: skills, instruments, meetings, hand-written pages, the planning
    assert sources["methode/morgen-beginnen.md"] == "content/morgen-beginnen.yml"  # the hand map had missed it
    assert linked == len(page_paths(content)) == len(sources)


def test_without_a_repository_no_page_links_one(real_site):
    project, site, content = real_site
    assert content.editie.repository is None
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert 'rel="edit"' not in html and "(om aan te passen): <a href" not in html, page


def test_the_workflow_publishes_the_trainer_edition_and_the_planning():
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    steps = [s for job in workflow["jobs"].values() for s in job.get("steps", [])]
    runs = [s.get("run", "") for s in steps]
    build = next(i for i, run in enumerate(runs) if "p2g build --trainer" in run)
    copy = next(i for i, run in enumerate(runs) if re.search(r"cp -r site-trainer site/[a-z-]+", run))
    upload = next(i for i, s in enumerate(steps) if str(s.get("uses", "")).startswith("actions/upload-pages-artifact"))
    assert build < copy < upload, "de trainerseditie wordt gebouwd en komt mee in de publicatie"
    assert steps[upload]["with"]["path"].rstrip("/") == "site", "de trainerseditie staat in een map van de site"
    site = next(i for i, run in enumerate(runs) if run.strip() == "make site")
    assert site < upload and (REPO / "content" / "planning.yml").is_file(), \
        "de site (met de jaarplanning uit content/planning.yml) wordt gebouwd en gepubliceerd"
