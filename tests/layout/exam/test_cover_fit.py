"""Issue 16 item 4: a long name in a fixed cell shrinks (or wraps) and never crosses a rule."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from click.testing import CliRunner

from exampdf.cli import main
from exampdf.layout.exam.cover import MIN_SIZE, _fit
from exampdf.layout.text.fonts import register_fonts

ROOT = Path(__file__).resolve().parents[3]
NAMES = [
    "長谷川 フランチェスカ 美智子ヴィクトリア",
    "Alexandria Catherine Montgomery-Fitzwilliam Vanderbilt",
]


@pytest.mark.parametrize("name", NAMES)
def test_a_long_name_stays_inside_its_cell(tmp_path: Path, name: str) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(f"学籍番号,組,番号,氏名\n2301,1,1,{name}\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ["make", str(ROOT / "questions"), "-o", str(out), "--roster", str(roster), "--cover"]
    result = CliRunner().invoke(main, [*args, "-q"])
    assert result.exit_code == 0, result.output
    with pdfplumber.open(out / "exam.pdf") as pdf:
        page = pdf.pages[0]  # the cover
        label = next(w for w in page.extract_words() if w["text"] == "氏名")
        chars = [c for c in page.chars if c["top"] > label["top"] - 20 and c["x0"] > label["x1"]]
        chars = [c for c in chars if c["bottom"] < label["bottom"] + 20]
        rules = sorted(
            x["x0"]
            for x in page.lines + page.rects
            if abs(x["x0"] - x["x1"]) < 0.5 and x["top"] <= label["top"] <= x["bottom"]
        )
        left = max(x for x in rules if x <= label["x1"] + 8)  # the rule after the 氏名 label
        right = min(x for x in rules if x > left + 1)
    assert chars, "the name is printed"
    assert left < min(c["x0"] for c in chars) and max(c["x1"] for c in chars) < right


def test_fit_shrinks_then_wraps_never_below_the_minimum() -> None:
    font = register_fonts().bold
    assert _fit("山田 花子", font, 10.5, 200) == (["山田 花子"], 10.5)
    lines, size = _fit(NAMES[0], font, 10.5, 150)
    assert lines == [NAMES[0]] and MIN_SIZE <= size < 10.5
    lines, size = _fit(NAMES[1], font, 10.5, 120)
    assert (
        lines == ["Alexandria Catherine", "Montgomery-Fitzwilliam Vanderbilt"] and size >= MIN_SIZE
    )
