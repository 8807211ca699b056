"""The complete configuration the site builder builds with: mkdocs.yml with what the content decides filled in
(site name, navigation, footer and edition values, the site's address and logo) and without the hook. `p2g build`
writes it into build/ and builds from it; any MkDocs-compatible builder can build from it too, because nothing
reaches the builder another way (no hook, no plugin of ours, no environment variable).

The theme writes the site name, navigation titles and the copyright as HTML without escaping them, and a YAML
file holds plain strings only: they are written here already escaped (core/safety.py). Where Material escapes
them once more (the logo's tooltip) a name with & < > or " shows its entity; that is the price of a configuration
any builder reads, and text can never become markup. Edit links come from the theme (theme/partials/actions.html
reads extra.p2g.bewerken), not from code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from site_build.core.safety import theme_config

FILE = "mkdocs.yml"  # inside the folder the build keeps for the builder (build/mkdocs/)


class _IgnoreTags(yaml.SafeLoader):
    """Reads mkdocs.yml's own tags (e.g. !ENV) as their plain values: the generated file has none."""


def _plain(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node)
        return values[-1] if values else None  # !ENV [NAME, default]: the default
    return loader.construct_scalar(node)


_IgnoreTags.add_multi_constructor("!", _plain)


def theme_values(data: dict) -> dict[str, Any]:
    """What the content sets in the builder's configuration, escaped for the theme (shared with the hook)."""
    data = theme_config(data)
    values: dict[str, Any] = {"site_name": data["site_name"], "nav": data["nav"], "copyright": data["copyright"],
                              # everything else is for theme/ (the footer's edition values and words, the edit links)
                              "extra": {"p2g": {k: v for k, v in data.items() if k not in ("site_name", "nav", "copyright")}}}
    taal = data["taal"]  # the edition's language: page lang, the theme's own words, search stemming, heading links
    values.update(language=taal["code"], search_lang=taal["zoeken"], permalink_title=taal["kopje_link"])
    editie = data["editie"]
    if editie.get("url"):
        values["site_url"] = editie["url"]
    if editie.get("logo"):
        values["logo"] = "assets/" + Path(editie["logo"]).name
    return values


def _strings(value: Any) -> Any:
    """Markup (and any other str subclass) as plain str: YAML writes no Python types."""
    if isinstance(value, dict):
        return {_strings(k): _strings(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_strings(v) for v in value]
    if isinstance(value, str):
        return str.__str__(value)
    return value


def _with_options(entry: Any, names: tuple[str, ...], **options: Any) -> Any:
    """A plugins or markdown_extensions entry ('name' or {'name': {...}}) with ``options`` set if it is one of
    ``names``; any other entry as it is."""
    name = entry if isinstance(entry, str) else next(iter(entry))
    if name not in names:
        return entry
    current = {} if isinstance(entry, str) else dict(entry[name] or {})
    return {name: {**current, **options}}


def builder_config(root: Path, docs: Path, site: Path, data: dict) -> dict[str, Any]:
    """mkdocs.yml of ``root``, complete for building ``docs`` into ``site`` with the content's values ``data``
    (the site configuration write_docs returns)."""
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)  # noqa: S506
    config.pop("hooks", None)  # the hook is for `mkdocs serve` only
    values = theme_values(data)
    config.update(docs_dir=str(docs), site_dir=str(site), site_name=values["site_name"], nav=values["nav"],
                  copyright=values["copyright"])
    if "site_url" in values:
        config["site_url"] = values["site_url"]
    theme = dict(config.get("theme") or {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = str((root / theme["custom_dir"]).resolve())
    if "logo" in values:
        theme["logo"] = values["logo"]
    theme["language"] = values["language"]
    config["theme"] = theme
    config["plugins"] = [_with_options(p, ("search", "material/search"), lang=[values["search_lang"]])
                         for p in config.get("plugins") or []]
    config["markdown_extensions"] = [_with_options(e, ("toc",), permalink_title=values["permalink_title"])
                                     for e in config.get("markdown_extensions") or []]
    config["extra"] = {**(config.get("extra") or {}), **values["extra"]}
    return _strings(config)


def config_text(config: dict[str, Any]) -> str:
    """The configuration file's text, for a configuration made by builder_config."""
    return ("# Written by `p2g build` from mkdocs.yml and the content: do not edit (see site_build/site/builder_config.py)\n"
            + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=120))


def write_builder_config(folder: Path, config: dict[str, Any]) -> Path:
    """Write the configuration (made by builder_config) into ``folder`` (only when it changed: its age is part of
    what the builder sees); returns its path."""
    text = config_text(config)
    path = folder / FILE
    folder.mkdir(parents=True, exist_ok=True)
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path
