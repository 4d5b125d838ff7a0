"""The key booklets' stories: outline and order as data, each question's entry read back."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable

from exampdf.layout.key.cellgrid import CellGrid
from exampdf.layout.key.keybook import (
    KeyInfo,
    _facts,
    _listing,
    _question,
    _version_name,
    key_story,
    version_key_story,
)
from exampdf.layout.page.markers import Expand, SectionStart
from exampdf.layout.page.outline import Bookmark
from exampdf.layout.theme import make_theme
from exampdf.model import Bank, Paragraph, Question, Text
from exampdf.parse.roster import Student
from exampdf.versions import ExamVersion, VersionItem
from exampdf.versions.labels import option_label
from exampdf.versions.types import version_code
from tests.helpers.bankfactory import question
from tests.helpers.blockpdf import Pdf, lines_of, typeset_flowables

THEME = make_theme()
INFO = KeyInfo(title="期末試験", seed=7, fingerprint="0" * 64)
KANJI = "一二三"


def _kanji_question(qid: str, answer: int) -> Question:
    """Options 一, 二, 三: no letter in their text (letters would be relabelled per version)."""
    q = question(qid, options=3, answer=(answer,))
    return replace(
        q,
        choices=tuple(
            replace(c, content=(Text(f"{qid}の{KANJI[i]}"),)) for i, c in enumerate(q.choices)
        ),
    )


BANK = Bank(tuple(_kanji_question(f"q{i}", i % 3) for i in range(4)))
# Version A prints q2, q0, q3 (q1 is picked by no version); B prints q3, q2, q0.
A = ExamVersion(
    "A", (VersionItem(2, (0, 1, 2)), VersionItem(0, (1, 2, 0)), VersionItem(3, (0, 1, 2)))
)
B = ExamVersion(
    "B", (VersionItem(3, (2, 1, 0)), VersionItem(2, (0, 1, 2)), VersionItem(0, (0, 1, 2)))
)


def _lines(tmp_path: Path, flowables: list[Flowable]) -> list[str]:
    """Text lines, spaces dropped; an option's label shares the line of its text."""
    pdf = typeset_flowables(tmp_path, flowables, THEME, page=(400.0, 2000.0))
    return ["".join(c["text"] for c in ln).replace(" ", "") for ln in _rows(pdf)]


def _rows(pdf: Pdf) -> list[list[dict[str, Any]]]:
    return lines_of(pdf.chars(), tolerance=2.0)


def test_booklet_lists_each_picked_question_once_in_bank_order() -> None:
    story = key_story(BANK, [A, B], INFO, THEME, 400.0)
    marks = [(b.key, b.title, b.level) for b in story if isinstance(b, Bookmark)]
    assert marks == [
        ("cover", "表紙", 0),
        ("table", "解答一覧", 0),
        ("questions", "問題と解説", 0),
        ("q0", "1. title q0", 1),
        ("q2", "3. title q2", 1),
        ("q3", "4. title q3", 1),
    ]
    assert len([f for f in story if type(f) is Expand]) == 3  # the key table's are Deferred


def test_booklet_entry_says_where_each_version_printed_the_question(tmp_path: Path) -> None:
    kana = replace(INFO, label=lambda pos: option_label(pos, "ア"))
    story = key_story(BANK, [A, B], kana, THEME, 400.0)
    q0 = next(f for f in story if type(f) is Expand)
    lines = _lines(tmp_path, q0.make())
    assert lines[0] == "1.titleq0"
    # the booklet prints the bank's options in the bank's order, under the bank's letters
    options = [ln for ln in lines if ln[:2] in ("A.", "B.", "C.")]
    assert options == ["A.q0の一", "B.q0の二", "C.q0の三"]
    assert "正解：A" in lines
    # q0's answer is bank A: version A prints it third (order 1, 2, 0), B first
    at = lines.index("出題位置")
    assert lines[at + 1 : at + 3] == ["版問答版問答", "A2ウB3ア"]
    (grid,) = [f for f in q0.make() if isinstance(f, CellGrid)]
    assert grid.rows == [["A", "2", "ウ", "B", "3", "ア"]]


def test_version_key_follows_the_versions_order_and_letters(tmp_path: Path) -> None:
    story = version_key_story(BANK, B, INFO, THEME, 400.0)
    assert isinstance(story[0], SectionStart) and story[0].key == "B"
    marks = [(b.key, b.title, b.level) for b in story if isinstance(b, Bookmark)]
    assert marks == [
        ("cover", "B版 表紙", 0),
        ("table", "B版 解答一覧", 0),
        ("n1", "問1 title q3", 0),  # one version: its questions are top-level entries
        ("n2", "問2 title q2", 0),
        ("n3", "問3 title q0", 0),
    ]
    first = next(f for f in story if type(f) is Expand)
    lines = _lines(tmp_path, first.make())
    assert lines[0] == "問1　titleq3"
    # q3 (answer bank A) printed in the order C, B, A: its correct option is printed third
    assert [ln for ln in lines if ln[:2] in ("A.", "B.", "C.")] == [
        "A.q3の三",
        "B.q3の二",
        "C.q3の一",
    ]
    assert "正解：C" in lines


def test_correct_options_are_bold(tmp_path: Path) -> None:
    q = replace(_kanji_question("m", 0), answer=(0, 2), multi=True)
    flowables = _question("問1", q, VersionItem(0, (0, 1, 2)), (), THEME, INFO)
    pdf = typeset_flowables(tmp_path, flowables, THEME, page=(400.0, 2000.0))
    fonts = {}
    for ln in _rows(pdf):
        text = "".join(c["text"] for c in ln).replace(" ", "")
        fonts[text] = {c["fontname"].split("+")[-1] for c in ln}
    bold, plain = {"BIZUDPGothic-Bold"}, {"BIZUDPMincho-Regular"}
    assert fonts["A.mの一"] == bold and fonts["C.mの三"] == bold
    assert fonts["B.mの二"] == plain
    assert fonts["正解：A、C"] == bold


def test_written_question_prints_its_model_answer_and_explanation(tmp_path: Path) -> None:
    model = (Paragraph((Text("模範となる解答文"),), 20),)
    written = replace(question("w"), choices=(), answer=(), model_answer=model)
    flowables = _question("問1", written, VersionItem(0, ()), written.explanation, THEME, INFO)
    lines = _lines(tmp_path, flowables)
    assert lines[2:] == [
        "wの問題文",
        "正解：（記述式）",
        "模範解答",
        "模範となる解答文",
        "解説",
        "wの解説",
    ]


def test_plain_versions_are_listed_as_their_range_on_the_cover() -> None:
    plain = [ExamVersion(version_code(i), A.items) for i in range(40)]
    assert _listing(plain) == "A版〜AN版（40 版）"
    assert _listing(plain[:3]) == "A版、B版、C版"
    assert _listing([plain[0], plain[2], plain[3], plain[4]]) == "A版、C版、D版、E版"


def test_version_names_and_facts() -> None:
    student = Student("s1", number="12", name="山田 太郎", klass="1組")
    assert _version_name(replace(A, student=student)) == "A版（1組 12 山田 太郎）"
    assert _version_name(replace(A, student=Student("s1"))) == "A版"
    assert _version_name(A) == "A版"
    heavy = Bank((*BANK.questions[:3], replace(BANK.questions[3], points=5)))
    facts = dict(_facts(heavy, [A, B], INFO, "A版、B版"))
    assert facts["問題数"] == "3 問（7 点）"
    assert facts["版"] == "A版、B版" and facts["シード"] == "7" and facts["作成"] == ""
