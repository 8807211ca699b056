"""System packages: the one Debian list covers what WeasyPrint loads; set-up installs or names what is missing;
p2g stops in Dutch before rendering. Libraries are hidden in a private mount namespace, as on a fresh machine."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO
from site_build import system

needs_root_namespace = pytest.mark.skipif(
    os.geteuid() != 0 or not shutil.which("unshare"),
    reason="hiding a library needs root and unshare (a private mount namespace)")


def _weasyprint_sonames() -> list[str]:
    """Every Linux shared library WeasyPrint's loader asks for, read from its own source (not a list of ours)."""
    import weasyprint.text.ffi as ffi

    source = Path(ffi.__file__).read_text(encoding="utf-8")
    calls = re.findall(r"= _dlopen\(\s*ffi,(.*?)\)", source, flags=re.S)
    assert len(calls) >= 6, "WeasyPrint's loader changed shape; read weasyprint/text/ffi.py again"
    names = []
    for call in calls:
        optional = "allow_fail=True" in call
        sonames = [n for n in re.findall(r"'([^']+)'", call) if re.fullmatch(r"lib[\w.+-]+\.so\.\d+", n)]
        assert sonames, call
        names.append((sonames[0], optional))
    return names


def test_list_covers_every_library_weasyprint_loads():
    listed = {r.provides for r in system.requirements("site")}
    required = [name for name, optional in _weasyprint_sonames() if not optional]
    assert required and set(required) <= listed, f"missing from debian-pakketten.txt: {set(required) - listed}"
    # HarfBuzz-Subset is optional for WeasyPrint, but without it every PDF warns (and warnings fail the build).
    assert "libharfbuzz-subset.so.0" in listed


def test_every_listed_site_library_is_present_here():
    # On this machine set-up has run, so the check itself must pass: a check that always fails would block schools.
    assert [r.package for r in system.requirements("site") if not r.present()] == []
    assert {r.purpose for r in system.requirements("test")} == {"site", "test"}


def _hidden(soname: str) -> str:
    """A shell prefix that hides one installed library by mounting an empty file over it."""
    cache = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    path = next(line.split("=> ")[1] for line in cache.splitlines() if line.strip().startswith(soname + " "))
    return f"mount --bind /dev/null {path} && "


@needs_root_namespace
def test_build_stops_in_dutch_when_a_library_is_missing(minimal):
    site = minimal / "site"
    site.mkdir()
    (site / "index.html").write_text("vorige site", encoding="utf-8")
    p2g = f"{sys.executable} -m site_build.cli --map {minimal} build"
    run = subprocess.run(["unshare", "-m", "sh", "-c", _hidden("libharfbuzz-subset.so.0") + p2g],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    assert "libharfbuzz-subset0" in run.stderr and "sudo apt-get install libharfbuzz-subset0" in run.stderr
    assert "Traceback" not in run.stderr + run.stdout and "HarfBuzz-Subset" not in run.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "vorige site"


def _fake_apt(tmp_path: Path) -> Path:
    """A stand-in apt-get that records its arguments, so the test sees what set-up would install."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "apt.log"
    fake = bin_dir / "apt-get"
    fake.write_text(f"#!/bin/sh\necho \"$@\" >> {log}\n", encoding="utf-8")
    fake.chmod(0o755)
    return bin_dir


@needs_root_namespace
def test_setup_installs_a_missing_library_as_root(tmp_path):
    bin_dir = _fake_apt(tmp_path)
    script = f"{_hidden('libharfbuzz-subset.so.0')} PATH={bin_dir}:$PATH bash {REPO}/tools/systeem.sh site"
    run = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, timeout=60)
    # The stand-in installs nothing and the library stays hidden: set-up notices at once instead of a later build.
    assert run.returncode == 1
    assert "laden deze pakketten nog steeds niet: libharfbuzz-subset0" in run.stderr
    calls = (tmp_path / "apt.log").read_text(encoding="utf-8").splitlines()
    assert calls[0].split() == ["update", "-qq"]
    assert calls[1].split()[-1] == "libharfbuzz-subset0" and "install" in calls[1].split()


@needs_root_namespace
def test_setup_names_the_exact_install_line_without_root(tmp_path):
    bin_dir = _fake_apt(tmp_path)
    script = (f"{_hidden('libharfbuzz-subset.so.0')} PATH={bin_dir}:$PATH "
              f"setpriv --reuid=65534 --regid=65534 --clear-groups bash {REPO}/tools/systeem.sh site")
    run = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, timeout=60)
    assert run.returncode == 1
    assert "Installeer ze met:  sudo apt-get install libharfbuzz-subset0\n" in run.stderr
    assert not (tmp_path / "apt.log").exists()


def test_setup_does_nothing_when_everything_is_here(tmp_path):
    bin_dir = _fake_apt(tmp_path)
    run = subprocess.run(["bash", str(REPO / "tools" / "systeem.sh"), "test"], capture_output=True, text=True,
                         env={**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}"}, timeout=60)
    assert run.returncode == 0 and run.stdout == "" and not (tmp_path / "apt.log").exists()
