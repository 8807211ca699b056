"""Fonts: every PDF a build makes embeds only the project's own fonts (Lato), glyph for glyph, never a system font."""

from __future__ import annotations

from datetime import date

import pytest

from site_build.core.target import TRAINER
from site_build.printing.engine import PrintError
from site_build.printing.fonts import embedded_fonts, foreign, project_fonts
from site_build.printing.render import PrintRenderer


@pytest.fixture(scope="module")
def every_pdf(real_site, tmp_path_factory):
    """Every PDF the project makes: the public site, the trainer edition and the year planning."""
    from site_build.build import build
    from site_build.printing.year_plan import write_plan

    project, site, content = real_site
    trainer = build(project, TRAINER).site
    plan = write_plan(content, date(2027, 9, 6), [], tmp_path_factory.mktemp("plan"))[0]
    pdfs = sorted(site.rglob("*.pdf")) + sorted(trainer.rglob("draaiboek-*.pdf")) + [plan]
    assert len(pdfs) > len(content.instrumenten) * 2
    return pdfs


def test_every_pdf_embeds_only_the_projects_fonts(every_pdf):
    own = set(project_fonts())
    problems, used = [], set()
    for pdf in every_pdf:
        fonts = embedded_fonts(pdf)
        assert fonts, f"{pdf.name}: geen lettertype gevonden (leest de test de PDF wel?)"
        used.update(f.postscript for f in fonts)
        problems += foreign(pdf)
    assert not problems, "\n".join(problems)
    assert used <= own and "Lato-Regular" in used and "Lato-Bold" in used


@pytest.mark.build  # renders PDFs
def test_a_system_font_is_caught(minimal, tmp_path):
    """The audit can fail: a PDF that embeds a font other than Lato (here DejaVu, which fontconfig picks for
    a glyph Lato lacks) is reported, and the build refuses to write such a PDF in the first place."""
    from site_build.content.validate import load_content

    renderer = PrintRenderer(load_content(minimal))
    with pytest.raises(PrintError, match=r"U\+2717"):
        renderer.pdf_bytes('<html lang="nl"><title>x</title><body><h2>✗ Niet doen</h2></body></html>')

    # what such a PDF would have been: laid out and written without the guard
    from site_build.printing.engine import PdfJob

    engine = renderer.engine()
    document = engine.layout(PdfJob("x.pdf", '<html lang="nl"><title>x</title><body><p>✗ niet</p></body></html>', "x"))
    path = tmp_path / "x.pdf"
    path.write_bytes(document.write_pdf(**engine.OPTIONS))
    names = {f.postscript for f in embedded_fonts(path)}
    if names <= set(project_fonts()):
        pytest.skip(f"deze computer heeft geen ander lettertype met ✗ (gevonden: {names})")
    assert foreign(path), names
