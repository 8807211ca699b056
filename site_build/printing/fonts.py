"""Font audit of a finished PDF: every font it embeds must be one of the project's own (Lato), glyph for glyph."""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


@dataclass(frozen=True)
class EmbeddedFont:
    where: str          # e.g. "pagina 2", "formulierveld", "AcroForm /DR"
    base_font: str      # the PDF's /BaseFont, subset prefix included
    postscript: str     # the name inside the embedded font program ('' when not embedded or unreadable)
    chars: frozenset    # the characters the embedded subset maps (its cmap)
    program: bytes      # the embedded font program


@lru_cache(maxsize=1)
def project_fonts() -> dict:
    """PostScript name -> (cmap, glyph outlines by character) of every font file the project installs."""
    import font_lato
    from fontTools.ttLib import TTFont

    fonts = {}
    for path in sorted((Path(font_lato.__file__).parent / "files").glob("*.ttf")):
        font = TTFont(path)
        fonts[font["name"].getDebugName(6)] = font
    return fonts


def _resources(res, where: str, seen: set, out: list) -> None:
    """Fonts of a /Resources dictionary and, recursively, of its form XObjects (where glyphs can also hide)."""
    if res is None or res.objgen in seen and res.objgen != (0, 0):
        return
    seen.add(res.objgen)
    for font in (res.get("/Font") or {}).values():
        out.append((where, font))
    for xobject in (res.get("/XObject") or {}).values():
        if xobject.get("/Subtype") == "/Form":
            _resources(xobject.get("/Resources"), where, seen, out)


def _appearances(annot, where: str, seen: set, out: list) -> None:
    """A field's appearances (/N, /D, /R): each a stream, or a dictionary of streams by state."""
    import pikepdf

    for state in (annot.get("/AP") or {}).values():
        streams = [state] if isinstance(state, pikepdf.Stream) else list(state.values())
        for stream in streams:
            if isinstance(stream, pikepdf.Stream):
                _resources(stream.get("/Resources"), where, seen, out)


def embedded_fonts(path: Path) -> list[EmbeddedFont]:
    """Every font a PDF uses: on its pages, in form XObjects, in field appearances and in the AcroForm /DR."""
    import pikepdf
    from fontTools.ttLib import TTFont

    found: list = []
    seen: set = set()
    with pikepdf.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            _resources(page.obj.get("/Resources"), f"pagina {number}", seen, found)
            for annot in page.obj.get("/Annots") or []:
                _appearances(annot, f"formulierveld op pagina {number}", seen, found)
        acro = pdf.Root.get("/AcroForm")
        if acro is not None:
            _resources(acro.get("/DR"), "AcroForm /DR", seen, found)
        result = []
        for where, font in found:
            descriptor_owner = font.DescendantFonts[0] if "/DescendantFonts" in font else font
            descriptor = descriptor_owner.get("/FontDescriptor") or {}
            program, postscript, chars = b"", "", frozenset()
            for key in _FONT_FILES:
                if key in descriptor:
                    program = descriptor[key].read_bytes()
                    try:
                        parsed = TTFont(io.BytesIO(program))
                        postscript = parsed["name"].getDebugName(6) or ""
                        chars = frozenset(chr(c) for c in (parsed.getBestCmap() or {}))
                    except Exception:  # not a font fontTools can read: reported as foreign below
                        pass
            result.append(EmbeddedFont(where, str(font.get("/BaseFont")), postscript, chars, program))
        return result


def _same_glyphs(embedded: EmbeddedFont, original) -> list[str]:
    """Characters whose outline in the embedded subset differs from the project's font file."""
    from fontTools.pens.recordingPen import DecomposingRecordingPen
    from fontTools.ttLib import TTFont

    sub = TTFont(io.BytesIO(embedded.program))
    sub_glyphs, orig_glyphs = sub.getGlyphSet(), original.getGlyphSet()
    sub_cmap, orig_cmap = sub.getBestCmap(), original.getBestCmap()
    differ = []
    for code, name in sorted(sub_cmap.items()):
        if code not in orig_cmap:
            differ.append(chr(code))
            continue
        pens = []
        for glyphs, glyph in ((sub_glyphs, name), (orig_glyphs, orig_cmap[code])):
            pen = DecomposingRecordingPen(glyphs)
            glyphs[glyph].draw(pen)
            pens.append(pen.value)
        if pens[0] != pens[1]:
            differ.append(chr(code))
    return differ


def foreign(path: Path) -> list[str]:
    """What in this PDF does not come from the project's fonts, in Dutch; empty when every glyph does."""
    own = project_fonts()
    problems = []
    for font in embedded_fonts(path):
        label = f"{path.name} ({font.where}): lettertype {font.base_font}"
        if not font.program:
            problems.append(f"{label} is niet ingesloten (de lezer kiest dan zelf een lettertype)")
        elif font.postscript not in own:
            problems.append(f"{label} is '{font.postscript or 'onbekend'}', niet een van de eigen lettertypen "
                            f"({', '.join(sorted(own))})")
        else:
            differ = _same_glyphs(font, own[font.postscript])
            if differ:
                problems.append(f"{label}: de tekens {''.join(differ)!r} komen niet uit {font.postscript}")
    return problems


@lru_cache(maxsize=1)
def _covered() -> frozenset:
    return frozenset(chr(c) for font in project_fonts().values() for c in font.getBestCmap())


def uncovered(text: str) -> set[str]:
    """Characters of ``text`` that none of the project's fonts can show (they would fall back to a system font)."""
    covered = _covered()
    return {c for c in text if not c.isspace() and c not in covered and c != "\u00ad"}


def check_layout(document, name: str) -> None:
    """Stop before writing a PDF whose laid-out text (CSS-generated text included) has a character the project's
    fonts lack: fontconfig would silently draw it with whatever system font is installed."""
    from weasyprint.formatting_structure.boxes import TextBox

    text = "".join(box.text for page in document.pages for box in page._page_box.descendants()
                   if isinstance(box, TextBox))
    missing = uncovered(text)
    if missing:
        from site_build.core.problems import PrintError

        shown = ", ".join(f"'{c}' (U+{ord(c):04X})" for c in sorted(missing))
        raise PrintError(f"{name}: het lettertype van het project (Lato) heeft geen teken voor {shown}; "
                         "dan zou een ander lettertype van deze computer in de PDF komen. "
                         "Vervang het teken door een gewone letter of een woord.")
