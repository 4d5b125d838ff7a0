"""Paint answer-sheet pages (plain geometry from layout/answersheet.py) into a PDF."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from exampdf.layout import FontSet
from exampdf.pdf.canvas import PaintCanvas
from exampdf.render.pdf import PdfMeta
from exampdf.sheets.geometry import (
    BUBBLE_H,
    BUBBLE_W,
    PAGE_H,
    PAGE_W,
    QR_SIZE,
    QR_X,
    QR_Y,
    SheetPage,
    registration_marks,
)

INK = (0.85, 0.1, 0.1)  # drop-out red: a scanner's red filter removes the printed frame


def write_answer_sheets(
    path: Path, pages: Sequence[SheetPage], fonts: FontSet, meta: PdfMeta
) -> int:
    c = PaintCanvas(
        str(path), pagesize=(PAGE_W * mm, PAGE_H * mm), invariant=1, initialFontName=meta.font
    )
    c.setTitle(meta.title)
    c.setAuthor(meta.author)
    c.setSubject(meta.subject)
    for page in pages:
        paint_sheet(c, page, fonts)
        c.showPage()
    c.save()
    return len(pages)


def _pt(x: float, y: float) -> tuple[float, float]:
    """Millimetres from the top-left corner to ReportLab points from the bottom-left."""
    return x * mm, (PAGE_H - y) * mm


def paint_sheet(c: Canvas, page: SheetPage, fonts: FontSet) -> None:
    c.saveState()
    c.setFillColorRGB(0, 0, 0)
    for m in registration_marks():
        x, y = _pt(m.x, m.y + m.h)
        c.rect(x, y, m.w * mm, m.h * mm, stroke=0, fill=1)
    c.setLineWidth(0.6)
    for b in page.boxes:
        x, y = _pt(b.x, b.y + b.h)
        if b.shade:
            c.setFillColorRGB(0.9, 0.9, 0.9)
        c.rect(x, y, b.w * mm, b.h * mm, stroke=1, fill=int(b.shade))
        c.setFillColorRGB(0, 0, 0)
    for t in page.labels:
        x, y = _pt(t.x, t.y)
        c.setFont(fonts.bold if t.bold else fonts.body, t.size)
        draw = {"center": c.drawCentredString, "right": c.drawRightString}.get(
            t.align, c.drawString
        )
        draw(x, y, t.text)
    _bubbles(c, page, fonts)
    _qr(c, page.qr)
    c.restoreState()


def _bubbles(c: Canvas, page: SheetPage, fonts: FontSet) -> None:
    c.setLineWidth(0.5)
    w, h = BUBBLE_W * mm, BUBBLE_H * mm
    for b in page.bubbles:
        x, y = _pt(b.x, b.y)
        c.setStrokeColorRGB(*INK)
        if b.square:
            c.rect(x - w / 2, y - h / 2, w, h)
        else:
            c.ellipse(x - w / 2, y - h / 2, x + w / 2, y + h / 2)
        c.setFillColorRGB(*INK)
        c.setFont(fonts.body, 6.0)
        c.drawCentredString(x, y - 2.1, b.label)
    c.setStrokeColorRGB(0, 0, 0)
    c.setFillColorRGB(0, 0, 0)


def _qr(c: Canvas, payload: str) -> None:
    widget = QrCodeWidget(payload, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    size = QR_SIZE * mm
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    x, y = _pt(QR_X, QR_Y + QR_SIZE)
    renderPDF.draw(drawing, c, x, y)
