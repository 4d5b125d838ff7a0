"""A safety net for blocks that cannot split: one taller than a whole page is scaled to fit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from reportlab.platypus import Flowable

from exampdf.layout.blocks.cut import Shrunk, due_here
from exampdf.layout.blocks.shrinks import Origin
from exampdf.layout.blocks.tables import AutoTable
from exampdf.pdf.ops import table_row_heights, table_rows

Builder = Callable[[Any, Any], list[Flowable]]


class FitTall(Flowable):  # type: ignore[misc]
    """Behaves exactly like `inner` (a table), except where ReportLab would raise LayoutError.

    A table splits between rows, but a row taller than the whole frame neither fits nor
    splits. When it must go here — at the top of a frame, or moved to a fresh one already —
    it is shrunk into the frame instead (moving it on from the top of an empty frame would
    only leave a blank one behind).
    """

    def __init__(self, inner: Flowable, first_row: int = 1, table: Origin | None = None) -> None:
        super().__init__()
        self.inner = inner
        self.first_row = first_row  # the table's data row this piece starts with (1-based)
        self.table = table  # where the whole table is written (set by block_flowables)
        self.spaceBefore = inner.getSpaceBefore()
        self.spaceAfter = inner.getSpaceAfter()

    @property
    def origin(self) -> Origin | None:
        """Where this piece's first row is written: the table's line, its delimiter line, then
        one line a row."""
        if self.table is None:
            return None
        return replace(self.table, line=self.table.line + 1 + self.first_row, row=self.first_row)

    @origin.setter
    def origin(self, where: Origin | None) -> None:
        self.table = where

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = self.inner.wrap(avail_width, avail_height)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        parts = self.inner.split(avail_width, avail_height)
        if parts:
            return self._pieces(parts)
        return self._shrunk(avail_width, avail_height) if due_here(self, avail_height) else []

    def cut(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """For a container that must place it here (cut.py): `split`, else shrunk."""
        return self.split(avail_width, avail_height) or self._shrunk(avail_width, avail_height)

    def _pieces(self, parts: list[Flowable]) -> list[Flowable]:
        pieces, row = [], self.first_row
        for p in parts:  # every piece repeats the header row
            pieces.append(FitTall(p, row, self.table))
            row += max(0, table_rows(p) - 1)
        return pieces

    def _shrunk(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """The first row (under the header) shrunk into the room; the rows after it go on at
        their size."""
        self.inner.wrap(avail_width, avail_height)
        heights = row_heights(self.inner)
        if len(heights) > 2:
            parts = self.inner.split(avail_width, heights[0] + heights[1] + 0.01)
            if len(parts) == 2:
                first, rest = self._pieces(parts)
                return [Shrunk(first, avail_height), rest]
        return [Shrunk(self, avail_height)]

    def draw(self) -> None:
        self.inner.drawOn(self.canv, 0, 0)


def row_heights(table: Flowable) -> list[float]:
    """A wrapped table's (or table piece's) row heights, header first; [] for anything else."""
    if isinstance(table, AutoTable):
        return table.row_heights()
    return table_row_heights(table)


def fit_tall(builder: Builder) -> Builder:
    """A block builder whose flowables shrink to a page instead of failing the build."""

    def build(block: Any, theme: Any) -> list[Flowable]:
        return [FitTall(f) for f in builder(block, theme)]

    return build
