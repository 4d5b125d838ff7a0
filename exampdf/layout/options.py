"""Options in 1, 2 or 4 columns, chosen from their measured widths; labels aligned on a gutter."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable

from exampdf.layout.jparagraph import JParagraph
from exampdf.layout.labeled import Labeled

COLUMN_CHOICES = (4, 2)  # tried widest first; 1 is the fallback
MIN_GAP_EM = 1.5  # white space after an option's text before the next column starts


class OptionGrid(Flowable):  # type: ignore[misc]
    """Short options side by side (row by row: ア イ / ウ エ), long ones one per line."""

    def __init__(
        self,
        cells: Sequence[tuple[Flowable, JParagraph]],
        gutter: float,
        em: float,
        columns: int = 0,
    ) -> None:
        super().__init__()
        self.cells = list(cells)
        self.gutter, self.em = gutter, em
        self.fixed = columns  # 0: choose at wrap time; a split keeps its parent's choice
        self.columns = columns or 1
        self._rows: list[tuple[list[Labeled], float]] = []

    def natural_width(self) -> float:
        """Widest option set on one line (label gutter included); inf when one needs two lines."""
        widest = 0.0
        for _, body in self.cells:
            lines = body.lines(1e6)
            if len(lines) != 1:
                return float("inf")
            widest = max(widest, lines[0].natural)
        return self.gutter + widest

    def choose_columns(self, width: float) -> int:
        need = self.natural_width() + MIN_GAP_EM * self.em
        for n in COLUMN_CHOICES:
            if n > 2 >= len(self.cells):
                continue  # two options spread over halves
            if need <= width / n:
                return n
        return 1

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.columns = self.fixed or self.choose_columns(avail_width)
        col = avail_width / self.columns
        self._rows = []
        for start in range(0, len(self.cells), self.columns):
            row = [
                Labeled(lab, body, self.gutter)
                for lab, body in self.cells[start : start + self.columns]
            ]
            height = max(cell.wrap(col, avail_height)[1] for cell in row)
            self._rows.append((row, height))
        self.width = avail_width
        self.height = sum(h for _, h in self._rows)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """Between rows only: an option is never cut in two."""
        self.wrap(avail_width, avail_height)
        used, fit = 0.0, 0
        for _, height in self._rows:
            if used + height > avail_height:
                break
            used, fit = used + height, fit + 1
        if fit == 0 or fit == len(self._rows):
            return []
        cut = fit * self.columns
        return [
            OptionGrid(self.cells[:cut], self.gutter, self.em, self.columns),
            OptionGrid(self.cells[cut:], self.gutter, self.em, self.columns),
        ]

    def draw(self) -> None:
        col = self.width / self.columns
        top = self.height
        for row, height in self._rows:
            top -= height
            for i, cell in enumerate(row):
                cell.drawOn(self.canv, i * col, top + height - cell.height)
