"""Runs of line-start-prohibited characters wider than a line (found by the property test
in test_jparagraph.py): pushed out whole, else broken by JLREQ's looser rule, never overflowing."""

from __future__ import annotations

import pytest

from exampdf.layout.text.fonts import register_fonts
from exampdf.layout.text.linebreak import break_lines
from exampdf.layout.text.textrun import Run

BODY = "exampdf-mincho"  # proportional: 。 is 6.3 pt at 10.5 pt, with 1.05 pt to squeeze


@pytest.fixture(scope="module", autouse=True)
def _fonts() -> None:
    register_fonts()


def lines(text: str, width: float) -> list[tuple[str, float]]:
    out = break_lines([Run(text, BODY, 10.5)], width)
    return [(ln.text, max(p.x + p.width for p in ln.pieces)) for ln in out]


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        # 語。。。。。ーー is 61.96 pt, 56.7 pt squeezed: the whole cluster is pushed out.
        ("日本語。。。。。ーー", 60, ["日本", "語。。。。。ーー"]),
        ("日本。。。。。ーー", 60, ["日", "本。。。。。ーー"]),
        ("日本語。。。。。ーー", 78, ["日本語。。。。。ーー"]),  # 82.96 pt, 77.7 squeezed
        ("あ日本語。。。。。ーー", 60, ["あ日本", "語。。。。。ーー"]),
        # No strict break fits squeezed: break before ー (looser rule), keep …… whole.
        ("……。。。。。。ーー", 60, ["……。。。。。。", "ーー"]),
        ("日……。。。。。。ーー", 60, ["日", "……。。。。。。", "ーー"]),
        ("……。。。。。。っー", 60, ["……。。。。。。", "っー"]),
    ],
)
def test_wide_runs_of_non_starters(text: str, width: float, expected: list[str]) -> None:
    got = lines(text, width)
    assert [t for t, _ in got] == expected
    assert all(end <= width + 0.01 for _, end in got)


def test_no_legal_break_at_all_still_fits() -> None:
    # Twenty full stops: nothing may start a line, so the last resort cuts anywhere.
    got = lines("。" * 20, 60)
    assert "".join(t for t, _ in got) == "。" * 20 and len(got) > 1
    assert all(end <= 60.01 for _, end in got)


def test_last_resort_keeps_an_opening_bracket_with_what_follows() -> None:
    # f(x)！」！ is 47.9 pt with nothing to squeeze: something must start a line, not end one.
    got = lines("文章f(x)！」！日本語", 40)
    assert all(not t.endswith("(") for t, _ in got[:-1])
    assert all(end <= 40.01 for _, end in got)
