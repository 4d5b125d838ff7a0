"""Issue 16 item 14: "all/none of the above" is recognised by meaning and pinned last;
look-alikes that would be shuffled get W015."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exampdf.parse import parse_text
from exampdf.parse.wording import is_auto_pin, looks_like_catch_all

# Real phrasings teachers write; every one of these moved in the shuffle before.
REAL = [
    "上記のいずれでもない（どれも誤り）",
    "上記いずれでもない",
    "上記のいずれも正しい",
    "A〜Dのすべて",
    "以上のどれも当てはまらない",
    "None of the above (it depends)",
    "None of these answers",
    "上記の選択肢はすべて誤り",
    "ア〜エのいずれでもない",
    "AからDまですべて正しい",
    "１～４のいずれも誤り",
    "これらすべて",
    "All of the other options",
    "Both of the above are correct",
    "上記のすべての説明は誤り",
    "上記に該当なし",
]
ORDINARY = [
    "東京",
    "上記の値",
    "すべての要素を走査する",
    "`list`",
    "1〜4のいずれか一つ",
    "x が 1 以上",
    "上記以外の値",
    "all values are cached",
    "the above code raises an error",
    "O(n log n)",
    "いずれかが真",
]


@pytest.mark.parametrize("text", REAL)
def test_real_phrasings_are_pinned(text: str) -> None:
    assert is_auto_pin(text) and not looks_like_catch_all(text)


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_options_are_not(text: str) -> None:
    assert not is_auto_pin(text) and not looks_like_catch_all(text)


REFS = ["上記", "以上", "これら", "A〜D", "ア～エ", "1-4", "AからD"]
PARTICLES = ["", "の", "の選択肢は", " "]
QUANTS = ["すべて", "全て", "いずれでもない", "いずれも誤り", "どれも正しい", "全部"]
TAILS = ["", "。", "（どれも誤り）", "(補足あり)", " ※注意", "が正しい"]


@given(
    st.sampled_from(REFS),
    st.sampled_from(PARTICLES),
    st.sampled_from(QUANTS),
    st.sampled_from(TAILS),
    st.booleans(),
)
def test_generated_japanese_phrasings(
    ref: str, particle: str, quant: str, tail: str, wide: bool
) -> None:
    text = f"{ref}{particle}{quant}{tail}"
    if wide:  # full-width forms, as an IME types them
        text = text.translate({c: c + 0xFEE0 for c in range(0x21, 0x7F)})
    assert is_auto_pin(text)
    # the same words after something else do not lead the option: shuffled, but warned
    assert not is_auto_pin(f"答えは{text}") and looks_like_catch_all(f"答えは{text}")


@given(
    st.sampled_from(["None", "All", "Neither", "Both", "NONE", "all"]),
    st.sampled_from([" of the above", " of these", " the above", " of the other options"]),
    st.sampled_from(["", ".", " (it depends)", " answers", " are correct"]),
)
def test_generated_english_phrasings(quant: str, ref: str, tail: str) -> None:
    assert is_auto_pin(f"{quant}{ref}{tail}")


@given(st.text(alphabet=st.sampled_from("東京大阪値関数がをの1234abc xyz()、。"), max_size=30))
def test_text_without_references_is_never_pinned(text: str) -> None:
    assert not is_auto_pin(text) or text.strip(" 。") in ("", "none")


QUESTION = """\
# t

## 問題
正しいものを選べ。

## 選択肢
A. 1
B. 2
C. 3
D. {d}
E. 5

## 正解
A
"""


def test_pinned_and_warned_in_the_parsed_question() -> None:
    question, diags = parse_text(QUESTION.format(d="上記のいずれでもない（どれも誤り）"), "q.md")
    assert question is not None and question.pinned == (3,) and diags == []
    question, diags = parse_text(QUESTION.format(d="答えは上記のすべて"), "q.md")
    assert question is not None and question.pinned == ()
    assert [(d.code, d.line) for d in diags] == [("W015", 10)]
    pinned = "---\npin: E\n---\n" + QUESTION.format(d="答えは上記のすべて")
    assert parse_text(pinned, "q.md")[1] == []  # the author chose with pin:
