"""Two costs of writing a PDF with WeasyPrint that buy nothing for our forms, taken out once per process
(`apply`, from engine.load_weasyprint). The pinned WeasyPrint and pydyf versions and the print tests (fonts embedded
and subset glyph for glyph, PDF/UA tags, text, fields, page counts) guard that both keep working.

Measured (issue 13): the twelve forms at today's content, layout then write_pdf in a fresh process, interleaved runs
on 2 shared cores: write_pdf 0.94 -> 0.78 CPU-s (layout 1.58 -> 1.51, untouched), 833 -> 843 kB in all.

- pydyf compresses every stream at zlib level 9. Our streams (page contents, font subsets, tags) come out 1 % larger
  at zlib's default level 6, which writes them in a fifth less time.
- WeasyPrint's font subsetting asks cffi for an array type of the exact length (`hb_codepoint_t[N]`); cffi parses
  each new type with pycparser, some 12 ms for every length not seen before in the process, so nearly every font of
  every PDF. An open array of the same values (`hb_codepoint_t[]`) is parsed once.
"""

from __future__ import annotations

import zlib
from typing import Any

LEVEL = 6  # zlib's own default


class _Zlib:
    """zlib as pydyf sees it: the same functions, at LEVEL."""

    error = zlib.error

    @staticmethod
    def compress(data: bytes, level: int = LEVEL) -> bytes:
        return zlib.compress(data, LEVEL)

    @staticmethod
    def compressobj(level: int = LEVEL, *args: Any, **kwargs: Any) -> Any:
        return zlib.compressobj(LEVEL, *args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)


class _SubsetFFI:
    """cffi's FFI as WeasyPrint's font subsetting sees it: an exact-length codepoint array becomes an open one."""

    def __init__(self, ffi: Any):
        self._ffi = ffi

    def new(self, cdecl: str, init: Any = None) -> Any:
        if cdecl.startswith("hb_codepoint_t[") and init is not None:
            cdecl = "hb_codepoint_t[]"
        return self._ffi.new(cdecl, init)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._ffi, name)


def apply() -> None:
    """Once per process, after WeasyPrint is imported."""
    import pydyf
    from weasyprint.pdf import fonts

    if not isinstance(pydyf.zlib, _Zlib):
        pydyf.zlib = _Zlib()
    if not isinstance(fonts.ffi, _SubsetFFI):
        fonts.ffi = _SubsetFFI(fonts.ffi)
