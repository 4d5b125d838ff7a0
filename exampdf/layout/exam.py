"""The story of exam.pdf: every version in turn, each starting on an odd page."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from exampdf.layout.markers import SectionStart, to_odd_page
from exampdf.layout.paragraphs import ParaStyle, make_paragraph
from exampdf.layout.question import question_flowables
from exampdf.layout.textrun import Run
from exampdf.layout.theme import Theme
from exampdf.model import Bank
from exampdf.versions import ExamVersion

NAME_FIELDS = (("組", 18 * mm), ("番号", 18 * mm), ("氏名", 62 * mm))
END_MARK = "以上"


def exam_story(
    bank: Bank, versions: Sequence[ExamVersion], title: str, theme: Theme
) -> list[Flowable]:
    story: list[Flowable] = []
    for i, version in enumerate(versions):
        if i:
            story.extend(to_odd_page())
        story.append(SectionStart(version.code))
        story.extend(_first_page_head(title, version.code, theme))
        for number, item in enumerate(version.items, start=1):
            story.extend(question_flowables(number, bank.questions[item.question], item, theme))
        story.append(
            make_paragraph(
                [Run(END_MARK, theme.fonts.bold, theme.size)],
                ParaStyle(leading=theme.leading, align="right"),
            )
        )
    return story


def _first_page_head(title: str, code: str, theme: Theme) -> list[Flowable]:
    size = theme.size * 1.6
    heading = make_paragraph(
        [Run(title, theme.fonts.heading, size)],
        ParaStyle(leading=size * 1.4, align="center", phrases=True),
    )
    return [heading, Spacer(1, 2 * mm), name_box(theme), Spacer(1, 7 * mm)]


def name_box(theme: Theme) -> Table:
    """Boxes for 組・番号・氏名, right-aligned like a printed answer sheet."""
    cells: list[str] = []
    widths: list[float] = []
    for label, width in NAME_FIELDS:
        cells += [label, ""]
        widths += [theme.size * 1.2 * max(2, len(label)) + 4, width]
    table = Table([cells], colWidths=widths, rowHeights=[10 * mm], hAlign="RIGHT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), theme.fonts.bold, theme.size),
                ("BOX", (0, 0), (-1, -1), 0.9, (0, 0, 0)),
                ("INNERGRID", (0, 0), (-1, -1), 0.5, (0, 0, 0)),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                *[
                    ("BACKGROUND", (c, 0), (c, 0), (0.92, 0.92, 0.92))
                    for c in range(0, len(cells), 2)
                ],
            ]
        )
    )
    return table
