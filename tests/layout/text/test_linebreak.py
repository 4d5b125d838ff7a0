"""Line-breaking rules as tables of input, width and expected lines (monospaced 10 pt font)."""

from __future__ import annotations

import random

import pytest

from exampdf.layout.text import linebreak
from exampdf.layout.text.fonts import register_fonts
from exampdf.layout.text.jlreq import may_end_line, may_start_line
from exampdf.layout.text.linebreak import Line, break_lines
from exampdf.layout.text.textrun import Run

MONO, BODY = "exampdf-mono", "exampdf-mincho"
EM = 10.0  # BIZ UDGothic at 10 pt: every Japanese character 10 pt, every Latin one 5 pt


@pytest.fixture(scope="module", autouse=True)
def _fonts() -> None:
    register_fonts()


def lay(text: str, chars: float, **kw: object) -> tuple[Line, ...]:
    return break_lines([Run(text, MONO, EM)], chars * EM, **kw)  # type: ignore[arg-type]


def texts(text: str, chars: float, **kw: object) -> list[str]:
    return [ln.text for ln in lay(text, chars, **kw)]


NINE = "あ" * 9
NOT_START = list("」）)］]｣’”〕】』〉》〜‐！？!?・：；:;･。．.｡、，,､ーｰ々ゝヽぁっゃァッャㇰｯｧ")
NOT_END = list("「（(［[｢‘“〔【『〈《")


@pytest.mark.parametrize("c", NOT_START)
def test_no_line_starts_with_a_closing_or_small_character(c: str) -> None:
    # The tenth character fills the line; c must not start the next: push the pair out.
    assert texts(NINE + "い" + c + "う", 10) == [NINE, "い" + c + "う"]


@pytest.mark.parametrize("c", NOT_END)
def test_no_line_ends_with_an_opening_bracket(c: str) -> None:
    assert texts(NINE + c + "いう", 10) == [NINE, c + "いう"]


def test_classes_agree_with_predicates() -> None:
    assert not any(may_start_line(c) for c in NOT_START)
    assert not any(may_end_line(c) for c in NOT_END)
    assert all(may_start_line(c) and may_end_line(c) for c in "あ漢カAa1　")


@pytest.mark.parametrize(
    ("text", "chars", "expected"),
    [
        # push-in: the commas' blank halves absorb the full stop (10 pt needed, 25 pt available)
        ("あ、い、う、え、おか。きく", 10, ["あ、い、う、え、おか。", "きく"]),
        # push-out: one blank half (5 pt) cannot absorb a full-width 。 (10 pt)
        ("あいうえおかきくけこ。さ", 10, ["あいうえおかきくけ", "こ。さ"]),
        # a run of closing punctuation travels together
        ("あ、い、う、え、おか。\nき", 10, ["あ、い、う、え、おか。", "き"]),
        ("あいうえおかきくけこ。」さ", 10, ["あいうえおかきくけ", "こ。」さ"]),
        # inseparable leaders stay together
        (NINE + "……いう", 10, [NINE, "……いう"]),
        (NINE + "――いう", 10, [NINE, "――いう"]),
        # numbers keep their unit and percent sign; decimals and URLs are one word
        ("あ" * 8 + "100%です", 10, ["あ" * 8, "100%です"]),
        ("あ" * 8 + "3.14です", 10, ["あ" * 8, "3.14です"]),
        ("あ" * 8 + "10円です", 10, ["あ" * 8, "10円です"]),
        ("あ" * 6 + "https://x.jp/aの", 10, ["あ" * 6, "https://x.jp/aの"]),
        # an opening bracket inside a word keeps what follows: f( never ends a line
        ("あ" * 8 + "f(引数)", 10, ["あ" * 8, "f(引数)"]),
        # Latin words break at spaces only; the space is dropped at the break
        ("hello world again", 6, ["hello world", "again"]),
        # an over-long URL breaks after / (and never between the two slashes)
        (
            "https://example.com/abc/defghij/klmnop",
            10,
            ["https://example.com/", "abc/defghij/klmnop"],
        ),
        ("snake_case_identifier_name", 8, ["snake_case_", "identifier_name"]),
        # rather than leave a loose line, a URL that fits a line still breaks after / or .
        (
            "あいうえおかきくけこ https://example.com/abcdefgh",
            20,
            ["あいうえおかきくけこ https://example.", "com/abcdefgh"],
        ),
        # but never inside a number
        (
            "あいうえおかきくけこ 3.141592653589793238462",
            20,
            ["あいうえおかきくけこ", "3.141592653589793238462"],
        ),
        # a word with no sensible point breaks anywhere as a last resort
        ("a" * 25, 10, ["a" * 20, "a" * 5]),
        # forced breaks and blank lines
        ("あいう\nえお", 10, ["あいう", "えお"]),
        ("あ\n\nい", 10, ["あ", "", "い"]),
        # leading 字下げ kept, full width
        ("\u3000あいうえおかきくけこ", 10, ["\u3000あいうえおかきくけ", "こ"]),
    ],
)
def test_break_table(text: str, chars: float, expected: list[str]) -> None:
    assert texts(text, chars) == expected


def test_push_in_compresses_to_the_width() -> None:
    first = lay("あ、い、う、え、おか。きく", 10)[0]
    assert first.natural == pytest.approx(110)
    assert first.shrink == pytest.approx(10)
    last = first.pieces[-1]
    assert last.x + last.width <= 100 + 5 + 0.01  # 。 keeps its glyph; only its blank is gone


def test_hanging_only_when_asked() -> None:
    text = "あいうえおかきくけこ。さ"
    assert texts(text, 10, hanging=True) == ["あいうえおかきくけこ。", "さ"]
    hung = lay(text, 10, hanging=True)[0]
    end = hung.pieces[-1]
    assert hung.hang and end.x + end.width == pytest.approx(110)  # 。 hangs past 100
    assert texts("あいうえおかきくけこ」さ", 10, hanging=True) == ["あいうえおかきくけ", "こ」さ"]


def test_wakan_quarter_em_between_japanese_and_latin() -> None:
    assert lay("あA", 10)[0].natural == pytest.approx(10 + 5 + 2.5)
    assert lay("Aあ", 10)[0].natural == pytest.approx(17.5)
    assert lay("あ A", 10)[0].natural == pytest.approx(20)  # a space is already there
    assert lay("「A」", 10)[0].natural == pytest.approx(25)  # none against brackets
    runs = [Run("あ", MONO, EM), Run("x=1", MONO, EM, back=(0.9, 0.9, 0.9)), Run("い", MONO, EM)]
    line = break_lines(runs, 100)[0]
    assert line.natural == pytest.approx(10 + 15 + 10 + 2 * 2.5)
    assert [p.x for p in line.pieces] == pytest.approx([0, 12.5, 30])


def test_wakan_glue_dropped_at_line_start() -> None:
    lines = lay("あいうえおかきくけこABC", 10)
    assert [ln.text for ln in lines] == ["あいうえおかきくけこ", "ABC"]
    assert lines[1].pieces[0].x == 0


def test_justified_lines_are_flush_and_last_line_ragged() -> None:
    text = "深層学習における Fine-tuning とは、既に大規模データで学習された 100% のモデルを、" * 4
    width = 173.3
    lines = break_lines([Run(text, BODY, 10.5)], width)
    assert len(lines) > 3
    for ln in lines[:-1]:
        end = ln.pieces[-1]
        assert end.x + end.width == pytest.approx(width, abs=0.01)
        assert ln.width == pytest.approx(width, abs=0.01)
    assert lines[-1].gap == 0 and lines[-1].width < width


def test_word_spaces_and_wakan_stretch_before_character_gaps() -> None:
    # natural 92.5: 7.5 pt of slack fit in three spaces (+2.5 each) and one 和欧間 (+2.5)
    first = lay("あいう ab cd えおAかきくけこ", 10)[0]
    assert first.text == "あいう ab cd えおA"
    assert first.gap == 0
    assert first.stretch.space == pytest.approx(0.375) and first.stretch.glue == pytest.approx(0.75)
    assert first.pieces[-1].x + first.pieces[-1].width == pytest.approx(100)
    # natural 95: the space takes 2.5 pt at most, the 9 character gaps share the rest
    line = lay("あいうえおかきく ab「こ", 10)[0]
    assert line.text == "あいうえおかきく ab"
    assert line.stretch.space == 0.5 and line.gap == pytest.approx(2.5 / 9)
    assert line.pieces[-1].x + line.pieces[-1].width == pytest.approx(100)


def test_no_stretch_inside_latin_words() -> None:
    line = break_lines([Run("あい Python いう" * 6, BODY, 10.5)], 150)[0]
    words = [p for p in line.pieces if p.text.strip().isascii() and p.text.strip()]
    assert words and all(p.char_space == 0 for p in words)


def test_forced_line_not_justified() -> None:
    first = lay("あいう\nえお", 10)[0]
    assert first.forced and first.gap == 0 and first.width == pytest.approx(30)


def test_first_indent_and_alignment() -> None:
    lines = lay("あいうえおかきくけこさし", 10, first_indent=20)
    assert [ln.text for ln in lines] == ["あいうえおかきく", "けこさし"]
    assert lines[0].pieces[0].x == 20
    assert lay("あい", 10, align="center")[0].pieces[0].x == pytest.approx(40)
    assert lay("あい", 10, align="right")[0].pieces[0].x == pytest.approx(80)


def test_pieces_after_a_full_width_space_are_placed_explicitly() -> None:
    # BIZ UDP fonts advance U+3000 by 2/3 em; we set it at 1 em, so text after it
    # must be a new piece at its own x rather than follow the font's advance.
    line = break_lines([Run("あ\u3000い", BODY, 10)], 100)[0]
    assert [p.text for p in line.pieces] == ["あ\u3000", "い"]
    assert line.pieces[1].x == pytest.approx(line.natural - line.pieces[1].width)


def test_full_width_space_is_a_full_em() -> None:
    assert break_lines([Run("\u3000あ", BODY, 10)], 100)[0].natural == pytest.approx(
        10 + break_lines([Run("あ", BODY, 10)], 100)[0].natural
    )


def test_phrases_prefer_budoux_boundaries() -> None:
    text = "今日はとても良い天気ですね"
    plain = texts(text, 5)
    phrased = texts(text, 5, phrases=True)
    assert plain[0] == "今日はとて"
    assert phrased[0] == "今日は"
    assert "".join(phrased) == text
    # a phrase longer than the line falls back to character breaks
    assert texts("あいうえおかきくけこさしすせそ", 5, phrases=True)[0] == "あいうえお"


def test_a_paragraph_that_fits_one_line_breaks_as_the_unit_walk_breaks_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The one-line shortcut (no unit regex, no greedy walk) gives the very Line the general
    path gives, floats and all, on random short texts of every awkward kind: leading and
    trailing spaces, brackets, non-starters, full-width spaces, ruby, inline code, indents."""
    rnd = random.Random(5)
    alphabet = "あい漢字ABab 1　、。「」()（）・ー!?\t/"
    cases = []
    for _ in range(3000):
        runs = [
            Run(
                "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 12))),
                rnd.choice([MONO, BODY]),
                rnd.choice([10.0, 9.0]),
                back=rnd.choice([None, None, (0.9, 0.9, 0.9)]),
                ruby=rnd.choice(["", "", "", "ふりがな"]),
            )
            for _ in range(rnd.randint(1, 3))
        ]
        width = rnd.choice([60.0, 150.0, 400.0])
        kw = {
            "align": rnd.choice(["justify", "left", "center", "right"]),
            "hanging": rnd.choice([False, True]),
            "phrases": rnd.choice([False, True]),
        }
        cases.append((runs, width, rnd.choice([0.0, 0.0, 10.0, -10.0]), kw))
    fast = [break_lines(r, w, i, **kw) for r, w, i, kw in cases]  # type: ignore[arg-type]
    monkeypatch.setattr(linebreak, "_one_line", lambda t, limit: False)
    slow = [break_lines(r, w, i, **kw) for r, w, i, kw in cases]  # type: ignore[arg-type]
    assert fast == slow
    assert sum(len(lines) == 1 for lines in slow) > 1000  # the shortcut was taken often
