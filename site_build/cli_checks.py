"""Command-line checks, all in Dutch: argparse's own messages, dates, ports (in range and free), output folders,
the project folder, and the errors of the surroundings (a full disk, no permission) as one plain sentence."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from site_build.core.problems import (
    UserError,
    os_error,  # noqa: F401 (re-exported: the CLI's errors of the machine)
)

# argparse builds its messages with gettext; these are the ones a user meets
_NL = {
    "usage: ": "gebruik: ",
    "the following arguments are required: %s": "deze waarden ontbreken: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "expected one argument": "hier hoort één waarde bij",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "show this help message and exit": "toon deze uitleg en stop",
    "positional arguments": "argumenten",
    "options": "opties",
}


def dutch_argparse() -> None:
    """Let argparse speak Dutch (its messages go through gettext, looked up when they are shown)."""
    argparse._ = lambda message: _NL.get(message, message)  # type: ignore[attr-defined]


def port(text: str) -> int:
    """An argparse type: a TCP port a user may open (1024-65535)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--port moet een getal zijn, zoals 8000; kreeg '{text}'") from None
    if not 1024 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"--port moet tussen 1024 en 65535 liggen, zoals 8000; kreeg {value}")
    return value


def port_free(value: int) -> None:
    """UserError when something on this machine already listens on the port."""
    import socket

    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", value))
        except OSError:
            raise UserError(f"poort {value} is al in gebruik (draait 'p2g serve' al in een ander venster?); stop dat "
                            f"programma of kies een andere poort, bijvoorbeeld: p2g serve --port {value + 1}") from None


def start_date(text: str) -> date:
    try:
        value = date.fromisoformat(text)
    except ValueError:
        raise UserError(f"--start moet een bestaande datum zijn als 2027-09-06 (jaar-maand-dag); kreeg '{text}'") from None
    if not 2000 <= value.year <= 2100:
        raise UserError(f"--start moet een datum tussen 2000 en 2100 zijn; kreeg '{text}'")
    return value


def output_folder(text: str, root: Path) -> Path:
    """A folder to write into: it may exist (as a folder) but is never a file, nor a folder the build reads."""
    out = Path(text).resolve()
    if out.exists() and not out.is_dir():
        raise UserError(f"'{text}' bestaat al en is geen map; kies met --uit een map (er is niets overschreven)")
    for folder in ("content", "instruments", "macros", "theme", "site_build", ".git"):
        inner = (root / folder).resolve()
        if out == inner or inner in out.parents:
            raise UserError(f"'{text}' ligt in {folder}/, dat de build leest; kies met --uit een andere map")
    return out


def project(root: Path) -> Path:
    """The project folder must be one (else `p2g new` would write a misplaced entry)."""
    if not (root / "content" / "editie.yml").is_file():
        raise UserError(f"'{root}' is geen projectmap van Playing-2-gether (er staat geen content/editie.yml); "
                        f"ga naar de map van het project of geef die op met --map")
    return root
