"""Problems: the one shape every stage uses to report what is wrong with the content, in Dutch."""

from __future__ import annotations

import difflib
import errno
import logging
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterable, Iterator


@dataclass(frozen=True, order=True)
class Problem:
    """One thing a trainer must fix, with where it stands."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


class ContentError(Exception):
    """Raised when content is invalid; carries every problem found in the run."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(f"{len(self.problems)} probleem/problemen in de inhoud")


def did_you_mean(value: object, options: Iterable[str]) -> str:
    """A Dutch 'bedoel je …?' suffix for the closest option, or an empty string."""
    if not isinstance(value, str):
        return ""
    options = list(options)
    lowered = {o.lower(): o for o in options}
    match = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.6)
    if not match:
        # 'spiegel' should still find 'spiegelen': a prefix is a strong hint too.
        starts = [o for o in options if o.lower().startswith(value.lower()) and len(value) >= 4]
        if len(starts) == 1:
            return f"; bedoel je '{starts[0]}'?"
        return ""
    return f"; bedoel je '{lowered[match[0]]}'?"


def one_of(options: Iterable[str], limit: int = 12) -> str:
    options = sorted(options)
    shown = ", ".join(f"'{o}'" for o in options[:limit])
    if len(options) > limit:
        shown += f" (en {len(options) - limit} meer)"
    return shown


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def warnings_of(logger_name: str) -> Iterator[list[str]]:
    """Collect the warnings a library only logs (MkDocs, WeasyPrint), so the caller can fail on them."""
    handler = _Collect()
    logger = logging.getLogger(logger_name)
    logger.addHandler(handler)
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)


class UserError(Exception):
    """A mistake on the command line or in the surroundings (a busy build, a busy port, a full disk): one Dutch
    message saying what to do; the command ends with exit code 1."""


def os_error(error: OSError) -> str:
    """A Dutch sentence for an error of the machine: never a traceback, never a file's content."""
    where = f" ({error.filename})" if getattr(error, "filename", None) else ""
    if error.errno == errno.ENOSPC:
        return f"de schijf is vol{where}; maak ruimte vrij en probeer het opnieuw. Er is niets overschreven"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"geen toestemming om hier te schrijven of te lezen{where}; kies een andere map of pas de rechten aan"
    if error.errno == errno.ENOENT:
        return f"een bestand of map bestaat niet{where}"
    return f"fout van het systeem: {error.strerror or error}{where}"


class PrintError(Exception):
    """A PDF could not be made (a WeasyPrint warning or a refused resource)."""
