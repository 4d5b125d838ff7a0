"""GFM tables whose column widths come from their content and always fit the frame."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from exampdf.layout.blocks.inlines import body_style, to_runs
from exampdf.layout.text.jsegment import run_width
from exampdf.layout.text.paragraphs import Align, ParaStyle, make_paragraph
from exampdf.layout.text.textrun import Run
from exampdf.layout.theme import BOX_GREY, RULE_GREY, Theme
from exampdf.model import Table as TableNode
from exampdf.pdf.ops import table_row_heights

CELL_PAD = 4.0


def table_flowables(block: TableNode, theme: Theme) -> list[Flowable]:
    size = theme.size * 0.92
    plain, bold = body_style(theme, size), body_style(theme, size, bold=True)
    header = [to_runs(c, bold) for c in block.header]
    body = [[to_runs(c, plain) for c in row] for row in block.rows]
    ncols = max([len(header), *(len(r) for r in body)])
    grid = [_pad(header, ncols), *(_pad(r, ncols) for r in body)]
    aligns: list[Align] = [
        block.aligns[i] if i < len(block.aligns) else "left" for i in range(ncols)
    ]
    return [AutoTable(grid, aligns, theme), Spacer(1, theme.size * 0.6)]


def _pad(row: list[list[Run]], n: int) -> list[list[Run]]:
    return row + [[] for _ in range(n - len(row))]


def column_widths(natural: Sequence[float], minimum: Sequence[float], avail: float) -> list[float]:
    """Natural widths when they fit; else shrink wide columns first, never below the minimum."""
    if sum(natural) <= avail:
        return list(natural)
    widths = list(minimum)
    spare = avail - sum(widths)
    extra = [n - m for n, m in zip(natural, minimum, strict=True)]
    total = sum(extra)
    if spare <= 0 or total <= 0:
        return [avail * m / sum(minimum) for m in minimum]
    return [w + spare * e / total for w, e in zip(widths, extra, strict=True)]


def _runs_width(runs: Sequence[Run]) -> float:
    return sum(run_width(r) for r in runs)


class AutoTable(Flowable):  # type: ignore[misc]
    """Builds its ReportLab Table at wrap time, when the available width is known."""

    def __init__(self, grid: list[list[list[Run]]], aligns: list[Align], theme: Theme) -> None:
        super().__init__()
        self.grid, self.aligns, self.theme = grid, aligns, theme
        self._table: Table | None = None
        self._for_width = -1.0

    def _build(self, avail: float) -> Table:
        if self._table is not None and self._for_width == avail:
            return self._table
        cols = range(len(self.aligns))
        natural = [max(_runs_width(r[c]) for r in self.grid) + 2 * CELL_PAD + 1 for c in cols]
        minimum = [min(n, 3.2 * self.theme.size + 2 * CELL_PAD) for n in natural]
        widths = column_widths(natural, minimum, avail)
        spec = [
            ParaStyle(leading=self.theme.size * 1.35, align=a, phrases=True) for a in self.aligns
        ]
        rows = [[make_paragraph(cell, spec[c]) for c, cell in enumerate(row)] for row in self.grid]
        table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), self.theme.fonts.body, self.theme.size * 0.92),
                    ("GRID", (0, 0), (-1, -1), 0.5, RULE_GREY),
                    ("BACKGROUND", (0, 0), (-1, 0), BOX_GREY),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
                    ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
                    ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
                ]
            )
        )
        self._table, self._for_width = table, avail
        return table

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        table = self._build(avail_width)
        w, h = table.wrap(avail_width, avail_height)
        self.width, self.height = w, h
        return w, h

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return list(self._build(avail_width).split(avail_width, avail_height))

    def row_heights(self) -> list[float]:
        """The rows' heights as last wrapped, header first."""
        return table_row_heights(self._table) if self._table is not None else []

    def draw(self) -> None:
        assert self._table is not None
        self._table.drawOn(self.canv, 0, 0)
