"""MkDocs hook: the thin glue between MkDocs and the generator (regenerate on serve, apply nav and edition)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from mkdocs.exceptions import PluginError


def on_config(config):
    root = Path(config.config_file_path).absolute().parent
    docs = Path(config.docs_dir)
    if os.environ.get("P2G_GENERATED") != "1":
        # `mkdocs serve` (or a bare `mkdocs build`): regenerate from the YAML so data edits show up.
        import logging

        from site_build.build import regenerate
        from site_build.site.serve_errors import messages, write_error_docs

        docs = root / "build" / "docs"
        try:
            regenerate(root, docs)
        except Exception as error:  # content, a PDF, a template, the disk: shown in the browser, never raised
            lines = messages(error)
            for line in lines:
                logging.getLogger("p2g").error("%s", line)
            docs = write_error_docs(root, docs, lines)
        config.docs_dir = str(docs)
    elif os.environ.get("P2G_DOCS_DIR"):  # pages generated earlier (e.g. `make bench` builds them bare)
        docs = Path(os.environ["P2G_DOCS_DIR"]).resolve()
        config.docs_dir = str(docs)
    from site_build.core.safety import assert_theme_safe, theme_config
    from site_build.site.render import SITE_CONFIG

    # the theme writes these as HTML: they go in escaped (safety.py), and a plain string is refused
    data = theme_config(json.loads((docs.parent / SITE_CONFIG).read_text(encoding="utf-8")))
    config.site_name = data["site_name"]
    config.nav = data["nav"]
    config.copyright = data["copyright"]
    config.extra["p2g"] = data
    assert_theme_safe(config)
    # the edition's language: page <html lang>, Material's own words and the search's stemmer follow it
    config.theme["language"] = data["taal"]["code"]
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is not None:
        search.config["lang"] = [data["taal"]["zoeken"]]
        index = getattr(search, "search_index", None)  # Material copies its config into the index in its on_config
        if index is not None:
            index.config["lang"] = [data["taal"]["zoeken"]]
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = data["taal"]["kopje_link"]
    if data["editie"].get("url"):
        config.site_url = data["editie"]["url"]
    if data["editie"].get("logo"):
        config.theme["logo"] = "assets/" + Path(data["editie"]["logo"]).name
    return config


def on_page_context(context, page, config, nav):
    """With a repository in the edition, each page links to the file it is made from, in the browser's editor
    (Material's edit button). No repo_url: Material would then ask GitHub's API for stars and forks, and the
    site makes no request to another host."""
    url = config.extra["p2g"].get("bewerken", {}).get(page.file.src_uri)
    page.edit_url = url
    return context


_CDN = re.compile(r"https://unpkg\.com/[^\"'`)\s]*")


def on_page_markdown(markdown, page, config, files):
    """Front matter could set a page's meta tags or template around every check. Hand-written pages have none
    (validation refuses it); generated pages use only 'title' (escaped like every title) and 'hide'."""
    from site_build.core.safety import theme_text

    unknown = set(page.meta) - {"title", "hide"}
    if unknown:
        raise PluginError(f"{page.file.src_uri}: kopgegevens {sorted(unknown)} worden niet ondersteund; haal ze weg")
    if "title" in page.meta:
        page.meta["title"] = theme_text(page.meta["title"])
    return markdown


def on_post_build(config):
    """Material's bundle can fetch a polyfill and Mermaid from a public CDN. This site uses neither, and its
    readers' browsers must never contact another host: point those loads at an empty inline script."""
    for bundle in Path(config.site_dir, "assets", "javascripts").glob("bundle.*.js"):
        text = bundle.read_text(encoding="utf-8")
        cleaned = _CDN.sub("data:text/javascript,", text)
        if cleaned != text:
            bundle.write_text(cleaned, encoding="utf-8")
    from site_build.site.search import patch_dutch_search

    patch_dutch_search(Path(config.site_dir))


def on_serve(server, config, builder):
    root = Path(config.config_file_path).absolute().parent
    for folder in ("content", "instruments", "macros"):
        if (root / folder).is_dir():
            server.watch(str(root / folder))
    return server
