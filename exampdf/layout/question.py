"""One question as printed on an exam sheet: 問N, stem, options in printed order, answer box."""

from __future__ import annotations

import re

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Indenter, KeepTogether, Spacer

from exampdf.layout.blocks import block_flowables
from exampdf.layout.inlines import body_style, to_runs
from exampdf.layout.labeled import Labeled
from exampdf.layout.paragraphs import ParaStyle, make_paragraph
from exampdf.layout.textrun import Run
from exampdf.layout.theme import RULE_GREY, Theme
from exampdf.model import Paragraph, Question, plain_text
from exampdf.versions.types import VersionItem, letter

MULTI_NOTE = "（当てはまるものをすべて選びなさい）"
# A stem that already says how to answer (すべて選べ, 2つ選べ, 複数) needs no second note.
SAYS_MULTI = re.compile(r"すべて|全て|[0-9０-９二三四五]\s*つ選|複数")
SINGLE_MARK, MULTI_MARK = "○", "□"


def question_flowables(
    number: int, question: Question, item: VersionItem, theme: Theme
) -> list[Flowable]:
    """The whole block, kept together unless it alone is taller than a frame."""
    gutter = theme.size * 3.2
    label = make_paragraph(
        [Run(f"問{number}", theme.fonts.bold, theme.size * 1.05)],
        ParaStyle(leading=theme.leading, align="left"),
    )
    stem = block_flowables(question.stem, theme) or [Spacer(1, theme.leading)]
    parts: list[Flowable] = [Labeled(label, stem[0], gutter), Indenter(left=gutter), *stem[1:]]
    if question.kind == "written":
        parts.append(AnswerBox(question.answer_lines, theme))
    else:
        parts.extend(_options(question, item, theme))
    parts.append(Indenter(left=-gutter))
    return [KeepTogether(parts), Spacer(1, theme.size * 1.4)]


def _options(question: Question, item: VersionItem, theme: Theme) -> list[Flowable]:
    out: list[Flowable] = []
    mark = MULTI_MARK if question.multi else SINGLE_MARK
    if question.multi and not SAYS_MULTI.search(_stem_text(question)):
        out.append(
            make_paragraph(
                [Run(MULTI_NOTE, theme.fonts.bold, theme.size * 0.95)],
                ParaStyle(leading=theme.leading, align="left"),
            )
        )
    gutter = theme.size * 3.0
    spec = ParaStyle(leading=theme.leading, align="left", phrases=True)
    for pos, choice_index in enumerate(item.order):
        choice = question.choices[choice_index]
        label = make_paragraph(
            [Run(f"{mark} {letter(pos)}.", theme.fonts.body, theme.size)],
            ParaStyle(leading=theme.leading, align="left"),
        )
        body = make_paragraph(to_runs(choice.content, body_style(theme)), spec)
        out.append(Labeled(label, body, gutter))
    return [Spacer(1, theme.size * 0.3), *out]


class AnswerBox(Flowable):  # type: ignore[misc]
    """A ruled box for a written answer."""

    def __init__(self, lines: int, theme: Theme) -> None:
        super().__init__()
        self.lines = max(1, lines)
        self.pitch = 8 * mm

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.lines * self.pitch + 2 * mm
        return self.width, self.height + 3 * mm

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setStrokeColorRGB(0, 0, 0)
        c.setLineWidth(0.8)
        c.rect(0, 0, self.width, self.height)
        c.setStrokeColorRGB(*RULE_GREY)
        c.setLineWidth(0.3)
        c.setDash(1, 2)
        for i in range(1, self.lines):
            y = self.height - 1 * mm - i * self.pitch
            c.line(2 * mm, y, self.width - 2 * mm, y)
        c.restoreState()


def _stem_text(question: Question) -> str:
    return "".join(plain_text(b.inlines) for b in question.stem if isinstance(b, Paragraph))
