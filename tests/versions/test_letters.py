"""Option letters follow the shuffle: explanations, option texts and W014 for unsure mentions."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from exampdf.model import Block, CodeBlock, Heading, Paragraph, Question, Strong, Text, plain_text
from exampdf.parse import letterrefs, parse_text
from exampdf.parse.letterrefs import find_refs, letter_diagnostics
from exampdf.versions import VersionItem
from exampdf.versions.letters import choice_content, explanation

BANK_Q = """# t

## 問題
正しいものを選べ。

## 選択肢
A. 甲
B. 乙
C. 丙
D. AとBの両方

## 正解
**D**

## 解説
正解は **D** です。選択肢Cは誤り。A、B、C（すべて）ではない。

### **A. 甲**
甲の説明。

```python
# A, B: コードの中の文字は書き換えない
```

### **B. 乙**
乙の説明。

### まとめ
Aを選んだ人は注意。クラスAの例。
"""


def _question() -> Question:
    q, diags = parse_text(BANK_Q, "q.md")
    assert q is not None, diags
    return q


def _texts(blocks: tuple[Block, ...]) -> list[str]:
    return [
        plain_text(b.inlines) if isinstance(b, Paragraph | Heading) else type(b).__name__
        for b in blocks
    ]


def test_explanation_follows_the_printed_letters() -> None:
    q = _question()
    item = VersionItem(0, (2, 1, 0, 3))  # printed A=丙 B=乙 C=甲 D=(AとB)
    out = _texts(explanation(q, item))
    assert out[0] == "正解は D です。選択肢Aは誤り。A、B、C（すべて）ではない。"
    # per-option sections in printed order (乙 is B, 甲 is C), each with its code block
    assert out[1:7] == ["B. 乙", "乙の説明。", "C. 甲", "甲の説明。", "CodeBlock", "まとめ"]
    assert out[7] == "A〔甲〕を選んだ人は注意。クラスAの例。"
    code = next(b for b in explanation(q, item) if isinstance(b, CodeBlock))
    assert "# A, B:" in code.code


def test_option_citing_options_is_rewritten_on_the_sheet() -> None:
    q = _question()
    item = VersionItem(0, (2, 1, 0, 3))
    assert plain_text(choice_content(q, item, 3)) == "BとCの両方"
    assert plain_text(choice_content(q, item, 3, ["ア", "イ", "ウ", "エ"])) == "イとウの両方"


def test_source_order_changes_nothing() -> None:
    q = _question()
    assert explanation(q, VersionItem(0, (0, 1, 2, 3))) == q.explanation


def test_references_certain_and_uncertain() -> None:
    labels = list("ABCDEF")

    def found(text: str) -> list[tuple[str, bool]]:
        return [(text[r.start : r.end], r.certain) for r in find_refs(text, labels)]

    assert found("AとBの両方") == [("AとB", True)]
    assert found("選択肢Cが正しい") == [("選択肢C", True)]
    assert found("Dは誤り") == [("D", True)]
    assert found("Aを選ぶと") == [("A", False)]
    for plain in ("クラスAの全員", "「A」が1バイト", "変数AとB", "O(n)", "TCPとIP", "Aの値"):
        assert found(plain) == [], plain


# Pieces of text around option letters: labels, what may stand before or after one
# (katakana, kanji, Latin, digits, space, brackets), separators, 選択肢/正解は, suffixes.
_PIECES = st.sampled_from(
    [
        *"ABCDEFア①",
        *("AB", "ァ", "ヶ", "ー", "漢", "一", "\u9fff", "x", "9", " ", "\u3000", "「", "」"),
        *("と", "や", "・", "、", ",", "および", "/", " and ", " or ", "選択肢", "option "),
        *("正解は", "の両方", "以外", "が正しい", "は誤り", "を選ぶ", "は", "の", "が", "\n"),
        *("(", "）", "."),
    ]
)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(_PIECES, max_size=9).map("".join),
    st.sampled_from(["", "正解は", "答え: ", "前の文"]),
    st.sampled_from(["ABCD", "ABCDEF", "アイウエ", "①②③", "AB"]),
)
def test_references_found_as_without_the_quick_check(text: str, before: str, labels: str) -> None:
    """find_refs skips its full patterns when no label stands alone: never a lost mention."""
    key = tuple(labels)
    assert find_refs(text, key, before) == letterrefs._matched(text, key, before)


def test_w014_only_for_uncertain_mentions_in_shuffled_questions() -> None:
    q = _question()
    diags = letter_diagnostics(q)
    assert [(d.code, d.line) for d in diags] == [("W014", 29)]
    assert letter_diagnostics(replace(q, shuffle=False)) == []


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 6), st.data())
def test_per_option_paragraphs_name_the_option_printed_under_that_letter(
    n: int, data: st.DataObject
) -> None:
    letters = "ABCDEF"[:n]
    texts = [f"選択肢の本文{i}" for i in range(n)]
    notes = tuple(
        Paragraph((Strong((Text(f"{letters[i]}. {texts[i]}"),)), Text(f": {letters[i]}の解説")), 9)
        for i in range(n)
    )
    order = tuple(data.draw(st.permutations(range(n))))
    q, _ = parse_text(
        "# t\n\n## 問題\nq\n\n## 選択肢\n"
        + "\n".join(f"{letters[i]}. {texts[i]}" for i in range(n))
        + "\n\n## 正解\nA\n",
        "p.md",
    )
    assert q is not None
    out = explanation(replace(q, explanation=notes), VersionItem(0, order))
    heads = [plain_text(b.inlines) for b in out if isinstance(b, Paragraph)]
    assert [h.split(". ")[0] for h in heads] == list(letters), "in printed order"
    for pos, head in enumerate(heads):
        assert head.startswith(f"{letters[pos]}. {texts[order[pos]]}")
