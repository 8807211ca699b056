"""Fault test: broken content during `p2g serve` gives a Dutch error page in the browser (every problem as
file:line, content shown as text), the server stays responsive, its log has no traceback, and the page turns
back into the site once the content is fixed."""

from __future__ import annotations

import html
import subprocess
import sys

import pytest

from conftest import REPO
from test_serve import fetch, free_port, wait_for

pytestmark = pytest.mark.build


def test_broken_content_shows_a_dutch_error_page_and_recovers(minimal):
    port = free_port()
    path = minimal / "content/vaardigheden/spiegelen.yml"
    good = path.read_text(encoding="utf-8")
    server = subprocess.Popen([sys.executable, "-m", "site_build.cli", "--map", str(minimal), "serve", "--port",
                               str(port)], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    log = ""
    try:
        url = f"http://127.0.0.1:{port}/vaardigheden/spiegelen.html"
        assert wait_for(url, "Doe na wat het kind doet."), "serve started no site"
        path.write_text(good.replace("volgorde: 1", "volgorde: <script>alert(1)</script>"), encoding="utf-8")
        assert wait_for(url, "De inhoud bevat fouten"), "no error page"
        page = fetch(url)
        shown = html.unescape(page)
        assert "content/vaardigheden/spiegelen.yml:3:11: 'volgorde' moet een heel getal zijn" in shown
        assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page
        assert fetch(f"http://127.0.0.1:{port}/index.html") is not None  # still answering, on every page
        path.write_text(good, encoding="utf-8")
        assert wait_for(url, "Doe na wat het kind doet."), "the site did not come back"
    finally:
        server.terminate()
        log = server.communicate(timeout=20)[0]
    assert "Traceback" not in log, log[-2000:]
    assert "content/vaardigheden/spiegelen.yml:" in log
