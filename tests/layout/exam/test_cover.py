"""The cover page: its texts as data, the name boxes and notes as geometry read back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from exampdf.layout.exam.cover import (
    DO_NOT_OPEN,
    VersionBadge,
    cover_flowables,
    default_instructions,
    field_width,
    name_table,
    notes_box,
)
from exampdf.layout.exam.spec import ExamSpec
from exampdf.layout.theme import make_theme
from tests.helpers.blockpdf import MARGIN, PAD, lines_of, typeset_flowables

THEME = make_theme()
INSET = MARGIN + PAD
FRAME_W, FRAME_H = A4[0] - 2 * INSET, A4[1] - 2 * INSET


def _line_with(chars: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    (line,) = [ln for ln in lines_of(chars) if text in "".join(c["text"] for c in ln)]
    return line


def test_default_instructions_name_the_fields_and_where_to_answer() -> None:
    booklet = default_instructions(ExamSpec(name_fields=("学籍番号", "氏名")))
    assert booklet[0] == "学籍番号・氏名を所定の欄に記入しなさい。"
    assert "この問題冊子に記入" in booklet[1]
    assert "解答用紙に記入" in default_instructions(ExamSpec(answer_sheet=True))[1]


def test_names_get_the_most_room_and_long_numbers_more_than_classes() -> None:
    assert field_width("氏名", 100.0) == 50.0
    assert field_width("学籍番号", 100.0) == 22.0
    assert field_width("番号", 100.0) == field_width("組", 100.0) == 13.0


def test_name_table_shrinks_to_the_width_it_is_given() -> None:
    few = name_table(("組", "番号", "氏名"), THEME, 400.0)
    many = name_table(("学年", "組", "番号", "学籍番号", "氏名", "ふりがな"), THEME, 300.0)
    few_w, few_h = few.wrap(1000.0, 1000.0)
    many_w, _ = many.wrap(1000.0, 1000.0)
    assert few_w < 400.0 and few_h == pytest.approx(12 * mm)
    assert many_w == pytest.approx(300.0)


def test_name_table_prints_each_value_right_of_its_label(tmp_path: Path) -> None:
    table = name_table(("組", "番号", "氏名"), THEME, FRAME_W, values=("3組", "12"))
    pdf = typeset_flowables(tmp_path, [table], THEME, page=A4)
    (row,) = lines_of(pdf.chars())
    assert "".join(c["text"] for c in row) == "組3組番号12氏名"  # 氏名 got no value: left empty
    shaded = sorted((r for r in pdf.pages[0]["rects"] if r["fill"]), key=lambda r: r["x0"])
    assert len(shaded) == 3  # the label cells; the write-in cells stay white
    value, number = row[1:3], row[5:7]
    assert shaded[0]["x1"] < value[0]["x0"] and value[-1]["x1"] < shaded[1]["x0"]
    assert shaded[1]["x1"] < number[0]["x0"] and number[-1]["x1"] < shaded[2]["x0"]


def test_cover_fills_exactly_one_page_with_the_warning_at_its_foot(tmp_path: Path) -> None:
    config = ExamSpec(school="県立高校", subtitle="第2回", subject="情報Ⅰ", duration="50分")
    flowables = cover_flowables(config, "A", THEME, FRAME_W, FRAME_H, names=("1組", "3", "山田"))
    pdf = typeset_flowables(tmp_path, flowables, THEME, page=A4)
    assert len(pdf.pages) == 1
    warning = _line_with(pdf.chars(), DO_NOT_OPEN)
    frame_bottom = A4[1] - INSET
    assert frame_bottom - 12 * mm < warning[0]["bottom"] <= frame_bottom
    text = pdf.pages[0]["text"].replace(" ", "")
    for given in ("県立高校", "第2回", "情報Ⅰ", "50分", "山田"):
        assert given in text
    assert "試験時間" in text and "実施日" not in text  # only the facts given are listed


def test_cover_without_facts_lists_none(tmp_path: Path) -> None:
    flowables = cover_flowables(ExamSpec(), "A", THEME, FRAME_W, FRAME_H)
    text = typeset_flowables(tmp_path, flowables, THEME, page=A4).pages[0]["text"]
    assert not any(label in text for label in ("科目", "実施日", "試験時間"))


def _filler(config: ExamSpec, height: float) -> tuple[float, float]:
    """(height of the spacer between the version badge and the notes, height of the rest)."""
    flowables = cover_flowables(config, "A", THEME, FRAME_W, height)
    (badge,) = [i for i, f in enumerate(flowables) if isinstance(f, VersionBadge)]
    sizes = [f.wrap(FRAME_W, height)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in flowables]
    return sizes[badge + 1], sum(sizes) - sizes[badge + 1]


def test_the_space_under_the_badge_takes_what_the_page_leaves() -> None:
    filler, rest = _filler(ExamSpec(subject="情報Ⅰ"), FRAME_H)
    assert filler + rest == pytest.approx(FRAME_H - 6 * mm)  # slack for ReportLab's rounding
    filler, rest = _filler(ExamSpec(subject="情報Ⅰ"), 100.0)
    assert filler == pytest.approx(6 * mm)  # too little height: the halves still stand apart


def test_version_badge_is_large_for_short_codes(tmp_path: Path) -> None:
    assert VersionBadge("AB", THEME).wrap(300.0, 300.0) == (300.0, 44.0 * 1.6)
    assert VersionBadge("ABC", THEME).wrap(300.0, 300.0) == (300.0, 30.0 * 1.6)
    pdf = typeset_flowables(tmp_path, [VersionBadge("AB", THEME)], THEME)
    code = [c for c in pdf.chars() if c["text"] in "AB"]
    (box,) = pdf.pages[0]["rects"]
    assert {round(c["size"]) for c in code} == {44}
    assert box["x0"] < code[0]["x0"] and code[-1]["x1"] < box["x1"]
    centre = (box["x0"] + box["x1"]) / 2
    assert centre == pytest.approx(INSET + (400.0 - 2 * INSET) / 2, abs=0.5)


def test_notes_are_numbered_with_a_hanging_indent(tmp_path: Path) -> None:
    notes = ["短い注意。", "長い注意事項の文章が枠の幅を超えて次の行へ折り返すことを確かめる。"]
    pdf = typeset_flowables(tmp_path, [notes_box(notes, THEME, 200.0)], THEME)
    lines = lines_of(pdf.chars())
    texts = ["".join(c["text"] for c in ln) for ln in lines]
    assert texts[0] == "注意事項"
    assert texts[1].startswith("1.短い") and texts[2].startswith("2.長い")
    assert len(texts) >= 4  # the second note wraps
    body_x = lines[2][2]["x0"]  # first character after "2."
    assert lines[3][0]["x0"] == pytest.approx(body_x, abs=0.5)
    assert lines[3][0]["x0"] > lines[2][0]["x0"] + 5
