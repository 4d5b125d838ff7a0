"""Total fit: paragraphs where first fit leaves a very loose line and total fit does not."""

from __future__ import annotations

import pytest

from exampdf.layout.text import linebreak
from exampdf.layout.text.fonts import register_fonts
from exampdf.layout.text.hyphenate import hyphen_points
from exampdf.layout.text.linebreak import Line, break_lines
from exampdf.layout.text.textrun import Run

MONO = "exampdf-mono"
EM = 10.0  # BIZ UDGothic at 10 pt: every Japanese character 10 pt, every Latin one 5 pt
TINT = (0.93, 0.93, 0.93)


@pytest.fixture(scope="module", autouse=True)
def _fonts() -> None:
    register_fonts()


def lay(runs: list[Run], chars: float) -> tuple[Line, ...]:
    return break_lines(runs, chars * EM)


def greedy(runs: list[Run], chars: float, monkeypatch: pytest.MonkeyPatch) -> tuple[Line, ...]:
    """First fit alone: what the engine set before total fit."""
    with monkeypatch.context() as m:
        m.setattr(linebreak, "total_fit", lambda *a: None)
        return lay(runs, chars)


def spacing(lines: tuple[Line, ...]) -> float:
    """The widest letter spacing of the justified lines, in em."""
    return max(ln.stretch.gap for ln in lines[:-1]) / EM


def mono(text: str) -> list[Run]:
    return [Run(text, MONO, EM)]


TABLE = [
    # an English term in brackets: first fit pushes it down and spaces out 12 characters
    (
        mono(
            "この方式について、正規化（normalization）の観点から説明した記述として適切なものを考える。"
        ),
        19,
        [
            "この方式について、正規化（normalization）",
            "の観点から説明した記述として適切なもの",
            "を考える。",
        ],
    ),
    # numbers with units
    (
        mono(
            "ある企業のネットワークを導入すると、通信速度が 1.5GHz から 2048 ビット "
            "に向上することが知られている。"
        ),
        13,
        [
            "ある企業のネットワークを導",
            "入すると、通信速度が 1.5GHz",
            "から 2048 ビット に向上す",
            "ることが知られている。",
        ],
    ),
    (
        mono(
            "Web アプリケーションは、再現率（Recall）を用いて 12ms "
            "以内に応答を返すよう設計されている。"
        ),
        13,
        [
            "Web アプリケーションは、再",
            "現率（Recall）を用いて 12ms",
            "以内に応答を返すよう設計さ",
            "れている。",
        ],
    ),
    # inline code (tinted run)
    (
        [
            Run("次のシステムでは、", MONO, EM),
            Run("git commit -m", MONO, EM, back=TINT),
            Run(" を使って要素を追加するたびにメモリの確保が必要になる場合がある。", MONO, EM),
        ],
        14,
        [
            "次のシステムでは、git commit",
            "-m を使って要素を追加するた",
            "びにメモリの確保が必要になる",
            "場合がある。",
        ],
    ),
    # nothing but a hyphen gives a good first line: dead-lock (pyphen, en_US)
    (
        mono("この方式の検証では、deadlock の値が 12ms を下回ったため設定を見直した。"),
        13,
        ["この方式の検証では、dead", "lock の値が 12ms を下回っ", "たため設定を見直した。"],
    ),
]


@pytest.mark.parametrize(("runs", "chars", "expected"), TABLE)
def test_total_fit_avoids_the_very_loose_line(
    runs: list[Run], chars: int, expected: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    first_fit = greedy(runs, chars, monkeypatch)
    assert spacing(first_fit) > 0.20  # what the engine set before
    lines = lay(runs, chars)
    assert [ln.text for ln in lines] == expected
    assert spacing(lines) <= 0.10
    for ln in lines[:-1]:  # still flush right
        end = ln.pieces[-1]
        assert end.x + end.width == pytest.approx(chars * EM, abs=0.01)


def test_a_last_line_of_one_character_is_avoided(monkeypatch: pytest.MonkeyPatch) -> None:
    runs = mono("この方式を導入すると、通信速度が 256MB から 1 Gbps に向上することが知られている。")
    assert greedy(runs, 19, monkeypatch)[-1].text == "る。"
    assert [ln.text for ln in lay(runs, 19)] == [
        "この方式を導入すると、通信速度が 256MB",
        "から 1 Gbps に向上することが知られて",
        "いる。",
    ]


def test_push_in_is_taken_before_spacing_out() -> None:
    # the brackets and the comma give up their blank halves (15 pt) so the term fits
    lines = lay(
        mono(
            "この方式は、正規化（normalization）を用いて 3.2秒 以内に応答を返すよう設計されている。"
        ),
        16,
    )
    assert lines[0].text == "この方式は、正規化（normalization）"
    assert lines[0].shrink == pytest.approx(15) and spacing(lines) == 0


def test_hyphen_is_drawn_after_the_word_inside_the_measure() -> None:
    lines = lay(mono("この方式の検証では、deadlock の値が 12ms を下回ったため設定を見直した。"), 13)
    end = lines[0].pieces[-1]
    assert lines[0].hyphen and lines[0].text.endswith("dead")  # the text is the source's
    assert end.text.endswith("dead-") and end.x + end.width == pytest.approx(130, abs=0.01)
    assert lines[1].start == lines[0].end  # nothing dropped: the word goes on
    assert lines[0].width == pytest.approx(130, abs=0.01)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Infrastructure", False),  # an English word of 7+ letters
        ("Precision.", False),  # sentence punctuation after it is fine
        ("Service", False),
        ("Recall", False),  # too short
        ("ALGORITHM", False),  # all capitals: an acronym
        ("numpy.ndarray", False),  # identifiers, file names and URLs
        ("snake_case_identifier", False),
        ("https://example.com/documentation", False),
        ("version2release", False),
        ("Infrastructure", True),  # inline code
    ],
)
def test_only_plain_long_english_words_take_hyphens(text: str, code: bool) -> None:
    runs = [Run("あ", MONO, EM), Run(text, MONO, EM, back=TINT if code else None)]
    points = hyphen_points("あ" + text, runs, (0, 1))
    eligible = text.rstrip(".") in ("Infrastructure", "Precision", "Service") and not code
    assert bool(points) == eligible
    assert all(1 < p < 1 + len(text) for p in points)
