"""One rule for text where HTML (or CSS) is made outside our own autoescaped templates: every value from the content
or the edition is text. The theme (MkDocs/Material) inserts titles, the site name and the copyright unescaped, so
they are handed to it as escaped Markup, never as plain strings; CSS strings get CSS escapes."""

from __future__ import annotations

import html
from typing import Any

from markupsafe import Markup


def theme_text(value: Any) -> Markup:
    """Text for a place where the theme writes it as HTML. Markup (already escaped) passes through unchanged,
    so escaping twice cannot happen and Material's own '| e' leaves it alone. The apostrophe stays as it is
    ("Don'ts" in titles and the search index): the theme quotes every attribute with '"', which is escaped."""
    if isinstance(value, Markup):
        return value
    return Markup(html.escape(str(value), quote=False).replace('"', "&#34;"))


def theme_nav(nav: Any) -> Any:
    """The MkDocs nav with every title escaped (paths stay as they are)."""
    if isinstance(nav, list):
        return [theme_nav(item) for item in nav]
    if isinstance(nav, dict):
        return {theme_text(title): theme_nav(target) for title, target in nav.items()}
    return nav


def theme_config(data: dict) -> dict:
    """The values the hook hands to MkDocs' configuration, escaped for the theme (see the module docstring)."""
    return {**data, "site_name": theme_text(data["site_name"]), "nav": theme_nav(data["nav"]),
            "copyright": theme_text(data["copyright"])}


def assert_theme_safe(config: Any) -> None:
    """Refuse a configuration whose theme texts are plain strings: they would reach the page unescaped."""
    def check(value: Any, what: str) -> None:
        if isinstance(value, str) and not isinstance(value, Markup):
            raise TypeError(f"{what} gaat onge-escaped naar het thema")

    check(config.site_name, "site_name")
    if config.copyright:
        check(config.copyright, "copyright")

    def walk(nav: Any) -> None:
        if isinstance(nav, list):
            for item in nav:
                walk(item)
        elif isinstance(nav, dict):
            for title, target in nav.items():
                check(title, f"navigatietitel {title!r}")
                walk(target)

    walk(config.nav)


def css_string(value: Any) -> Markup:
    """A CSS string literal (with its quotes) showing ``value`` as text: everything but letters, digits, spaces
    and harmless punctuation is written as a CSS hex escape, so no value can end the string or the rule."""
    out = []
    for char in str(value):
        if char.isalnum() or char in " .,:;-_()!?/'·–—‘’“”&@+=%#":
            out.append(char)
        else:
            out.append(f"\\{ord(char):06x}")
    return Markup('"' + "".join(out) + '"')
