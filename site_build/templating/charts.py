"""Charts: accessible SVG bar charts drawn at build time from the research data (no JavaScript, no CDN)."""

from __future__ import annotations

from markupsafe import Markup, escape

from site_build.content import models as m


def category_counts(scores: list[int], categories: list[m.Categorie]) -> list[int]:
    """How many scores fall into each norm category (a score outside every category is not counted)."""
    return [sum(1 for s in scores if cat.van <= s and (cat.tot is None or s <= cat.tot)) for cat in categories]


def bar_chart(chart_id: str, title: str, labels: list[str], series: list[tuple[str, list[int]]]) -> Markup:
    """Bars per label, one per series (e.g. voormeting / nameting), drawn horizontally.

    Each label has a line of its own above its bars, so a long label ('bovengemiddeld tot zeer hoog') is never
    cut off or squeezed between its neighbours, and the drawing is narrow (360 units): on a 375 px phone its
    text keeps about the size it has in the viewBox. Patterns as well as shades tell the series apart, so the
    chart reads in black and white too.
    """
    width, left, label_h, bar_h, gap, legend_h = 360, 4, 18, 15, 10, 30
    value_room = 30  # room right of the longest bar for its number
    maximum = max([1] + [v for _, values in series for v in values])
    scale = (width - left - value_room) / maximum
    row_h = label_h + bar_h * len(series) + gap
    height = row_h * len(labels) + legend_h
    fills = ["url(#{id}-p0)", "url(#{id}-p1)"]
    parts = [
        # out of search: its labels and numbers are words without spaces there, and a table beside it holds them
        f'<svg class="p2g-grafiek" data-search-exclude viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{chart_id}-titel" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-titel">{escape(title)}</title>',
        "<defs>"
        f'<pattern id="{chart_id}-p0" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#9fb7c9"/>'
        f'<path d="M0 6L6 0" stroke="#2b4a63" stroke-width="1"/></pattern>'
        f'<pattern id="{chart_id}-p1" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#1f5f5b"/></pattern>'
        "</defs>",
    ]
    for gi, label in enumerate(labels):
        y0 = gi * row_h
        parts.append(f'<text x="{left}" y="{y0 + 13}" font-size="12" font-weight="700" fill="#1b1b1b">{escape(label)}</text>')
        for si, (_, values) in enumerate(series):
            v = values[gi]
            y = y0 + label_h + si * bar_h
            w = scale * v
            fill = fills[si % 2].format(id=chart_id)
            parts.append(f'<rect x="{left}" y="{y:.1f}" width="{w:.1f}" height="{bar_h - 3}" fill="{fill}" '
                         f'stroke="#1b1b1b" stroke-width="0.5"/>')
            parts.append(f'<text x="{left + w + 4:.1f}" y="{y + bar_h - 5:.1f}" font-size="12" fill="#1b1b1b">{v}</text>')
    lx, ly = left, height - legend_h + 8
    for si, (name, _) in enumerate(series):
        fill = fills[si % 2].format(id=chart_id)
        parts.append(f'<rect x="{lx}" y="{ly}" width="14" height="14" fill="{fill}" stroke="#1b1b1b" stroke-width="0.5"/>'
                     f'<text x="{lx + 20}" y="{ly + 12}" font-size="12" fill="#1b1b1b">{escape(name)}</text>')
        lx += 130
    parts.append("</svg>")
    return Markup("".join(parts))
