"""PDF metadata as documented: the title, the author and subject when given, `exampdf` as
creator and producer, and no dates — whatever the environment says (SOURCE_DATE_EPOCH)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFInfo, PDFString

NAME = "exampdf"


class ExamInfo(PDFInfo):  # type: ignore[misc]
    """ReportLab's Info dictionary without its defaults (`anonymous`, `unspecified`,
    `untitled`, a ReportLab producer) and without CreationDate/ModDate: an exam printed
    from the same bank is the same file whenever and wherever it is made."""

    producer = NAME
    creator = NAME
    title = ""
    author = ""
    subject = ""
    keywords = ""

    def format(self, document: Any) -> bytes:
        entries = {"Title": PDFString(self.title)}
        if self.author:
            entries["Author"] = PDFString(self.author)
        if self.subject:
            entries["Subject"] = PDFString(self.subject)
        entries["Creator"] = PDFString(NAME)
        entries["Producer"] = PDFString(NAME)
        formatted: bytes = PDFDictionary(entries).format(document)
        return formatted


@contextmanager
def fixed_clock() -> Iterator[None]:
    """ReportLab seeds a document's /ID from SOURCE_DATE_EPOCH when it is set (CI, Nix,
    Debian builds): hidden while a document is made, so output never depends on it."""
    saved = os.environ.pop("SOURCE_DATE_EPOCH", None)
    try:
        yield
    finally:
        if saved is not None:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def own_metadata(doc: Any) -> None:
    """Replace a fresh PDFDocument's Info dictionary with ours (before any title is set)."""
    info = ExamInfo()
    info.invariant = getattr(doc.info, "invariant", 1)
    doc.info = info
