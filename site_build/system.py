"""System packages: which Debian packages the build needs (read from debian-pakketten.txt) and whether they are here."""

from __future__ import annotations

import ctypes
import os
from dataclasses import dataclass
from pathlib import Path

from site_build.core.problems import UserError

PACKAGE_LIST = Path(__file__).with_name("debian-pakketten.txt")


@dataclass(frozen=True)
class Requirement:
    purpose: str    # "site" or "test"
    package: str    # Debian package name
    provides: str   # a shared library's soname, or the absolute path of a command

    def present(self) -> bool:
        if self.provides.startswith("/"):
            return os.access(self.provides, os.X_OK)
        try:
            # The same lookup WeasyPrint does (dlopen), so a library that is listed but cannot load counts as missing.
            ctypes.CDLL(self.provides)
        except OSError:
            return False
        return True


def requirements(purpose: str = "site") -> list[Requirement]:
    """The packages needed for `purpose`: "site" for building, "test" for building and testing."""
    wanted = {"site"} if purpose == "site" else {"site", "test"}
    found = []
    for line in PACKAGE_LIST.read_text(encoding="utf-8").splitlines():
        fields = line.split("#", 1)[0].split()
        if fields and fields[0] in wanted:
            found.append(Requirement(*fields))
    return found


class MissingPackages(UserError):
    """Raised before any rendering starts when a library WeasyPrint needs is not installed."""

    def __init__(self, missing: list[Requirement]):
        self.missing = missing
        names = " ".join(r.package for r in missing)
        lines = [f"- {r.provides} ontbreekt (Debian-pakket {r.package})" for r in missing]
        super().__init__(
            "Voor het maken van de PDF's mist deze computer een systeembibliotheek:\n" + "\n".join(lines) +
            f"\nInstalleer met: sudo apt-get install {names}\n"
            "of voer 'make site' uit als beheerder (root); dat installeert wat ontbreekt.")


def missing(purpose: str = "site") -> list[Requirement]:
    """What is not here; tools/systeem.sh asks this too (with the system's python3), so both check alike."""
    return [r for r in requirements(purpose) if not r.present()]


def check(purpose: str = "site") -> None:
    if absent := missing(purpose):
        raise MissingPackages(absent)
