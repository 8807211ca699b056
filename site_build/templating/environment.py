"""The one Jinja environment, shared by site and print: strict undefined, autoescaping everywhere, and the one
place where filters and globals are registered (as mkdocs-macros' define_env), the label catalogue ``t`` of the
edition's language among them (site_build/core/labels.py)."""

from __future__ import annotations

import hashlib
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from site_build.content import bron as herkomst
from site_build.content import practice as praktijk
from site_build.core.caches import SafeBytecodeCache
from site_build.core.labels import Labels, load_labels
from site_build.core.safety import css_string
from site_build.templating.charts import bar_chart, category_counts
from site_build.templating.markers import template_globals
from site_build.templating.text import md_inline, prose, prose_inline


def environment(root: Path, taal: str = "nl") -> Environment:
    """The Jinja environment for site and print templates: strict undefined, autoescaping on for every template,
    the words of ``taal`` (the edition's 'taal') as ``t``."""
    labels = load_labels(root, taal)
    # compiled code depends on how the environment is set up here (finalize, delimiters), not only on the
    # template's source: a change to this module starts a fresh cache
    cache_dir = root / "build" / "jinja-cache" / hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        # compiled templates are reused between builds (keyed by template source), which saves a few tenths
        bytecode_cache = SafeBytecodeCache(str(cache_dir))
    except OSError:
        bytecode_cache = None
    env = Environment(
        bytecode_cache=bytecode_cache,
        loader=FileSystemLoader(str(root / "macros")),
        undefined=StrictUndefined,
        # .md.j2 templates produce Markdown with HTML blocks: HTML-escaping is right for both.
        autoescape=select_autoescape(enabled_extensions=("html", "j2", "md"), default_for_string=True, default=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # one build = one set of templates; skip a stat() per macro import
        # '{#' starts Markdown heading ids ('## Titel {#id}'), so Jinja comments use '{## ... ##}'.
        comment_start_string="{##",
        comment_end_string="##}",
        # A statement written out as it is ('{{ tip }}', common in the print templates) shows its text with the
        # Markdown rendered (its '*schuin*' would otherwise print as asterisks); the print renderer's own
        # prose filter (links to web addresses) applies there. Every environment has it: the bytecode cache is shared.
        finalize=lambda value: env.filters["prose_inline"](value.tekst) if isinstance(value, herkomst.Bewering) else value,
    )
    bron_woorden = labels.section("bron")
    rollen = labels.section("rollen")
    env.filters.update(
        prose=prose,
        prose_inline=prose_inline,
        md=md_inline,
        bron=lambda b: herkomst.label(b, bron_woorden),
        alineas=herkomst.alineas,
        # a CSS string literal: escaped for CSS, not for HTML (a catalogue text is HTML: its entities become text)
        css=lambda value: css_string(value.unescape() if isinstance(value, Markup) else value),
        rol=lambda r: rollen.get(r, r),
        count_in=lambda value, values: sum(1 for v in values if v == value),
        gemiddelde=lambda values: mean(values, labels),
        hoofdletter=lambda text: text[:1].upper() + text[1:],
    )
    env.globals.update(template_globals(labels))
    env.globals.update(herkomst.jinja_globals(bron_woorden))
    env.globals.update(t=labels, bar_chart=bar_chart, category_counts=category_counts, is_research=herkomst.is_research,
                       agenda_tijden=praktijk.agenda_tijden, duur=lambda agenda: praktijk.duur(agenda, labels.section("tijd")))
    return env


def mean(values: list[int], labels: Labels) -> str:
    """Mean with two decimals, rounded half up as in the report's tables (10,625 -> 10,63), with the language's
    decimal sign."""
    average = Decimal(sum(values)) / Decimal(len(values))
    return str(average.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)).replace(".", labels.text("getal.decimaalteken"))
