"""Form fields: makes the fillable PDF of a form from its blank PDF, by laying a field over every answer space
the layout reports. Laying out and drawing a form is the expensive part of a PDF; this way it happens once
for both variants, and the fields get a font made for typing (see `_field_font`).

Accessibility (PDF/UA): every field gets a /Form structure element with a reference to its widget, inside
the element that wraps the field in the print HTML, so fields keep their place in the reading and tab order.
That wrapper carries an explicit marker (the attribute data-p2g-veld); WeasyPrint writes no attributes into
the structure tree, only tags derived from element names, so `mark_wrappers` gives the marked elements' boxes
the one tag that finds them again in the PDF, and every other element that would get it another.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PX_TO_PT = 0.75  # 72 PDF points per inch / 96 CSS pixels per inch
FONT_NAME = "P2GVeld"
MARKER = "data-p2g-veld"  # on the element that wraps one form field in the print HTML
WRAPPER_TAG, WRAPPER_PDF = "main", "/Part"  # an HTML tag whose PDF structure tag only field wrappers may have
OTHER_TAG = "div"  # what an unmarked element with WRAPPER_TAG is tagged as instead


@dataclass(frozen=True)
class Field:
    page: int                                 # 0-based
    rect: tuple[float, float, float, float]   # PDF points, origin bottom left
    name: str
    title: str
    kind: str                                 # 'tekst', 'tekstvak' (several lines), 'vinkje' or 'keuze'
    font_size: float                          # points
    color: tuple[float, float, float]
    value: str = ""                           # 'keuze': this option's value; options of one name form one group


class FieldError(Exception):
    """The layout and the PDF do not agree on the fields (a bug in the print templates, not in the content)."""


def _boxes(box):
    yield box
    for child in getattr(box, "children", ()):
        yield from _boxes(getattr(child, "_box", child))  # an absolutely placed box sits in a placeholder


def mark_wrappers(document) -> dict[int, object]:
    """Before the PDF is written: the boxes of marked wrappers get WRAPPER_TAG, so WeasyPrint tags them
    WRAPPER_PDF; an unmarked element that has that tag in the HTML is tagged as OTHER_TAG instead. Returns
    the marked wrappers by id() of the element each wraps."""
    wrapped = {}
    for page in document.pages:
        for box in _boxes(page._page_box):
            element = getattr(box, "element", None)
            if element is None or box.element_tag != element.tag:  # anonymous text, pseudo-elements
                continue
            if element.get(MARKER) is not None:
                box.element_tag = WRAPPER_TAG
                wrapped.update((id(child), element) for child in element)
            elif element.tag == WRAPPER_TAG:
                box.element_tag = OTHER_TAG
    return wrapped


def fields_of(document) -> list[Field]:
    """The form fields of a WeasyPrint document rendered with ``pdf_forms``, in document order, each in a
    marked wrapper of its own, whose boxes this tags for `add_fields` (see mark_wrappers)."""
    wrapped = mark_wrappers(document)
    result = []
    for number, page in enumerate(document.pages):
        height = page.height
        for inputs in page.forms.values():
            for box, (x0, y0, x1, y1) in inputs:
                element = box.element
                wrapper = wrapped.get(id(element))
                if wrapper is None or len(wrapper) != 1:
                    raise FieldError(f"veld {element.get('name', '?')!r} staat niet alleen in een element met {MARKER}")
                kind = ("vinkje" if element.get("type") == "checkbox" else "keuze" if element.get("type") == "radio"
                        else "tekstvak" if element.tag == "textarea" else "tekst")
                color = tuple(float(c) for c in box.style["color"][:3])
                result.append(Field(
                    page=number,
                    rect=(x0 * PX_TO_PT, (height - y1) * PX_TO_PT, x1 * PX_TO_PT, (height - y0) * PX_TO_PT),
                    name=element.get("name", ""), title=element.get("title", "") or element.get("name", ""),
                    kind=kind, font_size=round(box.style["font_size"] * PX_TO_PT, 2), color=color,
                    value=element.get("value", "") if kind == "keuze" else ""))
    return result


@lru_cache(maxsize=None)
def _font_program(path: str) -> tuple[bytes, list[int], dict]:
    """The whole font file, its widths for the WinAnsi codes 32-255, and its descriptor values."""
    from fontTools.ttLib import TTFont

    data = Path(path).read_bytes()
    font = TTFont(io.BytesIO(data))
    scale = 1000 / font["head"].unitsPerEm
    cmap = font.getBestCmap()
    hmtx = font["hmtx"]
    widths = []
    for code in range(32, 256):
        char = bytes([code]).decode("cp1252", errors="replace")
        glyph = cmap.get(ord(char), ".notdef")
        widths.append(round(hmtx[glyph][0] * scale))
    head, os2, hhea = font["head"], font["OS/2"], font["hhea"]
    descriptor = {
        "bbox": [round(v * scale) for v in (head.xMin, head.yMin, head.xMax, head.yMax)],
        "ascent": round(hhea.ascent * scale), "descent": round(hhea.descent * scale),
        "cap_height": round(getattr(os2, "sCapHeight", hhea.ascent) * scale),
        "name": font["name"].getDebugName(6) or "Lato-Regular",
    }
    return data, widths, descriptor


def _field_font(pdf, path: Path):
    """A simple TrueType font with WinAnsi encoding, embedded whole: what PDF viewers need to draw typed text
    (any Dutch letter can be typed; the page's own fonts hold only the letters printed on it)."""
    import pikepdf

    data, widths, d = _font_program(str(path))
    program = pikepdf.Stream(pdf, data)
    program.Length1 = len(data)
    descriptor = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.FontDescriptor, FontName=pikepdf.Name("/" + d["name"]), Flags=32,
        FontBBox=d["bbox"], ItalicAngle=0, Ascent=d["ascent"], Descent=d["descent"],
        CapHeight=d["cap_height"], StemV=80, FontFile2=program))
    return pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.TrueType, BaseFont=pikepdf.Name("/" + d["name"]),
        FirstChar=32, LastChar=255, Widths=widths, Encoding=pikepdf.Name.WinAnsiEncoding,
        FontDescriptor=descriptor))


def _checkbox_appearance(pdf, width: float, height: float, color: tuple[float, float, float], state: str = "Yes"):
    import pikepdf

    cx, cy, rx, ry = width / 2, height / 2, width / 2 * 0.8, height / 2 * 0.8
    r, g, b = color
    tick = (f"{r:g} {g:g} {b:g} rg {cx - rx:.2f} {cy:.2f} m {cx - rx / 3:.2f} {cy - ry:.2f} l "
            f"{cx + rx:.2f} {cy + ry:.2f} l {cx - rx / 3:.2f} {cy - ry / 2:.2f} l h f").encode()
    on = pikepdf.Stream(pdf, tick)
    off = pikepdf.Stream(pdf, b"")
    for stream in (on, off):
        stream.Type = pikepdf.Name.XObject
        stream.Subtype = pikepdf.Name.Form
        stream.BBox = [0, 0, width, height]
    return pikepdf.Dictionary(N=pikepdf.Dictionary({"/" + state: on, "/Off": off}))


def _struct_elements(root, tag: str) -> list:
    """Structure elements with this tag, depth first in the order of the tree (the reading order)."""
    import pikepdf

    found = []

    def visit(node) -> None:
        if isinstance(node, pikepdf.Array):
            for item in node:
                visit(item)
        elif isinstance(node, pikepdf.Dictionary) and "/S" in node and node.get("/Type", "/StructElem") == "/StructElem":
            if node.S == tag:
                found.append(node)
            if "/K" in node:
                visit(node.K)

    visit(root.K)
    return found


def add_fields(blank: bytes, fields: list[Field], font_path: Path) -> bytes:
    """The fillable PDF: the blank one with a tagged form field for every answer."""
    import pikepdf

    pdf = pikepdf.open(io.BytesIO(blank))
    tree = pdf.Root.StructTreeRoot
    wrappers = _struct_elements(tree, pikepdf.Name(WRAPPER_PDF))
    if len(wrappers) != len(fields):
        raise FieldError(f"{len(fields)} velden in de opmaak, maar {len(wrappers)} veldomhulsels in de PDF")
    font = _field_font(pdf, font_path)
    nums = tree.ParentTree.Nums
    next_key = max(int(nums[i]) for i in range(0, len(nums), 2)) + 1 if len(nums) else 0
    acro_fields = pikepdf.Array()
    groups: dict[str, object] = {}  # radio groups by name: one field, one widget per option
    for field, wrapper in zip(fields, wrappers, strict=True):
        page = pdf.pages[field.page].obj
        x0, y0, x1, y1 = field.rect
        r, g, b = field.color
        widget = pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Widget, Rect=[x0, y0, x1, y1], P=page,
            F=4, T=pikepdf.String(field.name), TU=pikepdf.String(field.title), StructParent=next_key))
        if field.kind == "keuze":
            # one choice of a group: choosing it clears the others, so 'ja' and 'nee' cannot both be ticked
            group = groups.get(field.name)
            if group is None:
                group = groups[field.name] = pdf.make_indirect(pikepdf.Dictionary(
                    FT=pikepdf.Name.Btn, Ff=(1 << 15) | (1 << 14), T=pikepdf.String(field.name),
                    TU=pikepdf.String(field.title.rsplit(":", 1)[0]), V=pikepdf.Name.Off, Kids=pikepdf.Array()))
                acro_fields.append(group)
            del widget.T
            widget.TU = pikepdf.String(field.title)
            widget.Parent = group
            group.Kids.append(widget)
            widget.AS = pikepdf.Name.Off
            widget.AP = _checkbox_appearance(pdf, x1 - x0, y1 - y0, field.color, state=field.value)
            widget.MK = pikepdf.Dictionary(BC=[r, g, b])
            widget.Border = [0, 0, 0]
        elif field.kind == "vinkje":
            widget.FT = pikepdf.Name.Btn
            widget.V = widget.AS = pikepdf.Name.Off
            widget.AP = _checkbox_appearance(pdf, x1 - x0, y1 - y0, field.color)
            widget.MK = pikepdf.Dictionary(BC=[r, g, b])
            widget.Border = [0, 0, 0]
        else:
            widget.FT = pikepdf.Name.Tx
            widget.DA = pikepdf.String(f"/{FONT_NAME} {field.font_size:g} Tf {r:g} {g:g} {b:g} rg")
            widget.V = pikepdf.String("")
            if field.kind == "tekstvak":
                widget.Ff = 1 << 12  # multiline
        if "/Annots" not in page:
            page.Annots = pikepdf.Array()
        page.Annots.append(widget)
        if field.kind != "keuze":
            acro_fields.append(widget)
        form = pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.StructElem, S=pikepdf.Name.Form, P=wrapper, Pg=page,
            K=[pikepdf.Dictionary(Type=pikepdf.Name.OBJR, Obj=widget, Pg=page)]))
        kids = wrapper.get("/K")
        if kids is None:
            wrapper.K = pikepdf.Array([form])
        elif isinstance(kids, pikepdf.Array):
            kids.append(form)
        else:
            wrapper.K = pikepdf.Array([kids, form])
        wrapper.S = pikepdf.Name.Div
        nums.append(next_key)
        nums.append(form)
        next_key += 1
    tree.ParentTreeNextKey = next_key
    pdf.Root.AcroForm = pikepdf.Dictionary(
        Fields=acro_fields, NeedAppearances=True, DA=pikepdf.String(f"/{FONT_NAME} 0 Tf 0 g"),
        DR=pikepdf.Dictionary(Font=pikepdf.Dictionary({"/" + FONT_NAME: font})))
    buffer = io.BytesIO()
    # fixed /ID and no timestamps: the same input gives the same bytes
    pdf.save(buffer, deterministic_id=True, compress_streams=True,
             object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return buffer.getvalue()
