"""The golden corpus drawn into a PDF: each formula inline (left) and in display (right)."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from exampdf.layout.math.engine import MathBox, lay_out
from exampdf.layout.math.paint import paint
from exampdf.layout.text.fonts import register_fonts

HERE = Path(__file__).parent
SIZE = 10.5
ROW = 52.0  # room for the tallest display formula
TOP = 800.0
COLUMNS = {"inline": 40.0, "display": 300.0}
PER_PAGE = 14


def formulas() -> list[str]:
    lines = (HERE / "corpus.txt").read_text(encoding="utf-8").splitlines()
    return [ln for ln in lines if ln and not ln.startswith("#")]


def boxes(formula: str) -> dict[str, MathBox]:
    body = register_fonts().body
    return {form: lay_out(formula, form == "display", SIZE, body) for form in COLUMNS}


def origin(i: int, form: str) -> tuple[int, float, float]:
    """Page index and baseline origin of formula i in that form."""
    return i // PER_PAGE, COLUMNS[form], TOP - (i % PER_PAGE) * ROW


def draw(path: Path) -> None:
    canv = Canvas(str(path), pageSize=(595.0, 842.0), invariant=True)
    page = 0
    for i, formula in enumerate(formulas()):
        for form, box in boxes(formula).items():
            p, x, y = origin(i, form)
            if p != page:
                canv.showPage()
                page = p
            paint(canv, box, x, y)
    canv.save()
