"""ReportLab's writer made cheaper where it encodes every token it formats: plain ASCII
encoded by the C codec, and names escaped once per process; the same bytes as before."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from reportlab.pdfbase import pdfdoc

from exampdf import memo

# The ASCII characters PDFDocEncoding does not map to themselves (ReportLab's codec
# rejects them): a string holding one goes through ReportLab's own encoder.
_NOT_ASCII_IN_PDFDOC = re.compile("[\x18-\x1f]")
_NAMES_MAX = 4096  # names escaped per process (keys, fonts, forms: a few hundred a run)


def fast_enc(original: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def pdfdoc_enc(x: Any) -> Any:
        """pdfdoc.pdfdocEnc: every object number, reference and number of a PDF goes
        through it, and ReportLab's codec is Python code (a sixth of saving an exam)."""
        if type(x) is str and x.isascii() and _NOT_ASCII_IN_PDFDOC.search(x) is None:
            return x.encode("ascii")
        return original(x)

    return pdfdoc_enc


def cached_name(original: Callable[[str], str]) -> Callable[[str], str]:
    @memo.cached(_NAMES_MAX)
    def pdf_name(data: str) -> str:
        """pdfdoc.PDFName: escapes a name character by character, for every key of every
        dictionary written."""
        return original(data)

    return pdf_name


_INSTALLED: list[bool] = []  # process-wide, like the functions it replaces
ORIGINAL = (pdfdoc.pdfdocEnc, pdfdoc.PDFName)  # ReportLab's own (tests compare)


def fast_encoding() -> None:
    """Install both in ReportLab's writer (pdfdoc looks them up as module globals); once."""
    if _INSTALLED:
        return
    _INSTALLED.append(True)
    pdfdoc.pdfdocEnc = fast_enc(ORIGINAL[0])
    pdfdoc.PDFName = cached_name(ORIGINAL[1])
