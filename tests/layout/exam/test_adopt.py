"""Later exam slices that start from the forms an earlier slice in the same process placed
(pdf/forms.py adopt) write the same bytes as slices that register each form on first use,
including the names of the forms a later slice paints itself (S…, numbered after the forms
placed before them)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from exampdf.layout.text import jparagraph
from exampdf.pdf import canvas as paint_canvas
from exampdf.pdf import forms
from exampdf.pdf.state import paint_state
from tests.helpers.makeoutputs import make_outputs
from tests.layout.exam.banks import SAMPLE, long_question_bank, picks_bank
from tests.layout.exam.test_direct import _mixed_bank, _varied_bank


def _both(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]) -> Counter[str]:
    """Build with adoption and without; assert equal outputs; the counts of the first."""
    counts: Counter[str] = Counter()
    adopt, new_name = forms.adopt, forms.new_form_name

    def counted_adopt(canvas: Any, seed_forms: Any) -> None:
        adopt(canvas, seed_forms)
        counts["adopted"] += paint_state(canvas).adopted is not None

    def counted_new_name(canvas: Any, key: Any) -> str:
        counts["painted when adopted"] += paint_state(canvas).adopted is not None
        return new_name(canvas, key)

    with monkeypatch.context() as m:
        m.setattr(paint_canvas, "adopt", counted_adopt)
        m.setattr(jparagraph, "new_form_name", counted_new_name)
        adopted = make_outputs(tmp_path / "adopted", args)
    with monkeypatch.context() as m:
        m.setattr(paint_canvas, "adopt", lambda *a: None)
        registered = make_outputs(tmp_path / "registered", args)
    assert adopted.keys() == registered.keys()
    for name in adopted:
        assert adopted[name] == registered[name], name
    return counts


def test_sections_with_picks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Later slices print questions version 0 has not: they paint forms of their own."""
    _varied_bank(tmp_path / "src", 12)
    args = (*picks_bank(tmp_path, tmp_path / "src"), "--versions", "40", "--paper", "B4")
    counts = _both(tmp_path, monkeypatch, args)
    assert counts["adopted"] >= 2 and counts["painted when adopted"] > 0


@pytest.mark.parametrize(
    "extra",
    [
        ("--paper", "A4", "--label-style", "ア", "--show-points", "--key-per-version"),
        ("--paper", "B4", "--orientation", "landscape", "--columns", "2", "--cover"),
    ],
)
def test_mixed_bank(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extra: tuple[str, ...]
) -> None:
    """Formulas, links, written answers, a table, an image (an XObject that is not a
    paragraph form), ruby, pinned options, a cover."""
    bank = _mixed_bank(tmp_path / "bank")
    counts = _both(tmp_path, monkeypatch, (str(bank), "--versions", "30", *extra))
    assert counts["adopted"] >= 2


def test_sample_bank_with_roster_and_sheets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, roster: Path
) -> None:
    args = (str(SAMPLE), "--cover", "--answer-sheet", "--roster", str(roster), "--versions", "30")
    counts = _both(tmp_path, monkeypatch, args)
    assert counts["adopted"] >= 1


def test_a_version_laid_out_again_with_its_own_forms(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A question taller than a column in some versions (platypus lays those out, and the
    slice is laid out again): a later slice paints that question's forms itself, so its grid
    is not the template's to share with the next canvas."""
    args = long_question_bank(tmp_path)
    assert _both(tmp_path, monkeypatch, args)["adopted"] >= 1
