"""Merging rendered PDFs into one (the meeting packs, the complete map), with a bookmark per part and the
parts' structure trees joined, so the result is tagged (PDF/UA) like its parts. Needs pikepdf only, so the
pool's workers can do it as well."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Part:
    """A rendered PDF that goes into a merged one, with its bookmark (by default the PDF's own title)."""

    data: bytes
    title: str | None = None


def merge(parts: list[Part], title: str, subject: str, lang: str, stamp: list[bytes] | None = None) -> bytes:
    """Concatenate rendered PDFs into one, with title, subject, language (``lang``: the edition's, as its
    print HTML gives its parts) and a bookmark per part, and with
    their structure trees joined under one /Document element, so the result is tagged (PDF/UA) like its parts.

    pikepdf (qpdf) copies pages without re-parsing their content: several times faster than pure Python.
    """
    import io

    import pikepdf

    out = pikepdf.new()
    tree = out.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
    document = out.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.Document,
                                                    P=tree, K=pikepdf.Array()))
    nums = pikepdf.Array()
    next_key = 0
    with out.open_outline() as outline:
        for part in parts:
            src = pikepdf.open(io.BytesIO(part.data))
            start = len(out.pages)
            out.pages.extend(src.pages)
            part_title = part.title or str(src.docinfo.get("/Title", "")) or None
            if part_title:
                outline.root.append(pikepdf.OutlineItem(part_title, start))
            if "/StructTreeRoot" in src.Root:
                next_key = _join_structure(out, src, start, document, nums, next_key)
    if stamp is not None:  # running page numbers over the parts' own (the complete map: see printing/stamp.py)
        from site_build.printing.stamp import lay_over

        lay_over(out, stamp)
    tree.K = pikepdf.Array([document])
    tree.ParentTree = out.make_indirect(pikepdf.Dictionary(Nums=nums))
    tree.ParentTreeNextKey = next_key
    out.Root.StructTreeRoot = tree
    out.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
    out.docinfo["/Title"] = title
    out.docinfo["/Subject"] = subject
    out.docinfo["/Producer"] = "Playing-2-gether site (pikepdf)"
    out.Root.Metadata = out.make_stream(_xmp(title, subject, lang), Type=pikepdf.Name.Metadata,
                                        Subtype=pikepdf.Name.XML)
    out.Root.Lang = pikepdf.String(lang)
    out.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
    buffer = io.BytesIO()
    # fixed /ID and no timestamps: the same parts give the same bytes
    out.save(buffer, deterministic_id=True, compress_streams=True,
             object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return buffer.getvalue()


def _join_structure(out, src, first_page: int, document, nums, next_key: int) -> int:
    """Copy a part's structure tree into ``out``: its elements go under ``document``; its parent-tree keys
    (on its pages and annotations) move up by ``next_key``. Returns the next free key."""
    import pikepdf

    root = out.copy_foreign(src.Root.StructTreeRoot)  # the part's pages were copied already: /Pg finds them
    for page in out.pages[first_page:]:
        if "/StructParents" in page.obj:
            page.obj.StructParents = int(page.obj.StructParents) + next_key
        for annotation in page.obj.get("/Annots", []):
            if "/StructParent" in annotation:
                annotation.StructParent = int(annotation.StructParent) + next_key
    part_nums = root.ParentTree.Nums
    highest = next_key - 1
    for i in range(0, len(part_nums), 2):
        key = int(part_nums[i]) + next_key
        nums.append(key)
        nums.append(part_nums[i + 1])
        highest = max(highest, key)
    kids = root.K if isinstance(root.K, pikepdf.Array) else [root.K]
    for kid in kids:
        for element in (kid.K if kid.get("/S") == "/Document" else [kid]):
            if isinstance(element, pikepdf.Dictionary):
                element.P = document
            document.K.append(element)
    return highest + 1


def _xmp(title: str, subject: str, lang: str) -> bytes:
    """The XMP metadata PDF/UA asks for: the title, the language, and the claim to follow PDF/UA-1."""
    from xml.sax.saxutils import escape

    return ('<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>\n<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">'
            '<rdf:Description rdf:about="" pdfuaid:part="1" pdf:Producer="Playing-2-gether site (pikepdf)">'
            f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(title)}</rdf:li></rdf:Alt></dc:title>'
            f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{escape(subject)}</rdf:li></rdf:Alt></dc:description>'
            f'<dc:language><rdf:Bag><rdf:li>{escape(lang)}</rdf:li></rdf:Bag></dc:language>'
            '</rdf:Description></rdf:RDF>\n</x:xmpmeta>\n<?xpacket end="r"?>').encode("utf-8")
