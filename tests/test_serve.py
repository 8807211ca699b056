"""`p2g serve` (site/preview.py): a YAML edit reaches the preview with one build, and a PDF link serves a complete
PDF (the previous one while the new one is made) during and after an edit."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import REPO

BUILT = "Voorbeeld gebouwd"
PDFS_DONE = "PDF's klaar"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url: str, text: str, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = fetch(url)
        if page is not None and text in page:
            return True
        time.sleep(0.5)
    return False


@contextmanager
def serving(project: Path, log: Path):
    """A running `p2g serve` of ``project`` logging into ``log``; yields its address."""
    port = free_port()
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen([sys.executable, "-m", "site_build.cli", "--map", str(project), "serve", "--port",
                                   str(port)], cwd=REPO, stdout=out, stderr=subprocess.STDOUT)
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            server.terminate()
            server.wait(timeout=20)


def count(log: Path, line: str) -> int:
    return log.read_text(encoding="utf-8").count(line)


def wait_count(log: Path, line: str, n: int, seconds: float = 120) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if count(log, line) >= n:
            return True
        time.sleep(0.2)
    return False


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.mark.build
def test_serve_reloads_on_yaml_edit_with_one_build(minimal, tmp_path):
    log = tmp_path / "serve.log"
    with serving(minimal, log) as base:
        url = f"{base}/vaardigheden/spiegelen.html"
        assert wait_for(url, "Doe na wat het kind doet."), "serve started no site"
        assert wait_count(log, PDFS_DONE, 1), "the first PDFs were never made"
        assert count(log, BUILT) == 1
        edit(minimal / "content/vaardigheden/spiegelen.yml", "Doe na wat het kind doet.", "Doe na wat het kind nu doet.")
        assert wait_for(url, "Doe na wat het kind nu doet."), "the edit did not reach the preview"
        # the PDFs of the edit are published into build/, which is not watched: no second build follows
        assert wait_count(log, PDFS_DONE, 2), "the edit's PDFs were never made"
        time.sleep(2)  # four times the watcher's polling interval
        assert count(log, BUILT) == 2, log.read_text(encoding="utf-8")[-3000:]
        assert count(log, "pagina's opnieuw") == 1  # the edit's build was incremental: only its pages again


def read_pdf(url: str) -> bytes | None:
    """The PDF at ``url``; None while the preview says it is being made (503)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.headers["Content-Type"] == "application/pdf"
            return response.read()
    except urllib.error.HTTPError as error:
        assert error.code == 503 and "wordt nog gemaakt" in error.read().decode("utf-8")
        return None


def complete(data: bytes) -> bool:
    return data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")


@pytest.mark.build
def test_pdf_link_serves_a_complete_pdf_during_and_after_an_edit(minimal, tmp_path):
    log = tmp_path / "serve.log"
    with serving(minimal, log) as base:
        assert wait_for(f"{base}/index.html", "<html"), "serve started no site"
        url = f"{base}/downloads/interview-start.pdf"
        assert wait_count(log, PDFS_DONE, 1), "the first PDFs were never made"
        before = read_pdf(url)
        assert before is not None and complete(before)
        seen: list[bytes | None] = []
        stop = threading.Event()

        def keep_reading() -> None:
            while not stop.is_set():
                seen.append(read_pdf(url))

        reader = threading.Thread(target=keep_reading)
        reader.start()
        try:
            edit(minimal / "instruments/interview-start.yml", "Je interviewt een collega.",
                 "Je interviewt een collega die je goed kent.")
            assert wait_count(log, PDFS_DONE, 2), "the edit's PDFs were never made"
            time.sleep(0.5)
        finally:
            stop.set()
            reader.join()
        assert seen and all(data is not None and complete(data) for data in seen)  # never half, never missing
        after = read_pdf(url)
        assert after is not None and complete(after) and after != before  # the new PDF, published
        assert seen[0] == before


@pytest.mark.build
def test_pdf_link_before_any_pdf_says_it_is_being_made(minimal, tmp_path):
    from site_build.site.preview import Preview

    preview = Preview(minimal)
    try:
        answer: list[str] = []
        body = b"".join(preview.pdf_response("interview-start.pdf", lambda status, headers: answer.append(status)))
        assert answer == ["503 Service Unavailable"] and "wordt nog gemaakt" in body.decode("utf-8")
    finally:
        preview.close()


@pytest.mark.build
def test_a_second_preview_of_the_same_project_is_refused(minimal, tmp_path):
    with serving(minimal, tmp_path / "serve.log") as base:
        assert wait_for(f"{base}/index.html", "<html"), "serve started no site"
        second = subprocess.run([sys.executable, "-m", "site_build.cli", "--map", str(minimal), "serve", "--port",
                                 str(free_port())], cwd=REPO, capture_output=True, text=True, timeout=60)
        assert second.returncode == 1 and "er draait al een voorbeeld" in second.stderr
