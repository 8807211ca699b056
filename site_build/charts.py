"""Charts: accessible SVG bar charts drawn at build time from the research data (no JavaScript, no CDN)."""

from __future__ import annotations

from markupsafe import Markup, escape

from . import models as m


def category_counts(scores: list[int], categories: list[m.Categorie]) -> list[int]:
    """How many scores fall into each norm category (a score outside every category is not counted)."""
    return [sum(1 for s in scores if cat.van <= s and (cat.tot is None or s <= cat.tot)) for cat in categories]


def bar_chart(chart_id: str, title: str, labels: list[str], series: list[tuple[str, list[int]]]) -> Markup:
    """Grouped bars: one group per label, one bar per series (e.g. voormeting / nameting).

    Patterns as well as shades tell the series apart, so the chart reads in black and white too.
    """
    width, height, left, bottom, top = 640, 260, 40, 60, 20
    plot_h = height - bottom - top
    maximum = max([1] + [v for _, values in series for v in values])
    group_w = (width - left - 10) / max(1, len(labels))
    bar_w = min(36, (group_w - 16) / max(1, len(series)))
    fills = ["url(#{id}-p0)", "url(#{id}-p1)"]
    parts = [
        f'<svg class="p2g-grafiek" viewBox="0 0 {width} {height}" role="img" aria-labelledby="{chart_id}-titel" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-titel">{escape(title)}</title>',
        "<defs>"
        f'<pattern id="{chart_id}-p0" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#9fb7c9"/>'
        f'<path d="M0 6L6 0" stroke="#2b4a63" stroke-width="1"/></pattern>'
        f'<pattern id="{chart_id}-p1" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#1f5f5b"/></pattern>'
        "</defs>",
    ]
    for tick in range(0, maximum + 1, max(1, maximum // 5)):
        y = top + plot_h - plot_h * tick / maximum
        parts.append(f'<line x1="{left}" x2="{width - 5}" y1="{y:.1f}" y2="{y:.1f}" stroke="#d0d0d0"/>'
                     f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="12" fill="#333">{tick}</text>')
    for gi, label in enumerate(labels):
        gx = left + gi * group_w + (group_w - bar_w * len(series)) / 2
        for si, (_, values) in enumerate(series):
            v = values[gi]
            h = plot_h * v / maximum
            x = gx + si * bar_w
            y = top + plot_h - h
            fill = fills[si % 2].format(id=chart_id)
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w - 3:.1f}" height="{h:.1f}" fill="{fill}" stroke="#1b1b1b" stroke-width="0.5"/>')
            parts.append(f'<text x="{x + (bar_w - 3) / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle" font-size="12" fill="#1b1b1b">{v}</text>')
        parts.append(f'<text x="{left + gi * group_w + group_w / 2:.1f}" y="{height - bottom + 18}" text-anchor="middle" '
                     f'font-size="12" fill="#1b1b1b">{escape(label)}</text>')
    lx = left
    for si, (name, _) in enumerate(series):
        fill = fills[si % 2].format(id=chart_id)
        parts.append(f'<rect x="{lx}" y="{height - 22}" width="14" height="14" fill="{fill}" stroke="#1b1b1b" stroke-width="0.5"/>'
                     f'<text x="{lx + 20}" y="{height - 10}" font-size="12" fill="#1b1b1b">{escape(name)}</text>')
        lx += 140
    parts.append("</svg>")
    return Markup("".join(parts))
