"""The key's grids of short strings: widths as data, every cell read back once, split between
rows with the header again on the next page."""

from __future__ import annotations

from pathlib import Path

import pytest

from exampdf.layout.key.cellgrid import CellGrid, GridLook, Measure
from exampdf.layout.theme import BOX_GREY, RULE_GREY, make_theme
from tests.helpers.blockpdf import FRAME_LEFT, FRAME_RIGHT, lines_of, typeset_flowables

THEME = make_theme()
LOOK = GridLook(THEME.fonts.body, THEME.fonts.bold, 9.0, RULE_GREY, BOX_GREY)
HEADER = ("版", "問", "答")


def _entries(n: int) -> list[tuple[str, str, str]]:
    return [(f"V{i}", str(i % 37 + 1), "ABCD"[i % 4]) for i in range(n)]


def _grid(n: int, width: float) -> CellGrid:
    entries = _entries(n)
    measure = Measure(LOOK)
    columns = [[h, *cells] for h, cells in zip(HEADER, zip(*entries, strict=True), strict=True)]
    groups, widths = measure.fitted(columns, width, n, bold=(0,))
    cells = [c for e in entries for c in e]
    rows = [cells[i : i + 3 * groups] for i in range(0, len(cells), 3 * groups)]
    return CellGrid(HEADER * groups, rows, widths * groups, LOOK, group=3, bold=(0, 3, 6))


def test_few_groups_keep_their_widths_many_fill_the_width() -> None:
    measure = Measure(LOOK)
    columns = [["版", "A", "ABCDE"], ["問", "3", "12"], ["答", "C", "D"]]
    groups, widths = measure.fitted(columns, 300.0, 2, bold=(0,))
    assert groups == 2
    assert widths[0] == pytest.approx(measure("ABCDE", LOOK.bold_font) + 2 * LOOK.side)
    assert widths[1] == widths[2] == pytest.approx(1.5 * LOOK.size + 2 * LOOK.side)  # 1.5 em
    groups, widths = measure.fitted(columns, 300.0, 50, bold=(0,))
    assert groups > 2 and groups * sum(widths) == pytest.approx(300.0)


@pytest.mark.parametrize("count", [1, 7, 150])
def test_every_cell_is_printed_once_inside_the_frame(tmp_path: Path, count: int) -> None:
    width = FRAME_RIGHT - FRAME_LEFT
    grid = _grid(count, width)
    pdf = typeset_flowables(tmp_path, [grid], THEME)
    got: list[str] = []
    for page in range(len(pdf.pages)):
        chars = pdf.chars(page)
        assert all(c["x0"] >= FRAME_LEFT - 0.01 and c["x1"] <= FRAME_RIGHT + 0.01 for c in chars)
        rows = lines_of(chars)
        words = [_words(row) for row in rows]
        assert words[0] == list(HEADER) * (len(words[0]) // 3)  # the header atop every page
        got += [w for row in words[1:] for w in row]
    assert (len(pdf.pages) > 1) == (count == 150)  # split between rows
    assert got == [c for e in _entries(count) for c in e]


def _words(row: list[dict[str, object]]) -> list[str]:
    """The row's strings: characters closer than a space joined."""
    out: list[str] = []
    last = None
    for c in row:
        if last is not None and float(c["x0"]) - last < 1.0:  # type: ignore[arg-type]
            out[-1] += str(c["text"])
        else:
            out.append(str(c["text"]))
        last = float(c["x1"])  # type: ignore[arg-type]
    return out


def test_a_grid_too_short_for_a_row_is_not_split() -> None:
    grid = _grid(40, 280.0)
    grid.wrap(280.0, 1000.0)
    assert grid.split(280.0, grid.row_height * 1.5) == []  # the header alone: next page
    first, rest = grid.split(280.0, grid.row_height * 3.2)
    assert len(first.rows) == 2 and len(rest.rows) == len(grid.rows) - 2
    assert rest.header == grid.header
