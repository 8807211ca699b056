"""MkDocs hook for `mkdocs serve` (and a bare `mkdocs build` in the project): regenerates the pages from the YAML on
every build of the preview and applies what the content sets (name, navigation, edition values). `p2g build` does
not use it: it writes the complete configuration and runs its own post-build steps (site/builder_config.py,
site/post_build.py), so a builder that runs no hooks builds the same site from that configuration."""

from __future__ import annotations

import json
import logging
from pathlib import Path


def on_config(config):
    from site_build.build import regenerate
    from site_build.core.safety import assert_theme_safe
    from site_build.site.builder_config import theme_values
    from site_build.site.render import SITE_CONFIG
    from site_build.site.serve_errors import messages, write_error_docs

    root = Path(config.config_file_path).absolute().parent
    docs = root / "build" / "docs"
    try:
        regenerate(root, docs)
    except Exception as error:  # content, a PDF, a template, the disk: shown in the browser, never raised
        lines = messages(error)
        for line in lines:
            logging.getLogger("p2g").error("%s", line)
        docs = write_error_docs(root, docs, lines)
    config.docs_dir = str(docs)
    # the theme writes these as HTML: they go in escaped (core/safety.py) and as Markup, so its own '| e' keeps them
    values = theme_values(json.loads((docs.parent / SITE_CONFIG).read_text(encoding="utf-8")))
    config.site_name, config.nav, config.copyright = values["site_name"], values["nav"], values["copyright"]
    config.extra.update(values["extra"])
    assert_theme_safe(config)
    if "site_url" in values:
        config.site_url = values["site_url"]
    if "logo" in values:
        config.theme["logo"] = values["logo"]
    # the edition's language: page <html lang>, Material's own words and the search's stemmer follow it
    config.theme["language"] = values["language"]
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is not None:
        search.config["lang"] = [values["search_lang"]]
        index = getattr(search, "search_index", None)  # Material copies its config into the index in its on_config
        if index is not None:
            index.config["lang"] = [values["search_lang"]]
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = values["permalink_title"]
    return config


def on_post_build(config):
    from site_build.site.post_build import after_build

    after_build(Path(config.site_dir))


def on_serve(server, config, builder):
    root = Path(config.config_file_path).absolute().parent
    for folder in ("content", "instruments", "macros"):
        if (root / folder).is_dir():
            server.watch(str(root / folder))
    return server
