"""Composed exam pages against platypus' own: the same bytes in every output, on varied banks.

Every build runs twice: as `make` runs (versions composed by layout/exam/compose.py, the few
it cannot compose laid out by platypus) and with composition turned off (platypus for every
version, the layout before composition, balanced last pages from a second pass). Equal
bytes mean every placement, page break, balanced column and cursor is the same; the
counts show which path each build took, so no case passes without composing.
"""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from exampdf.layout.exam import compose
from exampdf.layout.page.paper import geometry
from exampdf.layout.text.jparagraph import JParagraph, ParaStyle
from exampdf.layout.text.textrun import Run
from exampdf.layout.theme import make_theme
from tests.helpers.makeoutputs import make_outputs
from tests.layout.exam.banks import ROOT, SAMPLE, long_question_bank


def _counting(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    counts = {"composed": 0, "fallback": 0}
    painters, fallback = compose.painters, compose.fallback

    def counted_painters(*args: Any) -> Any:
        counts["composed"] += 1
        return painters(*args)

    def counted_fallback(*args: Any) -> Any:
        counts["fallback"] += 1
        return fallback(*args)

    monkeypatch.setattr(compose, "painters", counted_painters)
    monkeypatch.setattr(compose, "fallback", counted_fallback)
    return counts


def _both(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]) -> dict[str, int]:
    """Build twice, composed and not; assert equal outputs; the composed build's counts."""
    with monkeypatch.context() as m:
        counts = _counting(m)
        composed = make_outputs(tmp_path / "composed", args)
    with monkeypatch.context() as m:
        m.setattr(compose, "walk", lambda *a, **k: None)
        plain = make_outputs(tmp_path / "platypus", args)
    assert composed.keys() == plain.keys()
    for name in composed:
        assert composed[name] == plain[name], name
    return counts


@pytest.mark.parametrize(
    "paper",
    [
        (),  # A4, one column
        ("--paper", "B4", "--orientation", "landscape", "--columns", "2"),
        ("--paper", "A3"),  # two columns by default
    ],
)
def test_sample_bank_with_cover_roster_and_sheets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, roster: Path, paper: tuple[str, ...]
) -> None:
    """Code blocks in stems (blocks whose height depends on the room), a cover, names from a
    roster, answer sheets, keys per version; balanced last pages in two columns."""
    args = (str(SAMPLE), "--cover", "--answer-sheet", "--key-per-version", "--roster", str(roster))
    counts = _both(tmp_path, monkeypatch, (*args, *paper))
    assert counts == {"composed": 3, "fallback": 0}


def test_sections_with_picks_and_no_cover(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bank = tmp_path / "bank"
    files = sorted(SAMPLE.glob("*.md"))
    for i, f in enumerate(files):
        part = bank / ("part1" if i % 2 else "part2")
        part.mkdir(parents=True, exist_ok=True)
        shutil.copy(f, part / f.name)
    toml = tmp_path / "exam.toml"
    toml.write_text('[[sections]]\ngroup = "part1"\n[[sections]]\ngroup = "part2"\npick = 3\n')
    args = (str(bank), "--config", str(toml), "--versions", "4", "--paper", "B4")
    assert _both(tmp_path, monkeypatch, args) == {"composed": 4, "fallback": 0}


def _varied_bank(folder: Path, n: int) -> None:
    spec = importlib.util.spec_from_file_location("varied_bank", ROOT / "bench" / "varied_bank.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write_bank(folder, n, 3)


@pytest.mark.parametrize("paper", [("--paper", "A4"), ("--paper", "A3", "--cover")])
def test_varied_prose(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, paper: tuple[str, ...]
) -> None:
    _varied_bank(tmp_path / "bank", 24)
    args = (str(tmp_path / "bank"), "--versions", "5", *paper)
    assert _both(tmp_path, monkeypatch, args) == {"composed": 5, "fallback": 0}


def test_a_question_taller_than_a_column_leaves_its_version_to_platypus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Split with 「（続く）」 by platypus, as before; the other versions are still composed."""
    args = long_question_bank(tmp_path)
    counts = _both(tmp_path, monkeypatch, args)
    assert counts["fallback"] > 0 and counts["composed"] > 0


class _Frame:
    """The Frame internals the walk reads, as ReportLab's Frame sets them."""

    def __init__(self, x: float, y: float, w: float, h: float, name: str) -> None:
        self._x, self._y1, self._width, self._height = x, y, w, h
        self._y2, self._y1p, self._topPadding = y + h, y, 0
        self._aW, self._leftExtraIndent, self._rightExtraIndent = w, 0.0, 0.0
        self._oASpace, self.id = 1, name
        self._y, self._atTop, self._prevASpace = y + h, 1, 0

    def _getAvailableWidth(self) -> float:
        return self._aW - self._leftExtraIndent - self._rightExtraIndent


def _blocks(heights: list[int]) -> Iterator[Any]:
    from exampdf.layout.blocks.stack import QuestionBlock, Stack

    theme = make_theme("mincho", 10.5)
    label = JParagraph([Run("問", theme.fonts.bold, 10)], ParaStyle(leading=14))
    for i, lines in enumerate(heights):
        text = "あ" * (40 * lines)
        body = JParagraph([Run(text, theme.fonts.body, 10)], ParaStyle(leading=14))
        yield QuestionBlock(f"q{i}", label, Stack([body]), 30, 14, steady=True)


def test_walk_moves_blocks_on_balances_and_refuses_what_must_split() -> None:
    g = geometry("B4", "landscape", 2)
    frames = [_Frame(x, y, w, h, f"col{i}") for i, (x, y, w, h) in enumerate(g.column_frames())]
    blocks = list(_blocks([3, 3, 3, 3]))
    done = compose.walk(blocks, frames, 0, (frames[0]._y, True, 0))
    assert done is not None
    placed, _ = done
    assert [p.frame for p in placed] == [0, 0, 0, 0]  # short blocks: all in the left column
    cut = compose.balance_cut(placed, g)
    assert cut == 2  # two and two
    placed, _ = compose.walk(blocks, frames, 0, (frames[0]._y, True, 0), (cut,)) or ([], None)
    assert [p.frame for p in placed] == [0, 0, 1, 1]
    assert placed[2].y == placed[0].y  # the right column starts at the top as the left did
    tall = list(_blocks([2, 400]))
    assert compose.walk(tall, frames, 0, (frames[0]._y, True, 0)) is None
