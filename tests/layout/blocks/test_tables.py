"""GFM tables: column widths as plain numbers, the grid as data, the table's size from wrap."""

from __future__ import annotations

from pathlib import Path

import pytest

from exampdf.layout.blocks.tables import AutoTable, column_widths, table_flowables
from exampdf.layout.theme import BOX_GREY, make_theme
from exampdf.model import Table, Text
from tests.helpers.blockpdf import lines_of, typeset

THEME = make_theme()


def test_natural_widths_are_kept_when_they_fit() -> None:
    assert column_widths([40.0, 80.0], [40.0, 45.0], 200.0) == [40.0, 80.0]


def test_wide_columns_give_way_first_and_never_below_their_minimum() -> None:
    widths = column_widths([50.0, 300.0, 30.0], [50.0, 45.0, 30.0], 200.0)
    assert widths == pytest.approx([50.0, 120.0, 30.0])
    widths = column_widths([100.0, 300.0], [45.0, 45.0], 200.0)
    assert sum(widths) == pytest.approx(200.0)
    # what is left above the minimums goes in proportion to each column's excess (55 : 255)
    assert (widths[1] - 45.0) / (widths[0] - 45.0) == pytest.approx(255.0 / 55.0)


def test_minimums_that_do_not_fit_share_the_width_in_proportion() -> None:
    assert column_widths([100.0, 200.0], [40.0, 80.0], 60.0) == pytest.approx([20.0, 40.0])


def _cell(text: str) -> tuple[Text, ...]:
    return (Text(text),)


def test_ragged_rows_are_padded_and_missing_aligns_are_left() -> None:
    node = Table(
        header=(_cell("一"), _cell("二")),
        rows=((_cell("1"),), (_cell("1"), _cell("2"), _cell("3"))),
        aligns=("right",),
        line=1,
    )
    table, _space = table_flowables(node, THEME)
    assert isinstance(table, AutoTable)
    assert [len(row) for row in table.grid] == [3, 3, 3]
    assert table.grid[1][1:] == [[], []]
    assert table.aligns == ["right", "left", "left"]


def test_a_narrow_table_keeps_its_natural_width_whatever_room_it_is_given() -> None:
    node = Table(
        header=(_cell("番号"), _cell("名前")),
        rows=((_cell("1"), _cell("山田")),),
        aligns=(),
        line=1,
    )
    table, _space = table_flowables(node, THEME)
    narrow, _ = table.wrap(300.0, 500.0)
    assert narrow < 100.0
    assert table.wrap(1000.0, 500.0)[0] == pytest.approx(narrow)
    long = Table(header=(_cell("長い見出し" * 20),), rows=(), aligns=(), line=1)
    wide, _space = table_flowables(long, THEME)
    assert wide.wrap(300.0, 500.0)[0] == pytest.approx(300.0)
    assert wide.wrap(200.0, 500.0)[0] == pytest.approx(200.0)  # built again for the new width
    assert wide.wrap(300.0, 500.0)[0] == pytest.approx(300.0)


def test_header_row_is_shaded_and_body_rows_are_not(tmp_path: Path) -> None:
    pdf = typeset(tmp_path, "| 見出し |\n|---|\n| 本文 |\n| 本文 |\n")
    shaded = [r for r in pdf.pages[0]["rects"] if r["fill"]]
    (head,) = [r for r in shaded if r["non_stroking_color"] == BOX_GREY]
    rows = lines_of(pdf.chars())
    assert head["top"] < rows[0][0]["top"] and rows[0][0]["bottom"] < head["bottom"]
    assert head["bottom"] < rows[1][0]["top"]


def test_a_short_column_keeps_its_width_beside_one_that_must_wrap(tmp_path: Path) -> None:
    pdf = typeset(tmp_path, f"| {'長い本文' * 30} | 短縮 |\n|---|---|\n| 1 | 2 |\n")
    short = [c for c in pdf.chars() if c["text"] in "短縮"]
    assert len({round(c["bottom"]) for c in short}) == 1  # 短縮 is not broken over two lines
