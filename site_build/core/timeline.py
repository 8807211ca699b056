"""Timeline of a build for whoever wants to see where the time goes: with P2G_TIJDLIJN=1 every process
(the build, the PDF workers) prints what it does and when, in seconds since the build started, and the CPU seconds
the process has used so far (bench/bench.py adds them up per part of the build)."""

from __future__ import annotations

import os
import sys
import time

_ON = os.environ.get("P2G_TIJDLIJN") == "1"
_START = time.time()


def mark(what: str) -> None:
    if _ON:
        print(f"{time.time() - _START:6.2f}s {time.process_time():6.2f}cpu  [{os.getpid()}] {what}", file=sys.stderr, flush=True)
