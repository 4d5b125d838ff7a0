"""What the exam layout takes from the settings: a plain spec the pipeline builds, never the
whole ExamConfig (which stays above the renderers)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExamSpec:
    """The words an exam prints around its questions, and how its questions look."""

    title: str = "確認テスト"
    subtitle: str = ""
    subject: str = ""
    school: str = ""
    date: str = ""
    duration: str = ""
    instructions: tuple[str, ...] = ()  # the cover's 注意事項 (defaults when empty)
    name_fields: tuple[str, ...] = ("組", "番号", "氏名")
    answer_sheet: bool = False  # the instructions say where to answer
    label_style: str = "A"  # A, ア, 1 or ①
    show_points: bool = False
    cover: bool = False
    simplex: bool = False  # no blank pages: a version need not start on an odd page
