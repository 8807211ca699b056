"""`p2g serve`: the live preview rebuilds when a YAML file changes (MkDocs does not watch data by itself)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import REPO


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


@pytest.mark.build
def test_serve_reloads_on_yaml_edit(minimal):
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "site_build.cli", "--map", str(minimal), "serve", "--port", str(port)],
                              cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}/vaardigheden/spiegelen.html"
        assert wait_for(url, "Doe na wat het kind doet."), "serve started no site"
        path = minimal / "content/vaardigheden/spiegelen.yml"
        path.write_text(path.read_text(encoding="utf-8").replace("Doe na wat het kind doet.", "Doe na wat het kind nu doet."),
                        encoding="utf-8")
        assert wait_for(url, "Doe na wat het kind nu doet."), "the edit did not reach the preview"
    finally:
        server.terminate()
        server.wait(timeout=20)
