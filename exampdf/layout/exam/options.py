"""Options in 1, 2, 3 or 4 columns, chosen from their measured widths; labels on a gutter."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.platypus import Flowable, Spacer

from exampdf.layout.blocks.cut import shrunk
from exampdf.layout.blocks.labeled import baseline_drop
from exampdf.layout.blocks.place import Nested, form_of, place
from exampdf.layout.blocks.shrinks import Origin
from exampdf.layout.text.jparagraph import JParagraph
from exampdf.pdf.ops import content, matrix, set_matrix, translated, use_forms
from exampdf.pdf.state import PlacedCell, paint_state

COLUMN_CHOICES = (4, 2)  # tried widest first; 1 is the fallback
MIN_GAP_EM = 1.5  # white space after an option's text before the next column starts

# One wrapped cell: label, body, their heights and the cell's (as a Labeled would have them).
Cell = tuple[Flowable, JParagraph, float, float, float]


class GridMemo:
    """Measurements every version's grid of one question shares (the same options in another
    order): the columns chosen per width and each cell's heights. Cells are known by the ids
    of their label and body, so a memo must only serve grids of the same flowables."""

    def __init__(self) -> None:
        self.columns: dict[float, int] = {}
        self.cells: dict[tuple[int, int, float, float], Cell] = {}


class OptionGrid(Nested):
    """Short options side by side (row by row: ア イ / ウ エ), long ones one per line."""

    def __init__(
        self,
        cells: Sequence[tuple[Flowable, JParagraph]],
        gutter: float,
        em: float,
        columns: int = 0,
        memo: GridMemo | None = None,
        origins: Sequence[Origin] = (),  # each option's, in printed order (W112)
    ) -> None:
        super().__init__()
        self.cells = list(cells)
        self.origins = list(origins)
        self.gutter, self.em = gutter, em
        self.fixed = columns  # 0: choose at wrap time; a split keeps its parent's choice
        self.columns = columns or 1
        self._memo = GridMemo() if memo is None else memo
        self._rows: list[tuple[list[Cell], float]] = []

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
        chosen = self._memo.columns.get(width)
        if chosen is None:
            chosen = self._memo.columns[width] = self._choose(width)
        return chosen

    def _choose(self, width: float) -> int:
        need = self.natural_width() + MIN_GAP_EM * self.em
        count = len(self.cells)
        for n in COLUMN_CHOICES:
            if n > 2 >= count:
                continue  # two options spread over halves
            if need <= width / n:
                return _balanced(n, count, need <= width / 3)
        return 1

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.columns = self.fixed or self.choose_columns(avail_width)
        col = avail_width / self.columns
        gutter = self.gutter
        known = self._memo.cells
        self._rows = []
        for start in range(0, len(self.cells), self.columns):
            row: list[Cell] = []
            for lab, body in self.cells[start : start + self.columns]:
                cell = known.get((id(lab), id(body), col, gutter))
                if cell is None:  # (draw wraps a label or body again if its width changed)
                    lh = lab.wrap(gutter, avail_height)[1]
                    bh = body.wrap(col - gutter, avail_height)[1]
                    lh += baseline_drop(body)  # a formula's first line: the label moves down
                    cell = known[(id(lab), id(body), col, gutter)] = (
                        lab,
                        body,
                        lh,
                        bh,
                        max(lh, bh),
                    )
                row.append(cell)
            height = max(cell[4] for cell in row)
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
        cut, o = fit * self.columns, self.origins
        return [
            OptionGrid(self.cells[:cut], self.gutter, self.em, self.columns, origins=o[:cut]),
            OptionGrid(self.cells[cut:], self.gutter, self.em, self.columns, origins=o[cut:]),
        ]

    def cut(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """`split`, or when the first row alone is taller than the room: an option of one per
        line cut between its lines (its label on the first part), else that row shrunk."""
        pieces = self.split(avail_width, avail_height)
        if pieces or self._rows[0][1] <= avail_height:
            return pieces
        first, rest = self.cells[: self.columns], self.cells[self.columns :]
        o, n = self.origins, self.columns
        if self.columns == 1:
            label, body = first[0]
            parts = body.split(avail_width - self.gutter, avail_height)
            if len(parts) == 2 and isinstance(parts[1], JParagraph):
                head = OptionGrid([(label, parts[0])], self.gutter, self.em, 1, origins=o[:1])
                tail = OptionGrid(
                    [(Spacer(1, 0), parts[1]), *rest], self.gutter, self.em, 1, origins=o
                )
                return [head, tail]
        row = OptionGrid(first, self.gutter, self.em, n, origins=o[:n])
        shrunk_row = shrunk(row, avail_width, avail_height)
        return (
            [shrunk_row, OptionGrid(rest, self.gutter, self.em, n, origins=o[n:])]
            if rest
            else [shrunk_row]
        )

    @property
    def origin(self) -> Origin | None:
        """Where the first option printed here is written (a row printed scaled down: W112)."""
        return self.origins[0] if self.origins else None

    def draw(self) -> None:
        """Each cell as Labeled(label, body, gutter) would draw it, without building one."""
        canvas: Any = self.canv
        code = content(canvas)
        col = self.width / self.columns
        gutter = self.gutter
        inner = col - gutter
        snippets = paint_state(canvas).cells
        m = matrix(canvas)
        top = self.height
        for row, height in self._rows:
            top -= height
            for i, (lab, body, lh, bh, ch) in enumerate(row):
                x, y = i * col, top + height - ch
                code.append("q")
                code.append(f"1 0 0 1 {fp_str(x, y)} cm")
                known = snippets.get((id(lab), id(body), gutter, inner))
                if known is not None and known[0] is lab and known[1] is body:
                    code.extend(known[2])  # both are forms: only their placements
                    use_forms(canvas, known[3])
                    code.append("Q")
                    continue
                set_matrix(canvas, translated(m, x, y))
                if lab.width != gutter:  # shared with another grid wrapped since
                    lab.wrap(gutter, lh)
                if body.width != inner:
                    body.wrap(inner, bh)
                place(canvas, lab, 0, ch - lh)
                place(canvas, body, gutter, ch - bh)
                set_matrix(canvas, m)
                code.append("Q")
                _remember(canvas, snippets, lab, body, gutter, inner, ch - lh, ch - bh)


def _balanced(columns: int, count: int, three_fit: bool) -> int:
    """Three columns instead of a last row holding one option alone (five options 3 + 2, not
    4 + 1; not 2 + 2 + 1 when three fit), when three leave no option alone either."""
    if count > columns and count % columns == 1 and three_fit and count % 3 != 1:
        return 3
    return columns


Snippets = dict[tuple[int, int, float, float], PlacedCell]  # option cells whose parts are forms


def _remember(
    canvas: Any,
    snippets: Snippets,
    lab: Flowable,
    body: Flowable,
    gutter: float,
    inner: float,
    label_y: float,
    body_y: float,
) -> None:
    if type(lab) is not JParagraph or type(body) is not JParagraph:
        return
    fl, fb = form_of(canvas, lab, gutter), form_of(canvas, body, inner)
    if fl is None or fb is None:
        return
    ops = (
        f"q 1 0 0 1 {fp_str(0, label_y)} cm",
        fl[1],
        "Q",
        f"q 1 0 0 1 {fp_str(gutter, body_y)} cm",
        fb[1],
        "Q",
    )
    snippets[(id(lab), id(body), gutter, inner)] = (lab, body, ops, (fl[0], fb[0]))
