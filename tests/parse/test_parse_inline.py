"""CJK-friendly emphasis, inline mapping, labels and wording rules, one small case each."""

from __future__ import annotations

import pytest

from exampdf.model import CodeSpan, Emph, HardBreak, Image, Link, SoftBreak, Strong, Text
from exampdf.parse.inlines import inlines_of
from exampdf.parse.labels import match_label, resolve
from exampdf.parse.markdown import parse_tree
from exampdf.parse.sections import heading_kind
from exampdf.parse.wording import asked_count, is_auto_pin, letter_reference


def inlines(text: str) -> tuple[object, ...]:
    return inlines_of(parse_tree(text).children[0])


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "**ファインチューニング（Fine-tuning）**の定義",
            (Strong((Text("ファインチューニング（Fine-tuning）"),)), Text("の定義")),
        ),
        ("**すべて**選んでください", (Strong((Text("すべて"),)), Text("選んでください"))),
        ("✅ **正解** - 定義", (Text("✅ "), Strong((Text("正解"),)), Text(" - 定義"))),
        ("**A. 完全初期化**: これは", (Strong((Text("A. 完全初期化"),)), Text(": これは"))),
        ("これは**「重要」**です", (Text("これは"), Strong((Text("「重要」"),)), Text("です"))),
        ("*（注）*の", (Emph((Text("（注）"),)), Text("の"))),
    ],
)
def test_cjk_friendly_emphasis(source: str, expected: tuple[object, ...]) -> None:
    assert inlines(source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("a * b * c", (Text("a * b * c"),)),
        ("foo**bar**", (Text("foo"), Strong((Text("bar"),)))),
        ("snake__case__name", (Text("snake__case__name"),)),
        ("**(x)**y", (Text("**(x)**y"),)),  # CommonMark's rule still holds away from CJK
        ("<b>x</b>", (Text("<b>x</b>"),)),
    ],
)
def test_commonmark_emphasis_is_kept_elsewhere(source: str, expected: tuple[object, ...]) -> None:
    assert inlines(source) == expected


def test_inline_node_types() -> None:
    got = inlines("`a<b` [link](http://x) ![alt *t*](i.png)\nnext  \nhard")
    assert got == (
        CodeSpan("a<b"),
        Text(" "),
        Link((Text("link"),), "http://x"),
        Text(" "),
        Image("i.png", "alt t"),
        SoftBreak(),
        Text("next"),
        HardBreak(),
        Text("hard"),
    )


@pytest.mark.parametrize(
    ("line", "written", "rest"),
    [
        ("A. x", "A", "x"),
        ("A) x", "A", "x"),
        ("(A) x", "A", "x"),
        ("（A）x", "A", "x"),
        ("A: x", "A", "x"),
        ("Ａ．x", "Ａ", "x"),
        ("a) x", "a", "x"),
        ("ア. x", "ア", "x"),
        ("イ、説明", "イ", "説明"),
        ("(い) x", "い", "x"),
        ("1. x", "1", "x"),
        ("(1) x", "1", "x"),
        ("１．x", "１", "x"),
        ("① x", "①", "x"),
        ("②x", "②", "x"),
        ("A.事前", "A", "事前"),
    ],
)
def test_labels(line: str, written: str, rest: str) -> None:
    label = match_label(line)
    assert label is not None and label.written == written
    assert line[label.length :] == rest


@pytest.mark.parametrize("line", ["A.foo", "e.g. this", "1.5倍", "Aは", "ABC. x", "A、B", "x"])
def test_not_labels(line: str) -> None:
    assert match_label(line) is None


@pytest.mark.parametrize(
    ("stem", "count"),
    [
        ("最も適切なものを1つ選びなさい。", 1),
        ("正しいものを一つ選べ", 1),
        ("正しいものをすべて選びなさい", 0),
        ("（複数選択）", 0),
        ("2つ選びなさい", 2),
        ("二つ選べ", 2),
        ("Select all that apply.", 0),
        ("Choose the best answer.", 1),
        ("次のうち正しいものはどれか。", None),
    ],
)
def test_asked_count(stem: str, count: int | None) -> None:
    assert asked_count(stem) == count


@pytest.mark.parametrize(
    "text",
    [
        "上記のすべて",
        "上記のいずれでもない。",
        "すべて正しい",
        "該当なし",
        "All of the above",
        "none of the above.",
        "いずれでもない",
        "ＡＬＬ ｏｆ ｔｈｅ ａｂｏｖｅ",
    ],
)
def test_auto_pin_phrases(text: str) -> None:
    assert is_auto_pin(text)


# 上記のすべての説明は誤り leads with "all of the above" and is pinned since issue 16 item 14
@pytest.mark.parametrize("text", ["LoRA", "すべての層を更新する", "上記の値"])
def test_not_auto_pin(text: str) -> None:
    assert not is_auto_pin(text)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("AとBの両方", "AとB"),
        ("A以外すべて", "A以外"),
        ("選択肢C", "選択肢C"),
        ("A and B", "A and B"),
        ("LoRA（Low-Rank Adaptation）", None),
        ("Q&A の形式", None),
        ("アとイ", None),
    ],
)
def test_letter_reference(text: str, found: str | None) -> None:
    assert letter_reference(text, ["A", "B", "C", "D"]) == found


@pytest.mark.parametrize(
    ("token", "labels", "index"),
    [
        ("C", ["A", "B", "C"], 2),
        ("Ｃ", ["A", "B", "C"], 2),
        ("③", ["1", "2", "3"], 2),
        ("3", ["①", "②", "③"], 2),
        ("B", ["ア", "イ", "ウ"], 1),
        ("2", ["ア", "イ", "ウ"], 1),
        ("ウ", ["A", "B", "C"], 2),
        ("D", ["A", "B", "C"], None),
        ("エ", ["ア", "イ", "ウ"], None),
        ("B", ["A", "C", "D"], None),
        ("4", ["A", "B", "C"], None),
        ("x", ["A", "B"], None),
    ],
)
def test_resolve_answer_labels(token: str, labels: list[str], index: int | None) -> None:
    assert resolve(token, labels) == index


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("問題", "stem"),
        ("設問　", "stem"),
        ("問1", "stem"),
        ("Question", "stem"),
        ("(解説)", "explanation"),
        ("選択肢 (4つ)", "choices"),
        ("Options", "choices"),
        ("解答：", "answer"),
        ("正解（2点）", "answer"),
        ("ANSWER", "answer"),
        ("【解説】", "explanation"),
        ("Explanation:", "explanation"),
        ("参考", None),
    ],
)
def test_heading_kind(heading: str, kind: str | None) -> None:
    assert heading_kind(heading) == kind
