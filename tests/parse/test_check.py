"""Bank-level checks (duplicate ids and stems, answer positions) and the `check` summary."""

from __future__ import annotations

from pathlib import Path

import pytest

from exampdf.check import check_bank, summarize
from exampdf.model import Bank
from exampdf.parse import parse_bank, parse_text
from exampdf.parse.bankcheck import bank_diagnostics


def question_text(stem: str, answer: str = "A", front: str = "") -> str:
    head = f"---\n{front}\n---\n" if front else ""
    return f"{head}# t\n\n## 問題\n{stem}\n\n## 選択肢\nA. 一\nB. 二\nC. 三\n\n## 正解\n{answer}\n"


def bank_of(*texts: str) -> Bank:
    questions = []
    for n, text in enumerate(texts):
        q, _ = parse_text(text, f"q{n}.md", default_id=f"q{n}")
        assert q is not None
        questions.append(q)
    return Bank(tuple(questions), tuple(f"q{n}.md" for n in range(len(texts))))


def test_duplicate_stem_is_w001_at_the_second_stem() -> None:
    diags = bank_diagnostics(bank_of(question_text("同じ　問題"), question_text("同じ 問題")))
    assert [(d.code, d.path, d.line) for d in diags] == [("W001", "q1.md", 4)]
    assert "q0.md:4" in diags[0].message


def test_duplicate_id_is_e009() -> None:
    diags = bank_diagnostics(
        bank_of(question_text("一", front="id: x"), question_text("二", front="id: x"))
    )
    assert [(d.code, d.severity, d.path, d.line) for d in diags] == [("E009", "error", "q1.md", 1)]


def test_answer_position_pile_up_is_w006() -> None:
    texts = [question_text(f"問{n}", "C" if n < 4 else "A") for n in range(7)]
    diags = bank_diagnostics(bank_of(*texts), where="questions")
    assert [(d.code, d.path, d.line) for d in diags] == [("W006", "questions", 0)]
    assert diags[0].message == "4 of 7 single answers (57%) are option C as written"


def test_small_or_balanced_banks_have_no_w006() -> None:
    assert bank_diagnostics(bank_of(*[question_text(f"問{n}", "C") for n in range(5)])) == []
    balanced = [question_text(f"問{n}", "ABC"[n % 3]) for n in range(9)]
    assert bank_diagnostics(bank_of(*balanced)) == []


def test_summary_counts_and_lines() -> None:
    written = "# w\n\n## 問題\n説明せよ。\n\n## 正解\n模範解答\n"
    bank = bank_of(
        question_text("一"), question_text("二", "B、C"), question_text("三", "C"), written
    )
    summary = summarize(bank)
    assert (summary.files, summary.questions) == (4, 4)
    assert (summary.single, summary.multi, summary.written) == (2, 1, 1)
    assert summary.positions == (("A", 1), ("B", 1), ("C", 2))
    assert summary.lines() == [
        "4 files, 4 questions (2 single, 1 multi, 1 written)",
        "correct answers by written position: A 1 (25%), B 1 (25%), C 2 (50%)",
    ]


def test_parse_bank_runs_bank_checks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("a", "b"):
        (tmp_path / f"{name}.md").write_text(question_text("同じ"), encoding="utf-8")
    assert [d.code for d in parse_bank(["."]).diagnostics] == ["W001"]
    assert parse_bank(["."], bank_checks=False).diagnostics == ()


def test_check_bank_reports_and_summarizes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "q").mkdir()
    (tmp_path / "q" / "a.md").write_text(question_text("一"), encoding="utf-8")
    (tmp_path / "q" / "b.md").write_text(question_text("二", "Z"), encoding="utf-8")
    report = check_bank([Path("q")])
    assert [(d.code, d.path, d.line) for d in report.diagnostics] == [("E004", "q/b.md", 12)]
    assert report.summary_lines()[0] == "2 files, 1 question (1 single, 0 multi, 0 written)"


def test_shares_round_half_up() -> None:
    """Issue 16 item 13: 2 of 3 printed as 66%."""
    bank = bank_of(question_text("一"), question_text("二"), question_text("三", "B"))
    assert (
        summarize(bank).lines()[1]
        == "correct answers by written position: A 2 (67%), B 1 (33%), C 0 (0%)"
    )
