"""Paint answer-sheet pages (plain data from sheets/) into a PDF."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from exampdf.layout import FontSet
from exampdf.pdf.canvas import PaintCanvas
from exampdf.render.pdf import PdfMeta
from exampdf.sheets.geometry import BUBBLE_H, BUBBLE_W, QR_SIZE, TOP, Label, SheetPage

# Bubbles and their letters in a light red: grey ~160 on a grayscale copy, so a pencil mark
# (40-130, faint 150-185) stands out against them, yet dark enough to survive a copier; a
# colour scanner's red drop-out removes them altogether.
INK = (0.92, 0.5, 0.5)


def write_answer_sheets(
    path: Path, pages: Sequence[SheetPage], fonts: FontSet, meta: PdfMeta
) -> int:
    w, h = (pages[0].paper.w, pages[0].paper.h) if pages else (210.0, 297.0)
    c = PaintCanvas(str(path), pagesize=(w * mm, h * mm), invariant=1, initialFontName=meta.font)
    c.setTitle(meta.title)
    c.setAuthor(meta.author)
    c.setSubject(meta.subject)
    for page in pages:
        paint_sheet(c, page, fonts)
        c.showPage()
    c.save()
    return len(pages)


def paint_sheet(c: Canvas, page: SheetPage, fonts: FontSet) -> None:
    height = page.paper.h

    def pt(x: float, y: float) -> tuple[float, float]:
        """Millimetres from the top-left corner to ReportLab points from the bottom-left."""
        return x * mm, (height - y) * mm

    c.saveState()
    c.setFillColorRGB(0, 0, 0)
    c.setLineWidth(0.6)
    for b in page.boxes:
        x, y = pt(b.x, b.y + b.h)
        if b.shade:
            c.setFillColorRGB(0.9, 0.9, 0.9)
        c.rect(x, y, b.w * mm, b.h * mm, stroke=int(not b.fill), fill=int(b.shade or b.fill))
        c.setFillColorRGB(0, 0, 0)
    for t in page.labels:
        _label(c, t, fonts, *pt(t.x, t.y))
    _bubbles(c, page, fonts, pt)
    _qr(c, page.qr, fonts.body, *pt(page.paper.qr_x, TOP + QR_SIZE))
    c.restoreState()


def _label(c: Canvas, t: Label, fonts: FontSet, x: float, y: float) -> None:
    """A label, squeezed sideways if the font's real width exceeds the room it was given."""
    font = fonts.bold if t.bold else fonts.body
    c.setFont(font, t.size)
    width = c.stringWidth(t.text, font, t.size)
    squeeze = min(1.0, t.max_w * mm / width) if t.max_w and width else 1.0
    text = c.beginText()
    text.setFont(font, t.size)
    text.setHorizScale(100 * squeeze)
    shift = {"center": width * squeeze / 2, "right": width * squeeze}.get(t.align, 0.0)
    text.setTextOrigin(x - shift, y)
    text.textOut(t.text)
    c.drawText(text)


def _bubbles(
    c: Canvas, page: SheetPage, fonts: FontSet, pt: Callable[..., tuple[float, float]]
) -> None:
    c.setLineWidth(0.5)
    w, h = BUBBLE_W * mm, BUBBLE_H * mm
    for b in page.bubbles:
        x, y = pt(b.x, b.y)
        c.setStrokeColorRGB(*INK)
        if b.square:
            c.rect(x - w / 2, y - h / 2, w, h)
        else:
            c.ellipse(x - w / 2, y - h / 2, x + w / 2, y + h / 2)
        c.setFillColorRGB(*INK)
        c.setFont(fonts.body, 5.5)
        c.drawCentredString(x, y - 1.9, b.label)
    c.setStrokeColorRGB(0, 0, 0)
    c.setFillColorRGB(0, 0, 0)


def _qr(c: Canvas, payload: str, font: str, x: float, y: float) -> None:
    widget = QrCodeWidget(payload, barLevel="M", barBorder=0)
    x0, y0, x1, y1 = widget.getBounds()
    size = QR_SIZE * mm
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.initialFontName = font  # else the renderer selects Times-Roman, never embedded
    drawing.add(widget)
    renderPDF.draw(drawing, c, x, y)
