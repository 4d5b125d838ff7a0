"""W112: shrinks noted while drawing, and one warning per block from them."""

from __future__ import annotations

import pytest

from exampdf.layout.blocks.shrinks import (
    Origin,
    Shrink,
    building,
    keep,
    note,
    noting,
    origin,
    shrink_diagnostics,
)

ROW = Origin("q/b.md", 7, "table-row", row=2)
MATH = Origin("q/a.md", 12, "formula")


def test_notes_go_to_the_innermost_noting_and_nowhere_without_one() -> None:
    note(ROW, 0.5)  # nobody listening: dropped
    with noting() as outer:
        note(ROW, 0.5)
        with noting() as inner:
            note(MATH, 0.9)
            note(MATH, 1.0)  # not shrunk: nothing to say
            note(None, 0.5)  # a block nobody marked: nothing to place a warning at
        assert inner == [Shrink(MATH, 0.9)] and outer == [Shrink(ROW, 0.5)]
        keep(inner)
    assert outer == [Shrink(ROW, 0.5), Shrink(MATH, 0.9)]


def test_blocks_built_inside_building_come_from_its_file() -> None:
    with building("q/c.md"):
        assert origin(3, "code") == Origin("q/c.md", 3, "code")
    assert origin(3, "code").source == ""


def test_one_warning_per_block_at_its_smallest_scale_in_file_and_line_order() -> None:
    shrinks = [Shrink(ROW, 0.64), Shrink(MATH, 0.8), Shrink(ROW, 0.5), Shrink(MATH, 0.9)]
    diags = shrink_diagnostics(shrinks, {"q/a.md": "../bank/q/a.md"})
    assert [(d.code, d.severity, d.path, d.line) for d in diags] == [
        ("W112", "warning", "../bank/q/a.md", 12),  # the name the user gave
        ("W112", "warning", "q/b.md", 7),
    ]
    assert diags == shrink_diagnostics(reversed(shrinks), {"q/a.md": "../bank/q/a.md"})
    assert diags[1].text.text("en") == "table row 2 is taller than the page; printed at 50%"
    assert diags[0].text.text("en") == "a display formula is taller than the page; printed at 80%"
    assert diags[1].text.text("ja") == "表の2行目がページより高いため、50% に縮小して印刷します"


@pytest.mark.parametrize("scale", [0.004, 0.999])
def test_the_percentage_is_never_zero_nor_a_rounded_up_hundred(scale: float) -> None:
    (diag,) = shrink_diagnostics([Shrink(MATH, scale)])
    assert diag.text.text("en").endswith("printed at 1%" if scale < 0.5 else "printed at 99%")
