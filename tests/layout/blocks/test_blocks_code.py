"""Code blocks on the page: line numbers, tabs, 1:2 Japanese alignment, wrapping, page splits."""

from __future__ import annotations

from pathlib import Path

import pytest

from exampdf.layout.blocks.codeblock import CONTINUATION, expand_tabs
from tests.helpers.blockpdf import lines_of, typeset


def _rows(tmp_path: Path, md: str, page: int = 0) -> list[list[dict[str, object]]]:
    return lines_of(typeset(tmp_path, md).chars(page))


def _text(row: list[dict[str, object]]) -> str:
    return "".join(str(c["text"]) for c in row)


def test_japanese_comments_line_up_with_ascii_columns(tmp_path: Path) -> None:
    md = "```python\nab = 1  # x\n日本 = 2  # x\nabcd = 3  # x\n```\n"
    rows = _rows(tmp_path, md)
    hashes = [next(float(c["x0"]) for c in r if c["text"] == "#") for r in rows]
    # 「日本」 is two full-width characters = four half-width cells, like "abcd"
    assert hashes[1] == pytest.approx(hashes[2], abs=0.01)
    cell = (hashes[2] - hashes[0]) / 2
    left = float(rows[0][0]["x0"])
    for r in rows:
        for c in r:
            cells = (float(c["x0"]) - left) / cell
            assert cells == pytest.approx(round(cells), abs=0.01), c["text"]


def test_tabs_expand_to_four_cell_stops_counting_wide_characters() -> None:
    assert expand_tabs("\tx") == "    x"
    assert expand_tabs("ab\tx") == "ab  x"
    assert expand_tabs("日本\tx") == "日本    x"  # 4 cells used: the next stop is 8
    assert expand_tabs("日\tx") == "日  x"


def test_line_numbers_on_request_only_on_first_rows(tmp_path: Path) -> None:
    long = "x = '" + "a" * 120 + "'"
    md = f"```python {{linenos}}\nfirst = 1\n{long}\nlast = 3\n```\n"
    rows = _rows(tmp_path, md)
    texts = [_text(r) for r in rows]
    assert texts[0].startswith("1first") and texts[-1].startswith("3last")
    assert texts[1].startswith("2x")
    continued = texts[2:-1]
    assert continued and all(t.startswith(CONTINUATION) for t in continued)
    numbers = [r[0] for r in (rows[0], rows[1], rows[-1])]
    assert all(n["non_stroking_color"] != (0, 0, 0) for n in numbers), "numbers are grey"
    assert max(c["x1"] for r in rows for c in r) <= 400 - 56 + 0.5


def test_no_line_numbers_by_default(tmp_path: Path) -> None:
    texts = [_text(r) for r in _rows(tmp_path, "```python\nfirst = 1\n```\n")]
    assert texts == ["first = 1"]


def test_long_block_splits_at_line_boundaries_with_background_on_both_pages(
    tmp_path: Path,
) -> None:
    code = "\n".join(f"print({i})  # 行{i}" for i in range(60))
    pdf = typeset(tmp_path, f"```python\n{code}\n```\n")
    assert len(pdf.pages) >= 2
    seen: list[str] = []
    for n in range(len(pdf.pages)):
        rows = lines_of(pdf.chars(n))
        seen += [_text(r) for r in rows]
        boxes = [r for r in pdf.pages[n]["rects"] if r["non_stroking_color"] != (1, 1, 1)]
        assert boxes, f"background on page {n + 1}"
        top = max(float(b["bottom"]) for b in boxes)
        bottom = min(float(b["top"]) for b in boxes)
        assert all(bottom <= float(r[0]["top"]) and float(r[0]["bottom"]) <= top for r in rows)
    assert seen == [f"print({i})  # 行{i}" for i in range(60)], "whole lines, in order, once"
