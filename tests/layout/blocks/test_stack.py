"""Stack (a question's or list item's parts one under another): what each split part holds."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from reportlab.platypus import Spacer

from exampdf.config import ExamConfig
from exampdf.layout.blocks.stack import Stack
from exampdf.model import Bank, Paragraph, Table, Text
from tests.helpers.bankfactory import question
from tests.helpers.blockpdf import Slab
from tests.helpers.examlayout import build_exam
from tests.helpers.pdftext import page_lines


def test_split_between_parts_keeps_every_part() -> None:
    a, b, c = Spacer(1, 40.0), Spacer(1, 40.0), Spacer(1, 40.0)
    more = Spacer(1, 10.0)
    head, tail = Stack([a, b, c], more).split(200.0, 95.0)
    assert head.parts == [a, b, more] and tail.parts == [c]


def test_a_part_that_cannot_split_moves_whole_to_the_next_part() -> None:
    a, slab, c = Spacer(1, 40.0), Slab(100.0, 100.0), Spacer(1, 40.0)
    head, tail = Stack([a, slab, c]).split(200.0, 90.0)
    assert head.parts == [a]
    assert tail.parts == [slab, c]  # the slab is neither dropped nor duplicated


def test_a_table_row_taller_than_the_room_left_is_printed_not_lost(tmp_path: Path) -> None:
    cell = (Text("表のセル" * 600),)  # one row, much taller than a page
    table = Table(((Text("見出し"),),), ((cell,),), (), 4)
    stem = (Paragraph((Text("次の表を見て答えよ。"),), 3), table)
    bank = Bank((question("q0"), replace(question("t"), stem=stem)))
    build_exam(bank, ExamConfig(), tmp_path / "exam.pdf")
    text = "".join("".join(lines) for lines in page_lines(tmp_path / "exam.pdf"))
    assert "見出し" in text and "表のセル表のセル" in text
