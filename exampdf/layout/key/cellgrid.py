"""A grid of short centred strings in fixed columns and rows, split between rows, its header
repeated on every page: the key table and 「出題位置」, drawn without a ReportLab Table."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from exampdf.layout.text.textrun import RGB
from exampdf.pdf.textshow import CentredColumns

RULE = 0.5


@dataclass(unsafe_hash=True)
class GridLook:
    """Fonts, size, colours and padding of a grid; the header is in the bold font."""

    font: str
    bold_font: str
    size: float
    rule: RGB
    shade: RGB  # the header's background
    pad: float = 1.5  # above and below a row's text
    side: float = 3.0  # left and right of a column's widest text

    @property
    def leading(self) -> float:
        return self.size * 1.2  # a Table's


class _Widths(dict[str, float]):
    """Widths of strings in one font at one size, each measured once."""

    def __init__(self, font: str, size: float) -> None:
        super().__init__()
        self.font, self.size = font, size

    def __missing__(self, text: str) -> float:
        w: float = stringWidth(text, self.font, self.size)
        self[text] = w
        return w


class Measure:
    """String widths in a grid's fonts, each distinct string measured once."""

    def __init__(self, look: GridLook) -> None:
        self.look = look
        self.fonts: dict[str, _Widths] = {}

    def __call__(self, text: str, font: str) -> float:
        return self.widths(font)[text]

    def widths(self, font: str) -> _Widths:
        known = self.fonts.get(font)
        if known is None:
            known = self.fonts[font] = _Widths(font, self.look.size)
        return known

    def fitted(
        self, columns: Sequence[Iterable[str]], width: float, count: int, bold: Collection[int]
    ) -> tuple[int, list[float]]:
        """Groups per row and the widths of a group's columns, for `count` groups of cells
        `columns` (the texts of each column of a group, header first; `bold` columns in the
        bold font): each column as wide as its widest text (1.5 em at least), stretched to
        fill `width` when the groups take more than a row."""
        look, widths = self.look, []
        for c, texts in enumerate(columns):
            head, *cells = texts
            font = look.bold_font if c in bold else look.font
            widest = max(map(self.widths(font).__getitem__, set(cells)), default=0.0)
            room = max(widest, self(head, look.bold_font), 1.5 * look.size)  # 1 letter: 1.5 em
            widths.append(room + 2 * look.side)
        used = sum(widths)
        groups = max(1, int(width // used))
        if count <= groups:
            return max(1, count), widths
        if groups > 1:
            widths = [w * width / (groups * used) for w in widths]
        return groups, widths


class CellGrid(Flowable):  # type: ignore[misc]
    """Rows of cells in columns of fixed widths, a rule around every `group` columns and
    under every row, the header shaded. Every row holds `lines` lines of text (cells split
    at newlines), so the height is arithmetic and a page break falls between rows, the
    header drawn again above the rows that follow. `bold`: columns in the bold font."""

    def __init__(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        look: GridLook,
        *,
        group: int = 1,
        bold: Collection[int] = (),
        lines: int = 1,
    ) -> None:
        super().__init__()
        self.header, self.rows, self.widths = tuple(header), rows, tuple(widths)
        self.look, self.group, self.bold, self.lines = look, group, frozenset(bold), lines
        self.head_height = look.leading + 2 * look.pad
        self.row_height = lines * look.leading + 2 * look.pad

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = sum(self.widths)
        self.height = self.head_height + self.row_height * len(self.rows)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        fit = int((avail_height - self.head_height) // self.row_height)
        if fit < 1 or fit >= len(self.rows):
            return []
        return [self._part(self.rows[:fit]), self._part(self.rows[fit:])]

    def _part(self, rows: Sequence[Sequence[str]]) -> CellGrid:
        return CellGrid(
            self.header,
            rows,
            self.widths,
            self.look,
            group=self.group,
            bold=self.bold,
            lines=self.lines,
        )

    def draw(self) -> None:
        canv, look = self.canv, self.look
        top = self.head_height + self.row_height * len(self.rows)
        canv.setFillColorRGB(*look.shade)
        canv.rect(0, top - self.head_height, self.width, self.head_height, stroke=0, fill=1)
        edges = [0.0]
        for w in self.widths:
            edges.append(edges[-1] + w)
        canv.setStrokeColorRGB(*look.rule)
        canv.setLineWidth(RULE)
        ys = [top, *(self.row_height * k for k in range(len(self.rows), -1, -1))]
        down = edges[:: self.group] + ([] if (len(edges) - 1) % self.group == 0 else edges[-1:])
        canv.lines([(0.0, y, self.width, y) for y in ys] + [(x, 0.0, x, top) for x in down])
        canv.setFillColorRGB(0, 0, 0)
        self._text(top, edges)

    def _text(self, top: float, edges: list[float]) -> None:
        """Each cell's lines centred in its column and, as a block, in its row (as a
        ReportLab Table centres them); the bold cells first, then the others."""
        canv, look = self.canv, self.look
        leading, size = look.leading, look.size
        centres = [(a + b) / 2 for a, b in pairwise(edges)]
        every = range(len(self.widths))
        split = self.lines > 1 or any("\n" in "".join(r) for r in (self.header, *self.rows))
        head = [(top - self.head_height, self.head_height, self.header, True)]
        body = [
            (self.row_height * (len(self.rows) - 1 - r), self.row_height, row, False)
            for r, row in enumerate(self.rows)
        ]
        full = len(self.widths)
        for font, in_bold in ((look.bold_font, True), (look.font, False)):
            canv.setFont(font, size, leading)
            columns = CentredColumns(canv, centres)
            mine = [c for c in every if (c in self.bold) == in_bold]
            for foot, height, cells, header in (*head, *body):
                if header and not in_bold:
                    continue
                if not header and len(cells) == full and all(cells):
                    which = mine  # most rows: every cell there
                else:
                    which = [c for c in (every if header else mine) if c < len(cells) and cells[c]]
                if split:
                    self._lines(columns, foot, height, cells, which)
                else:
                    columns.row(foot + (height + leading) / 2 - size, cells, which)

    def _lines(
        self,
        columns: CentredColumns,
        foot: float,
        height: float,
        cells: Sequence[str],
        which: list[int],
    ) -> None:
        """Cells of a row that may hold more than one line, each line on its own."""
        leading = self.look.leading
        for c in which:
            parts = cells[c].split("\n")
            y = foot + (height + len(parts) * leading) / 2 - self.look.size
            for part in parts:
                columns.cell(c, y, part)
                y -= leading
