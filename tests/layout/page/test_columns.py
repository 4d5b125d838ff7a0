"""Issue 16 item 23: two columns by default wherever one column would hold a line too long
to read (A3 portrait set ~70 characters a line with the bottom third of the page empty)."""

from __future__ import annotations

import pytest

from exampdf.layout.page.paper import MAX_COLUMN_CHARS, exam_columns, geometry


@pytest.mark.parametrize(
    ("paper", "orientation", "expected"),
    [
        ("A4", "portrait", 1),
        ("B5", "portrait", 1),
        ("letter", "portrait", 1),
        ("B4", "portrait", 2),
        ("A3", "portrait", 2),
        ("A4", "landscape", 2),
        ("B5", "landscape", 2),
        ("B4", "landscape", 2),
        ("A3", "landscape", 2),
    ],
)
def test_default_columns_follow_the_line_length(
    paper: str, orientation: str, expected: int
) -> None:
    assert exam_columns(paper, orientation, 0, 10.5) == expected
    one = geometry(paper, orientation, 1).column_width / 10.5
    assert (one > MAX_COLUMN_CHARS) == (expected == 2)  # A3 portrait: ~70 characters a line


def test_an_explicit_choice_wins() -> None:
    assert exam_columns("A3", "portrait", 1, 10.5) == 1
    assert exam_columns("A4", "portrait", 2, 10.5) == 2
