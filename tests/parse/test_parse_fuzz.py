"""Fuzzing: no input text or bytes makes the parser raise, and what it returns is consistent."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exampdf.model import Question
from exampdf.parse import parse_bytes, parse_text

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TEMPLATE = """\
---
id: q1
pin: [D]
---
# ファインチューニング - 四択問題

## 問題
深層学習における**ファインチューニング（Fine-tuning）**の最も適切な定義はどれですか？

## 選択肢
A. 事前学習済みモデルを`初期化`すること
B. 重みを凍結したまま、追加レイヤーのみを訓練すること

C. **重み**を再訓練すること
D. 上記のいずれでもない

## 正解
**C、D（すべて）**

## 解説
### **核心概念**
- **転移学習**の一種
```python
x = 1
```
| a | b |
|---|---|
| 1 | 2 |
"""
LINES = TEMPLATE.split("\n")
FRAGMENTS = [
    "",
    "#",
    "##",
    "## 問題",
    "## 選択肢",
    "## 正解",
    "## 解説",
    "# 題",
    "---",
    "```",
    "~~~",
    "A.",
    "B. ",
    "(C)",
    "①",
    "ア.",
    "1.",
    "1)",
    "- ",
    "* ",
    "> ",
    "|",
    "|---|",
    "**",
    "*",
    "_",
    "`",
    "すべて",
    "全て",
    "正解：",
    "\t",
    "　",
    "\ufeff",
    "\r",
    "<b>",
    "[x](",
    "![",
    "\\",
    "id: [",
    "pin: [Z]",
    "points: -1",
    "lines: 0",
    "multi: yes",
    "上記のすべて",
]

ACTIONS = ["delete", "duplicate", "insert", "prefix", "suffix", "swap"]
fragments = st.sampled_from(FRAGMENTS) | st.text(max_size=8)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """The template with lines deleted, duplicated, swapped or edited by markdown-ish bits."""
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            lines.append("")
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(ACTIONS))
        if action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "insert":
            lines.insert(i, draw(fragments))
        elif action == "prefix":
            lines[i] = draw(fragments) + lines[i]
        elif action == "suffix":
            lines[i] = lines[i] + draw(fragments)
        else:
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)


def check_consistent(question: Question | None, diags: list[object], text: str) -> None:
    line_count = text.count("\n") + text.count("\r") + 1
    for d in diags:
        assert 0 <= d.line <= line_count + 1  # type: ignore[attr-defined]
    if question is None:
        assert any(d.severity == "error" for d in diags)  # type: ignore[attr-defined]
        return
    assert not any(d.severity == "error" for d in diags)  # type: ignore[attr-defined]
    n = len(question.choices)
    assert list(question.answer) == sorted(set(question.answer))
    assert all(0 <= i < n for i in question.answer + question.pinned)
    assert [c.letter for c in question.choices] == [chr(65 + i) for i in range(n)] or n > 26
    assert n == 0 or len(question.answer) >= 1
    assert n != 1
    assert all(1 <= c.line <= line_count for c in question.choices)
    assert all(1 <= b.line <= line_count for b in question.stem + question.explanation)


def test_template_itself_parses() -> None:
    question, diags = parse_text(TEMPLATE, "t.md")
    assert question is not None and question.answer == (2, 3) and question.pinned == (3,)
    assert [d.code for d in diags] == ["W003"]  # 最も適切な… with two answers


@SETTINGS
@given(st.text(max_size=400))
def test_any_text(text: str) -> None:
    question, diags = parse_text(text, "x.md")
    check_consistent(question, list(diags), text)


@SETTINGS
@given(mutated())
def test_mutated_question_files(text: str) -> None:
    question, diags = parse_text(text, "x.md")
    check_consistent(question, list(diags), text)


@SETTINGS
@given(st.binary(max_size=300) | mutated().map(lambda t: t.encode("cp932", errors="replace")))
def test_any_bytes(data: bytes) -> None:
    question, diags = parse_bytes(data, "x.md")
    assert question is None or not any(d.severity == "error" for d in diags)
