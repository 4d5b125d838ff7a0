"""pdf/resources.py: the shared XObject dictionary and fonts' widths, the same bytes as
ReportLab writes them."""

from __future__ import annotations

import io

import pytest
from reportlab import rl_config
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfmetrics import registerFont
from reportlab.pdfbase.ttfonts import TTFont

from exampdf.layout.text.fonts import FONT_DIR
from exampdf.pdf import resources
from exampdf.pdf.canvas import PaintCanvas
from exampdf.pdf.resources import XObjectDict


def _forms(doc: pdfdoc.PDFDocument, names: list[str]) -> None:
    for name in names:
        doc.Reference(pdfdoc.PDFDictionary({"N": name}), doc.getXObjectName(name))


@pytest.mark.parametrize("count", [1, 5, 6, 7, 13, 40])
@pytest.mark.parametrize("multiline", [0, 1])
def test_the_xobject_dictionary_formats_as_reportlabs(
    count: int, multiline: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rl_config, "pdfMultiLine", multiline)
    doc = pdfdoc.PDFDocument(invariant=1)
    names = [f"P{i}" for i in reversed(range(count))] + ["S a#b"][: count % 2]  # escaped
    _forms(doc, names)
    ours = XObjectDict(names)
    assert ours.format(doc) == doc.xobjDict(names).format(doc)
    assert ours.format(doc) == ours.reportlab().format(doc)


def test_an_unregistered_form_fails_as_in_reportlab() -> None:
    doc = pdfdoc.PDFDocument(invariant=1)
    _forms(doc, ["P0"])
    with pytest.raises(KeyError, match=r"FormXob\.P1"):
        XObjectDict(["P0", "P1"]).format(doc)
    with pytest.raises(KeyError, match=r"FormXob\.P1"):
        doc.xobjDict(["P0", "P1"]).format(doc)


def test_a_form_an_earlier_slice_painted_is_referred_to_past_the_document() -> None:
    """Numbers from FOREIGN up, one per inherited form in the dictionary's order."""
    doc = pdfdoc.PDFDocument(invariant=1)
    _forms(doc, ["P1"])
    got = XObjectDict(["S9", "P1", "P0"], {"FormXob.P0", "FormXob.S9"}).format(doc)
    f, p1 = resources.FOREIGN, doc.idToObjectNumberAndVersion["FormXob.P1"][0]
    want = b"<<\n/FormXob.P0 %d 0 R /FormXob.P1 %d 0 R /FormXob.S9 %d 0 R\n>>" % (f, p1, f + 1)
    assert got == want


def _font(widths: list[object]) -> pdfdoc.PDFTrueTypeFont:
    font = pdfdoc.PDFTrueTypeFont()
    font.Name, font.BaseFont = "F1+0", "AAAAAA+Gothic"
    font.FirstChar, font.LastChar = 0, len(widths) - 1
    font.Widths = pdfdoc.PDFArray(widths)
    return font


@pytest.mark.parametrize(
    "widths", [[500, 1000.0, 0.0, -0.0, 250.5] * 9, [1, True, 2.5], [1, "x"], [3]]
)
def test_a_fonts_widths_format_as_reportlabs(widths: list[object]) -> None:
    resources.fonts_once()
    doc = pdfdoc.PDFDocument(invariant=1)
    for _ in range(2):  # the second from the cache (numbers only)
        assert _font(widths).format(doc) == resources.ORIGINAL(_font(widths), doc)
    # equal numbers of another type (1.0 for 1) format alike: the cache may serve either
    assert _font([float(w) for w in [500, 1000]]).format(doc) == _font([500, 1000]).format(doc)


def _document() -> bytes:
    registerFont(TTFont("ResourcesGothic", str(FONT_DIR / "BIZUDPGothic-Regular.ttf")))
    out = io.BytesIO()
    c = PaintCanvas(out, invariant=1, pagesize=(400, 500))
    for name in ("F", "G"):
        c.beginForm(name)
        c.setFont("ResourcesGothic", 10)
        c.drawString(0, 0, f"フォーム {name}")
        c.endForm()
    for i in range(3):
        c.setFont("ResourcesGothic", 10)
        c.drawString(20, 20, f"ページ {i} 漢字")
        c.doForm("G" if i else "F")
        c.showPage()
    c.save()
    return out.getvalue()


def test_a_canvas_writes_the_same_bytes_as_through_reportlab(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ours = _document()
    assert pdfdoc.PDFTrueTypeFont.format is not resources.ORIGINAL
    monkeypatch.setattr("exampdf.pdf.canvas.fonts_once", lambda: None)
    monkeypatch.setattr(pdfdoc.PDFTrueTypeFont, "format", resources.ORIGINAL)
    monkeypatch.setattr(
        "exampdf.pdf.canvas.XObjectDict",
        lambda names, foreign: pdfdoc.PDFDocument.xobjDict(None, list(names)),
    )
    assert _document() == ours
