"""One question as printed on an exam sheet: 問N, points, stem, options in printed order."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from exampdf.layout.blocks import block_flowables
from exampdf.layout.inlines import body_style, to_runs
from exampdf.layout.jparagraph import JParagraph
from exampdf.layout.optionlabels import option_label, printed_label
from exampdf.layout.options import OptionGrid
from exampdf.layout.paragraphs import ParaStyle, make_paragraph
from exampdf.layout.stack import QuestionBlock, Stack
from exampdf.layout.textrun import Run
from exampdf.layout.theme import RULE_GREY, Theme
from exampdf.model import Block, Paragraph, Question, Text, plain_text
from exampdf.versions.letters import choice_content
from exampdf.versions.types import VersionItem

MULTI_NOTE = "（当てはまるものをすべて選びなさい）"
CONTINUED = "（続く）"
# A stem that already says how to answer (すべて選べ, 2つ選べ, 複数) needs no second note.
SAYS_MULTI = re.compile(r"すべて|全て|[0-9０-９二三四五]\s*つ選|複数")
SINGLE_MARK, MULTI_MARK = "○", "□"


@dataclass(frozen=True)
class QuestionStyle:
    label_style: str = "A"  # A, ア, 1 or ①
    show_points: bool = False


def question_flowables(
    number: int,
    question: Question,
    item: VersionItem,
    theme: Theme,
    style: QuestionStyle = QuestionStyle(),  # frozen: a shared default is safe
    key: str = "",
    tail: Sequence[Flowable] = (),
) -> list[Flowable]:
    """The whole block: kept in one column unless it alone is taller than a column."""
    label = make_paragraph(
        [Run(f"問{number}", theme.fonts.bold, theme.size * 1.05)],
        ParaStyle(leading=theme.leading, align="left"),
    )
    stem = block_flowables(_stem(question, style), theme) or [Spacer(1, theme.leading)]
    parts = list(stem)
    if question.kind == "written":
        parts.append(AnswerBox(question.answer_lines))
    else:
        parts.extend(_options(question, item, theme, style.label_style))
    parts.extend(tail)  # 以上 after the last question, so it never stands alone on a page
    more = make_paragraph(
        [Run(CONTINUED, theme.fonts.bold, theme.size * 0.9)],
        ParaStyle(leading=theme.leading, align="right"),
    )
    block = QuestionBlock(
        key or f"q{number}", label, Stack(parts, more), theme.size * 3.2, theme.size * 1.4
    )
    return [block]


def _stem(question: Question, style: QuestionStyle) -> tuple[Block, ...]:
    """The stem, with 「（2点）」 after its last sentence when points are shown."""
    if not style.show_points:
        return question.stem
    mark = Text(f"（{question.points}点）")
    last = question.stem[-1] if question.stem else None
    if isinstance(last, Paragraph):
        return (*question.stem[:-1], replace(last, inlines=(*last.inlines, mark)))
    return (*question.stem, Paragraph((mark,), question.line))


def _options(question: Question, item: VersionItem, theme: Theme, style: str) -> list[Flowable]:
    out: list[Flowable] = [Spacer(1, theme.size * 0.3)]
    mark = MULTI_MARK if question.multi else SINGLE_MARK
    if question.multi and not SAYS_MULTI.search(_stem_text(question)):
        out.append(
            make_paragraph(
                [Run(MULTI_NOTE, theme.fonts.bold, theme.size * 0.95)],
                ParaStyle(leading=theme.leading, align="left"),
            )
        )
    spec = ParaStyle(leading=theme.leading, align="left", phrases=True)
    cells: list[tuple[Flowable, JParagraph]] = []
    labels = [option_label(p, style) for p in range(len(item.order))]
    for pos in range(len(item.order)):
        content = choice_content(question, item, pos, labels)  # 「AとB」 as printed here
        label = JParagraph(
            [Run(f"{mark} {printed_label(pos, style)}", theme.fonts.body, theme.size)],
            ParaStyle(leading=theme.leading, align="left"),
        )
        body = JParagraph(to_runs(content, body_style(theme)), spec)
        cells.append((label, body))
    # The gutter fits the widest label, so the texts line up whatever the label style.
    widest = max(lab.lines(1e6)[0].natural for lab, _ in cells)
    gutter = max(theme.size * 3.0, widest + theme.size * 0.6)
    out.append(OptionGrid(cells, gutter, theme.size))
    return out


class AnswerBox(Flowable):  # type: ignore[misc]
    """A ruled box for a written answer (a little space above it)."""

    def __init__(self, lines: int, pitch: float = 8 * mm) -> None:
        super().__init__()
        self.lines = max(1, lines)
        self.pitch = pitch

    @property
    def box_height(self) -> float:
        return float(self.lines * self.pitch + 2 * mm)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.box_height + 3 * mm
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """A box taller than the room left splits between ruled lines."""
        fit = int((avail_height - 5 * mm) // self.pitch)
        if fit < 2 or fit >= self.lines:
            return []
        return [AnswerBox(fit, self.pitch), AnswerBox(self.lines - fit, self.pitch)]

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setStrokeColorRGB(0, 0, 0)
        c.setLineWidth(0.8)
        c.rect(0, 0, self.width, self.box_height)
        c.setStrokeColorRGB(*RULE_GREY)
        c.setLineWidth(0.3)
        c.setDash(1, 2)
        for i in range(1, self.lines):
            y = self.box_height - 1 * mm - i * self.pitch
            c.line(2 * mm, y, self.width - 2 * mm, y)
        c.restoreState()


def _stem_text(question: Question) -> str:
    return "".join(plain_text(b.inlines) for b in question.stem if isinstance(b, Paragraph))
