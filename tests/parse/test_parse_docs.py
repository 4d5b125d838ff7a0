"""docs/format.md stays true: every diagnostic code is documented, every answer example parses."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from exampdf.parse import parse_text

ROOT = Path(__file__).parents[2]
DOC = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
SOURCES = [
    *sorted((ROOT / "exampdf" / "parse").glob("*.py")),
    ROOT / "exampdf" / "parse" / "bankcheck.py",
    ROOT / "exampdf" / "layout" / "text" / "glyphcheck.py",  # W101, found before layout
    ROOT / "exampdf" / "layout" / "blocks" / "mathcheck.py",  # W110, found before layout
    ROOT / "exampdf" / "layout" / "blocks" / "shrinks.py",  # W112, found by the layout
]


def codes_in_source() -> set[str]:
    found: set[str] = set()
    for path in SOURCES:
        found |= set(re.findall(r'"([EW]\d{3})"', path.read_text(encoding="utf-8")))
    return found


def test_every_code_is_documented_and_every_documented_code_exists() -> None:
    documented = set(re.findall(r"^\*\*([EW]\d{3}) — ", DOC, re.M))
    assert documented == codes_in_source()


def answer_examples() -> list[str]:
    section = DOC.split("\n## Answers\n", 1)[1]
    block = section.split("```markdown\n", 1)[1].split("```", 1)[0]
    return [line for line in block.split("\n") if line]


@pytest.mark.parametrize("answer", answer_examples())
def test_documented_answer_forms_parse(answer: str) -> None:
    options = "\n".join(f"{letter}. 選択肢{letter}" for letter in "ABCDEF")
    text = f"# t\n\n## 問題\nq\n\n## 選択肢\n{options}\n\n## 正解\n{answer}\n"
    question, diags = parse_text(text, "doc.md")
    assert question is not None, [d.human() for d in diags]
    assert question.answer


def test_no_code_is_documented_twice() -> None:
    """Two features once claimed E110 (math commands, too many lines): a code means one thing."""
    documented = re.findall(r"^\*\*([EW]\d{3}) — ", DOC, re.M)
    assert sorted(c for c in set(documented) if documented.count(c) > 1) == []
