"""Absurd input gets a clear diagnostic with file:line, or prints; never a hang or a traceback."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from exampdf.config import ExamConfig
from exampdf.parse import parse_bank, parse_text
from exampdf.parse.limits import MAX_FILE_BYTES, read_limited
from exampdf.pipeline import make


def question(stem: str = "問題文", options: int = 4, explanation: str = "解説") -> str:
    """A valid question; more than 26 options are labelled 1. 2. 3. …"""
    labels = [chr(ord("A") + i) if options <= 26 else f"{i + 1}" for i in range(options)]
    opts = "\n".join(f"{label}. value {i * 7}x" for i, label in enumerate(labels))
    answer = labels[0]
    return (
        f"# t\n\n## 問題\n{stem}\n\n## 選択肢\n{opts}\n\n## 正解\n{answer}\n\n"
        f"## 解説\n{explanation}\n"
    )


def codes(text: str) -> dict[str, int]:
    """Diagnostic code -> line, for the codes of this issue's range."""
    _, diags = parse_text(text, "q.md")
    return {d.code: d.line for d in diags if d.code[1] == "1"}


def test_oversized_file_is_an_error_and_is_not_read_whole(tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    big.write_bytes(question(explanation="あ" * 200 + "\n\n").encode() * 800)
    assert big.stat().st_size > MAX_FILE_BYTES
    assert len(read_limited(big)) == MAX_FILE_BYTES + 1
    result = parse_bank([big])
    assert [d.code for d in result.diagnostics if d.severity == "error"] == ["E101"]


def test_ten_thousand_character_line() -> None:
    text = question(stem="あ" * 10_000)
    assert codes(text) == {"E102": 4}


def test_two_and_a_half_thousand_line_code_block() -> None:
    code = "\n".join(f"x{i} = {i}" for i in range(2500))
    assert codes(question(explanation=f"```python\n{code}\n```")) == {"E103": 16}


def test_five_hundred_options() -> None:
    found = codes(question(options=500))
    assert list(found) == ["E104"]
    assert found["E104"] == 7 + 26  # the 27th option's line


def test_fifty_level_nested_list() -> None:
    nested = "\n".join("  " * i + f"- level {i}" for i in range(50))
    assert "E105" in codes(question(explanation=nested))


def test_fifty_level_nested_quote() -> None:
    assert "E105" in codes(question(explanation="> " * 50 + "deep"))


def test_eight_levels_are_fine() -> None:
    nested = "\n".join("  " * i + f"- level {i}" for i in range(8))
    assert codes(question(explanation=nested)) == {}


def test_two_hundred_column_table() -> None:
    row = "|" + "|".join(f"c{i}" for i in range(200)) + "|"
    table = f"{row}\n|{'---|' * 200}\n{row}"
    assert codes(question(explanation=table)) == {"E106": 16}


def test_control_characters_are_removed_with_a_warning() -> None:
    q, diags = parse_text(question(stem="a\x07b\x1bc\u202ed\x85e\tf"), "q.md")
    assert q is not None
    assert [(d.code, d.line) for d in diags] == [("W120", 4)]
    assert "U+202E" in diags[0].message
    assert q.stem[0].inlines[0].text == "abcde\tf"  # type: ignore[union-attr]


def test_lone_surrogate_is_an_error_not_a_crash() -> None:
    q, diags = parse_text(question(stem="a\ud800b"), "q.md")
    assert q is None
    assert [(d.code, d.line) for d in diags] == [("E107", 4)]


def test_non_utf8_file(tmp_path: Path) -> None:
    (tmp_path / "sjis.md").write_bytes(question().encode("cp932"))
    result = parse_bank([tmp_path])
    assert [d.code for d in result.diagnostics] == ["E012"]


@pytest.mark.parametrize(
    "text",
    [
        question(stem="あ" * 10_000),
        question(options=500),
        question(explanation="> " * 50 + "deep"),
        question(explanation="|" + "a|" * 200 + "\n|" + "-|" * 200),
    ],
    ids=["line", "options", "quote", "table"],
)
def test_make_reports_instead_of_crashing(tmp_path: Path, text: str) -> None:
    (tmp_path / "bank").mkdir()
    (tmp_path / "bank" / "q.md").write_text(text, encoding="utf-8")
    result = make([tmp_path / "bank"], tmp_path / "out", ExamConfig())
    assert not result.ok
    assert any(d.code.startswith("E1") for d in result.diagnostics)
    assert not (tmp_path / "out").exists()


def _text(pdf: Path) -> str:
    with pdfplumber.open(pdf) as doc:
        return "".join((p.extract_text() or "") for p in doc.pages).replace("\n", "")


def _build(tmp_path: Path, text: str) -> Path:
    (tmp_path / "bank").mkdir()
    (tmp_path / "bank" / "q.md").write_text(text, encoding="utf-8")
    result = make([tmp_path / "bank"], tmp_path / "out", ExamConfig())
    assert result.ok, [d.human() for d in result.diagnostics]
    return tmp_path / "out"


def test_word_wider_than_the_page_prints_whole(tmp_path: Path) -> None:
    word = "supercalifragilistic" * 40  # 800 letters, no break opportunity
    out = _build(tmp_path, question(stem=f"次の語: {word}"))
    assert word in _text(out / "exam.pdf")


def test_widest_allowed_table_at_the_deepest_allowed_nesting_prints(tmp_path: Path) -> None:
    cells = "|" + "|".join("w" * 60 for _ in range(20)) + "|"
    table = f"{cells}\n|{'---|' * 20}\n{cells}"
    nested = "\n".join("  " * i + f"- level {i}" for i in range(7))
    indent = "  " * 7
    body = f"{nested}\n{indent}- table:\n\n" + "\n".join(
        indent + "  " + ln for ln in table.split("\n")
    )
    out = _build(tmp_path, question(explanation=body))
    assert (out / "answer-key.pdf").stat().st_size > 0
