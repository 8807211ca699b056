"""Every command fails in Dutch with exit code 1 or 2 and no traceback: arguments (dates, ports, output folders,
holiday files, the project folder), a busy port, `p2g new` that never leaves a broken entry, annotations for
GitHub that escape file names, a calendar file without control characters."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

from conftest import REPO


def p2g(*args: str, cwd=REPO) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "site_build.cli", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=120)


@pytest.mark.parametrize("args, code, expected", [
    (["plan", "--start", "2027-02-30"], 1, "--start moet een bestaande datum zijn"),
    (["plan", "--start", "1900-09-06"], 1, "--start moet een datum tussen 2000 en 2100 zijn"),
    (["serve", "--port", "80"], 2, "--port moet tussen 1024 en 65535 liggen"),
    (["serve", "--port", "acht"], 2, "--port moet een getal zijn"),
    (["bouw"], 2, "ongeldige keuze: 'bouw'"),
    (["new"], 2, "deze waarden ontbreken: soort, naam"),
])
def test_argument_mistakes_are_dutch(minimal, args, code, expected):
    run = p2g("--map", str(minimal), *args)
    assert run.returncode == code and expected in run.stderr, run.stderr
    assert "Traceback" not in run.stderr and "error:" not in run.stderr


def test_output_folder_holiday_file_and_project_are_checked(minimal, tmp_path):
    (tmp_path / "bestand").write_text("x", encoding="utf-8")
    run = p2g("--map", str(minimal), "plan", "--start", "2027-09-06", "--uit", str(tmp_path / "bestand"))
    assert run.returncode == 1 and "bestaat al en is geen map" in run.stderr
    run = p2g("--map", str(minimal), "pdf", "--uit", str(minimal / "content" / "pdf"))
    assert run.returncode == 1 and "ligt in content/, dat de build leest" in run.stderr
    holidays = tmp_path / "vakanties.yml"
    holidays.write_text("vakanties:\n  - naam: Krokus\n    van: 2027-02-30\n    tot: 2027-03-05\n", encoding="utf-8")
    run = p2g("--map", str(minimal), "plan", "--start", "2027-09-06", "--vakanties", str(holidays),
              "--uit", str(tmp_path / "uit"))
    assert run.returncode == 1 and "vakanties.yml:3:10: 'van' (2027-02-30) is geen bestaande datum" in run.stderr
    run = p2g("--map", str(tmp_path), "new", "vaardigheid", "samen-lachen")
    assert run.returncode == 1 and "is geen projectmap" in run.stderr
    assert not (tmp_path / "content").exists()  # nothing misplaced
    assert "Traceback" not in run.stderr


def test_a_busy_port_is_named(minimal):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        run = p2g("--map", str(minimal), "serve", "--port", str(port))
    assert run.returncode == 1 and f"poort {port} is al in gebruik" in run.stderr and "Traceback" not in run.stderr


def test_p2g_new_never_leaves_a_broken_entry(minimal):
    before = sorted(p.name for p in (minimal / "content/vaardigheden").iterdir())
    # content that is already invalid: nothing is written
    broken = minimal / "content/donts/niet-prijzen.yml"
    good = broken.read_text(encoding="utf-8")
    broken.write_text(good + "onbekend_veld: x\n", encoding="utf-8")
    run = p2g("--map", str(minimal), "new", "vaardigheid", "samen-lachen")
    assert run.returncode == 1 and "nu al niet geldig" in run.stderr
    assert sorted(p.name for p in (minimal / "content/vaardigheden").iterdir()) == before
    broken.write_text(good, encoding="utf-8")
    run = p2g("--map", str(minimal), "new", "vaardigheid", "samen-lachen")
    assert run.returncode == 0, run.stderr
    assert not [p for p in (minimal / "content/vaardigheden").iterdir() if p.name.endswith(".tmp")]


def test_github_annotations_escape_file_names_and_messages(capsys):
    from site_build.cli import _report
    from site_build.core.problems import ContentError, Problem

    _report(ContentError([Problem("content/a,b:c%.yml", 3, 1, "fout\nregel twee 100%")]), github=True)
    out = capsys.readouterr().out
    assert out.strip() == "::error file=content/a%2Cb%3Ac%25.yml,line=3,col=1::fout%0Aregel twee 100%25"


def test_the_calendar_escapes_every_control_character():
    from site_build.authoring.plan import _escape

    value = _escape("Bijeenkomst\r\nEND:VEVENT\rBEGIN:VEVENT\x0b\x00\x1b;x,y\\\u2028z")
    assert not any(ord(c) < 32 or ord(c) == 127 for c in value)
    assert value == "Bijeenkomst\\nEND:VEVENT\\nBEGIN:VEVENT\\;x\\,y\\\\\\nz"
