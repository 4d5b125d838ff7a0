"""What every exam slice writes again for the same forms and fonts, formatted faster, the same
bytes: the pages' shared XObject dictionary (one entry per form: W2 ~600 a slice) and a font
subset's widths (256 numbers, the same in every slice: formatted once per process)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFObjectReference

from exampdf.memo import Memo

_WIDTHS: Memo[tuple[Any, ...], bytes] = Memo("pdf.resources.widths", 256)
_NAMES: Memo[str, bytes] = Memo("pdf.resources.names", 1 << 14)
_NUMBERS = (int, float)  # what pdfdoc.format writes through fp_str


class XObjectDict(PDFDictionary):  # type: ignore[misc]
    """`PDFDocument.xobjDict(names)`: each form's name and a reference to it, written
    without a PDFName and a PDFObjectReference formatted per entry."""

    def __init__(self, names: Iterable[str]) -> None:
        super().__init__({pdfdoc.xObjectName(n): None for n in names})

    def format(self, document: Any, IND: bytes = b"\n ") -> bytes:
        numbers = document.idToObjectNumberAndVersion
        entries = []
        for key in sorted(self.dict):
            name = _NAMES.get(key)
            if name is None:
                name = _NAMES.put(key, pdfdoc.format(pdfdoc.PDFName(key), document))
            if key not in numbers:  # as PDFObjectReference.format fails
                raise KeyError(f"forward reference to {key!r} not resolved upon final formatting")
            entries.append(b"%s %d %d R" % (name, *numbers[key]))
        return _joined(self, entries, IND)

    def reportlab(self) -> PDFDictionary:
        """The dictionary ReportLab's xobjDict makes (tests compare the two)."""
        return PDFDictionary({k: PDFObjectReference(k) for k in self.dict})


def _joined(d: PDFDictionary, entries: list[bytes], ind: bytes) -> bytes:
    """PDFDictionary.format's layout of its formatted entries."""
    if (d.multiline and rl_config.pdfMultiLine) or d.multiline == "forced":
        body = ind.join(entries)
    else:  # six to a line
        for i in reversed(range(6, len(entries), 6)):
            entries.insert(i, b"\n ")
        body = b" ".join(entries)
    return b"<<\n" + body + b"\n>>"


def _font_format(self: Any, document: Any) -> bytes:
    """PDFTrueTypeFont.format (PDFType1Font's), its Widths array formatted once per process:
    every slice embeds the same subsets, with the same widths."""
    d: dict[str, Any] = {}
    for name in self.name_attributes:
        if hasattr(self, name):
            d[name] = pdfdoc.PDFName(getattr(self, name))
    for name in self.local_attributes:
        if hasattr(self, name):
            d[name] = getattr(self, name)
    widths: Any = d.get("Widths")
    # numbers only: equal numbers (1 and 1.0, 0.0 and -0.0) format alike through fp_str
    if type(widths) is pdfdoc.PDFArray and all(type(w) in _NUMBERS for w in widths.sequence):
        key = (tuple(widths.sequence), widths.multiline, rl_config.pdfMultiLine)
        got = _WIDTHS.get(key)
        if got is None:
            got = _WIDTHS.put(key, widths.format(document))
        d["Widths"] = got  # pdfdoc.format writes bytes as they are
    formatted: bytes = PDFDictionary(d).format(document)
    return formatted


ORIGINAL = pdfdoc.PDFTrueTypeFont.format  # ReportLab's own (tests compare)


def fonts_once() -> None:
    """Install the font format in ReportLab's class (process-wide, like pdf/pdfenc.py's)."""
    pdfdoc.PDFTrueTypeFont.format = _font_format
