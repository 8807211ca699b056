"""Fault tests: content is read only from regular files inside the project (symlinks, FIFOs, folders with content
names and oversized files are refused with a Dutch file:line message, before anything is read or hangs); the SVG
logo is checked; the PDF fetcher serves only fonts and the print stylesheet's folder, and no PDF has attachments."""

from __future__ import annotations

import os
import threading

import pytest

from site_build.content.validate import load_content
from site_build.core.problems import ContentError


def problems_of(project) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(project)
    return [str(p) for p in caught.value.problems]


def _finishes(work, seconds: float = 20):
    """Run work in a thread; fail (instead of hanging the test run) when it does not finish in time."""
    result = {}
    thread = threading.Thread(target=lambda: result.setdefault("value", _catch(work)), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "hangt"
    return result["value"]


def _catch(work):
    try:
        return work()
    except ContentError as error:
        return [str(p) for p in error.problems]


def test_a_symlinked_content_file_is_refused(minimal, tmp_path):
    secret = tmp_path / "geheim.yml"
    secret.write_text((minimal / "content/donts/niet-prijzen.yml").read_text(encoding="utf-8"), encoding="utf-8")
    target = minimal / "content/donts/niet-prijzen.yml"
    target.unlink()
    target.symlink_to(secret)
    found = problems_of(minimal)
    assert any(p.startswith("content/donts/niet-prijzen.yml:1:1: dit is een snelkoppeling (symlink)") for p in found), found


def test_a_fifo_with_a_content_name_is_refused_without_hanging(minimal):
    os.mkfifo(minimal / "content/vaardigheden/pijp.yml")
    os.unlink(minimal / "content/editie.yml")
    os.mkfifo(minimal / "content/editie.yml")
    found = _finishes(lambda: load_content(minimal))
    assert "content/vaardigheden/pijp.yml:1:1: dit is een named pipe (FIFO), geen gewoon bestand; zet hier een gewoon " \
           "tekstbestand neer of haal het weg" in found
    assert any(p.startswith("content/editie.yml:1:1: dit is een named pipe (FIFO)") for p in found)


def test_a_folder_with_a_content_name_is_refused(minimal):
    (minimal / "instruments/map.yml").mkdir()
    assert "instruments/map.yml:1:1: dit is een map met de naam van een inhoudsbestand; hernoem of verwijder de map" \
        in problems_of(minimal)


def test_a_symlinked_prose_page_or_folder_is_refused(minimal, tmp_path):
    pages = minimal / "content/paginas"
    pages.mkdir(parents=True)
    (pages / "lek.md").symlink_to("/etc/passwd")
    outside = tmp_path / "buiten"
    outside.mkdir()
    (outside / "pagina.md").write_text("# Buiten\n", encoding="utf-8")
    (pages / "methode").symlink_to(outside)
    found = problems_of(minimal)
    assert any(p.startswith("content/paginas/lek.md:1:1: dit is een snelkoppeling (symlink)") for p in found), found
    assert any(p.startswith("content/paginas/methode:1:1: dit is een snelkoppeling (symlink)") for p in found), found
    assert not any("root:" in p for p in found)  # nothing of the file is shown


def test_the_size_limit_applies_before_reading(minimal):
    huge = minimal / "content/contexten/groot.yml"
    with open(huge, "wb") as handle:
        handle.truncate(8 * 1024 ** 3)  # 8 GB, sparse: reading it would take minutes and all memory
    found = _finishes(lambda: load_content(minimal), seconds=10)
    assert any(p.startswith("content/contexten/groot.yml:1:1: het bestand is te groot (8589934 kB") for p in found)


@pytest.mark.parametrize("svg, what", [
    ('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "script"),
    ('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "gebeurtenis-attribuut"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><image href="../../.git/config"/></svg>', "verwijzing"),
    ('<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg>&x;</svg>', "DOCTYPE"),
])
def test_an_svg_logo_that_could_run_or_fetch_is_refused(minimal, svg, what):
    (minimal / "content/logo.svg").write_text(svg, encoding="utf-8")
    path = minimal / "content/editie.yml"
    path.write_text(path.read_text(encoding="utf-8") + "logo: logo.svg\n", encoding="utf-8")
    found = problems_of(minimal)
    assert len(found) == 1 and found[0].startswith("content/editie.yml:") and what in found[0], found


def test_the_pdf_fetcher_serves_only_fonts_and_never_attaches(real):
    import io

    import pikepdf

    from site_build.printing.engine import PdfEngine, PdfJob, PrintError, font_files

    engine = PdfEngine(real, "@page { size: A4; }")
    font = font_files()["regular"].as_uri()
    git = real / ".git"
    git.mkdir()
    (git / "config").write_text("[core]\n\ttoken = geheim\n", encoding="utf-8")
    # an allowed file asked for as attachment: rendered, but without the attachment
    html = (f'<html lang="nl"><head><title>t</title><link rel="attachment" href="{font}"></head>'
            f'<body><p>tekst <a rel="attachment" href="{font}">bijlage</a></p></body></html>')
    pdf = pikepdf.open(io.BytesIO(engine.render(PdfJob("a.pdf", html, "t")).files["a.pdf"]))
    assert len(pdf.attachments) == 0
    assert not any(a.get("/Subtype") == "/FileAttachment" for page in pdf.pages for a in page.obj.get("/Annots", []))
    # files of the repository or the machine: never attached, and as image or stylesheet the render stops
    for url in ((git / "config").as_uri(), (real / "mkdocs.yml").as_uri(), "file:///etc/passwd", "https://evil.example/x"):
        html = f'<html lang="nl"><head><title>t</title><link rel="attachment" href="{url}"></head><body><p>x</p></body></html>'
        data = engine.render(PdfJob("c.pdf", html, "t")).files["c.pdf"]
        assert b"geheim" not in data and len(pikepdf.open(io.BytesIO(data)).attachments) == 0
        for tag in (f'<img src="{url}" alt="x">', f'<link rel="stylesheet" href="{url}">'):
            with pytest.raises(PrintError):
                engine.render(PdfJob("b.pdf", f'<html lang="nl"><head><title>t</title>{tag}</head><body><p>x</p>'
                                              f'</body></html>', "t"))


def test_a_file_is_written_whole_or_not_at_all(tmp_path, monkeypatch):
    """The one write-and-rename of the project: the old file's second name keeps its bytes, a failed write leaves
    neither half a file nor a temporary one, and an exclusive write never replaces a file made meanwhile."""
    from pathlib import Path

    from site_build.core.files import write_new

    target = tmp_path / "pagina.html"
    write_new(target, b"oud")
    os.link(target, tmp_path / "tweede-naam.html")
    write_new(target, b"nieuw")
    assert (target.read_bytes(), (tmp_path / "tweede-naam.html").read_bytes()) == (b"nieuw", b"oud")

    with pytest.raises(FileExistsError):
        write_new(target, b"anders", exclusive=True)
    assert target.read_bytes() == b"nieuw"

    def full_disk(self, data):
        self.open("wb").write(data[:2])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full_disk)
    with pytest.raises(OSError):
        write_new(target, b"nog nieuwer")
    monkeypatch.undo()
    assert target.read_bytes() == b"nieuw"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pagina.html", "tweede-naam.html"]
