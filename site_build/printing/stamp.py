"""Page stamps: lays the pages of a thin PDF (page numbers only) over the pages of a merged one, for the
complete map's running page numbers. What is laid over is marked as an artifact (PDF/UA: page numbers are
not content), so the merged PDF's structure tree stays that of its parts."""

from __future__ import annotations

import io

NAME = "/P2GPaginanummer"


def lay_over(out, stamps: list[bytes]) -> None:
    """Lay page i of the stamps (PDFs, one after the other) over page i of ``out`` (a pikepdf Pdf); together they
    have as many pages."""
    import pikepdf

    sources = [pikepdf.open(io.BytesIO(stamp)) for stamp in stamps]
    numbers = [(src, page) for src in sources for page in src.pages]
    if len(numbers) != len(out.pages):
        raise ValueError(f"{len(numbers)} pagina's met nummers voor {len(out.pages)} pagina's")
    for page, (src, number) in zip(out.pages, numbers, strict=True):
        _as_artifact(src, number)
        form = out.copy_foreign(number.as_form_xobject())
        # by hand rather than Page.add_overlay, whose resource names are random: the same input must give
        # the same bytes. Resources may be shared between pages: each page gets its own copy.
        resources = pikepdf.Dictionary(page.obj.get("/Resources", pikepdf.Dictionary()))
        xobjects = pikepdf.Dictionary(resources.get("/XObject", pikepdf.Dictionary()))
        xobjects[NAME] = form
        resources.XObject = xobjects
        page.obj.Resources = resources
        page.contents_add(out.make_stream(b"q\n"), prepend=True)
        page.contents_add(out.make_stream(f"\nQ q {NAME} Do Q\n".encode()), prepend=False)


def _as_artifact(pdf, page) -> None:
    """Rewrite the page's marked content (tagged for its own structure tree) as artifacts."""
    import pikepdf

    commands = []
    for operands, operator in pikepdf.parse_content_stream(page):
        if str(operator) == "BDC":
            commands.append(([pikepdf.Name.Artifact], pikepdf.Operator("BMC")))
        else:
            commands.append((operands, operator))
    page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(commands))
    if "/StructParents" in page.obj:
        del page.obj["/StructParents"]
