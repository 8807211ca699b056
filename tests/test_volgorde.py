"""One order, the method's: the instruments appear everywhere in the order the PLG trajectory uses them.

The expected order is read here from content/plg.yml itself (the meetings and the instruments each lists),
not from the generator, and checked on the built site: navigation, instrument table, downloads page,
next/previous links and the complete map's contents.
"""

from __future__ import annotations

import re

import yaml
from pypdf import PdfReader


def expected_order(project, content) -> list[str]:
    plg = yaml.safe_load((project / "content" / "plg.yml").read_text(encoding="utf-8"))
    order: list[str] = []
    for cyclus in plg["cycli"]:
        for b in cyclus.get("bijeenkomsten", []):
            order += [i for i in b.get("instrumenten", []) if i not in order]
    rest = sorted(i.id for i in content.instrumenten if i.id not in order)
    return order + rest


def ids_in(html: str, pattern: str) -> list[str]:
    seen: list[str] = []
    for found in re.findall(pattern, html):
        if found not in seen:
            seen.append(found)
    return seen


def test_the_order_is_the_methods_not_the_file_names(real_site):
    project, site, content = real_site
    expected = expected_order(project, content)
    assert expected != sorted(expected), "de test heeft een volgorde nodig die niet alfabetisch is"
    assert expected.index("reflectie-interview-start") < expected.index("reflectie-interview-slot")
    known = set(expected)

    def only_instruments(ids: list[str]) -> list[str]:
        return [i for i in ids if i in known]

    # navigation (the sidebar of the instrument overview holds the whole section)
    overview = (site / "instrumenten" / "index.html").read_text(encoding="utf-8")
    nav = overview.split('class="md-sidebar md-sidebar--primary"', 1)[1].split("md-sidebar--secondary", 1)[0]
    assert only_instruments(ids_in(nav, r'href="([a-z0-9-]+)\.html"')) == expected, "navigatie"

    # the instrument table
    table = overview.split('<table class="p2g-tabel">', 1)[1].split("</table>", 1)[0]
    assert only_instruments(ids_in(table, r'href="([a-z0-9-]+)\.html"')) == expected, "tabel met instrumenten"

    # the downloads page: printable and fillable forms
    downloads = (site / "instrumenten" / "downloads.html").read_text(encoding="utf-8")
    forms = downloads.split('id="formulieren"', 1)[1]
    assert only_instruments(ids_in(forms, r'downloads/([a-z0-9-]+?)(?:-invulbaar)?\.pdf"')) == expected, "downloads"

    # next/previous links: from the first instrument page, 'Volgende' walks through them all in order
    walked, page = [], expected[0]
    while page in known and page not in walked:
        walked.append(page)
        html = (site / "instrumenten" / f"{page}.html").read_text(encoding="utf-8")
        nxt = re.search(r'href="([a-z0-9-]+)\.html" class="md-footer__link md-footer__link--next"', html)
        prev = re.search(r'href="([a-z0-9-]+)\.html" class="md-footer__link md-footer__link--prev"', html)
        if len(walked) > 1:
            assert prev and prev.group(1) == walked[-2], f"{page}: 'Vorige' hoort naar {walked[-2]} te gaan"
        page = nxt.group(1) if nxt else ""
    assert walked == expected, "volgende/vorige"

    # the complete map's contents
    reader = PdfReader(site / "downloads" / "complete-map.pdf")
    contents = " ".join((reader.pages[1].extract_text() or "").split())
    titles = {i.id: " ".join(i.titel.split()) for i in content.instrumenten}
    positions = [contents.find(titles[i]) for i in expected]
    assert -1 not in positions and positions == sorted(positions), "inhoud van de complete map"
