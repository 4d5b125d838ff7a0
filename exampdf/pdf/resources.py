"""What every exam slice writes again for the same forms and fonts, formatted faster, the same
bytes: the pages' shared XObject dictionary (one entry per form: W2 ~600 a slice) and a font
subset's widths (256 numbers, the same in every slice: formatted once per process)."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFObjectReference

from exampdf.memo import Memo

_WIDTHS: Memo[tuple[Any, ...], bytes] = Memo("pdf.resources.widths", 256)
_NAMES: Memo[str, bytes] = Memo("pdf.resources.names", 1 << 14)
_NUMBERS = (int, float)  # what pdfdoc.format writes through fp_str


# The first number given to a form an earlier slice painted (pdf/ops.py stand_in): far past
# any object a slice holds (SLICE_ITEMS_MAX), so the join knows it is not this slice's.
FOREIGN = 1 << 30


class XObjectDict(PDFDictionary):  # type: ignore[misc]
    """`PDFDocument.xobjDict(names)`: each form's name and a reference to it, written
    without a PDFName and a PDFObjectReference formatted per entry. A form an earlier slice
    painted (`foreign`, by XObject name) is referred to by a number from FOREIGN up, which
    this document does not hold: the join puts that slice's form in (render/merge.py)."""

    def __init__(self, names: Iterable[str], foreign: Collection[str] = ()) -> None:
        super().__init__({pdfdoc.xObjectName(n): None for n in names})
        self.foreign = foreign

    def format(self, document: Any, IND: bytes = b"\n ") -> bytes:
        numbers = document.idToObjectNumberAndVersion
        entries = []
        elsewhere = FOREIGN
        for key in sorted(self.dict):
            name = _NAMES.get(key)
            if name is None:
                name = _NAMES.put(key, pdfdoc.format(pdfdoc.PDFName(key), document))
            if key in numbers:
                entries.append(b"%s %d %d R" % (name, *numbers[key]))
            elif key in self.foreign:
                entries.append(b"%s %d 0 R" % (name, elsewhere))
                elsewhere += 1
            else:  # as PDFObjectReference.format fails
                raise KeyError(f"forward reference to {key!r} not resolved upon final formatting")
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
