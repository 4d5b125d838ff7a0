"""One question as printed on an exam sheet: 問N, points, stem, options in printed order."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from exampdf import memo
from exampdf.layout.blocks.dispatch import block_flowables
from exampdf.layout.blocks.inlines import body_style, to_runs
from exampdf.layout.blocks.place import share
from exampdf.layout.blocks.shrinks import Origin
from exampdf.layout.blocks.stack import QuestionBlock, Stack
from exampdf.layout.exam.options import GridMemo, OptionGrid
from exampdf.layout.text.jparagraph import JParagraph
from exampdf.layout.text.paragraphs import ParaStyle, make_paragraph
from exampdf.layout.text.textrun import Run
from exampdf.layout.theme import RULE_GREY, Theme
from exampdf.model import Block, Inline, Paragraph, Question, Text, plain_text
from exampdf.versions.labels import option_label, printed_label
from exampdf.versions.letters import choice_content, options_cite_options
from exampdf.versions.types import VersionItem

MULTI_NOTE = "（当てはまるものをすべて選びなさい）"
CONTINUED = "（続く）"
# A stem that already says how to answer (すべて選べ, 2つ選べ, 複数) needs no second note.
SAYS_MULTI = re.compile(r"すべて|全て|[0-9０-９二三四五]\s*つ選|複数")
SINGLE_MARK, MULTI_MARK = "○", "□"


@dataclass(frozen=True)
class QuestionStyle:
    """How questions are labelled on exam sheets."""

    label_style: str = "A"  # A, ア, 1 or ①
    show_points: bool = False


def question_block(
    number: int,
    question: Question,
    item: VersionItem,
    theme: Theme,
    style: QuestionStyle = QuestionStyle(),  # frozen: a shared default is safe
    key: str = "",
    tail: Sequence[Flowable] = (),
) -> QuestionBlock:
    """The whole block: kept in one column unless it alone is taller than a column."""
    shelf = shelf_of(theme, style)
    shared = shelf.parts(question)
    parts = list(shared.stem if shared.stem is not None else shelf.stem(question))
    if question.kind == "written":
        parts.append(AnswerBox(question.answer_lines))
    else:
        parts.extend(shelf.options(shared, item))
    parts.extend(tail)  # 以上 after the last question, so it never stands alone on a page
    steady = shared.stem is not None and all(type(f) in _STEADY for f in tail)
    return QuestionBlock(
        key or f"q{number}",
        shelf.number(number),
        Stack(parts, shelf.more),
        theme.size * 3.2,
        theme.size * 1.4,
        steady,
    )


_WIDE_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def _stem(question: Question, style: QuestionStyle) -> tuple[Block, ...]:
    """The stem, with 「（２点）」 after its first paragraph when points are shown: on the
    question's opening sentence, not on a line of its own after a code block. Full-width
    digits, so no 和欧間 space opens between the number and 点."""
    if not style.show_points:
        return question.stem
    mark = Text(f"（{str(question.points).translate(_WIDE_DIGITS)}点）")
    first = question.stem[0] if question.stem else None
    if isinstance(first, Paragraph):
        return (replace(first, inlines=(*first.inlines, mark)), *question.stem[1:])
    return (Paragraph((mark,), question.line), *question.stem)


# Every version prints the same stems, options, labels and 問N: their flowables are made once
# per process and shared by every version's block. Only JParagraphs and Spacers are shared:
# they keep nothing from one use to the next but what wrap sets again (width, height), and a
# split makes new ones. Containers and other blocks (code, tables) are made per version.
_SHAREABLE = (JParagraph, Spacer)
_SHELVES: memo.Memo[tuple[Theme, QuestionStyle], Shelf] = memo.Memo(
    "layout.exam.question.shelves", 64
)
_PARTS_MAX = 10_000  # questions remembered per shelf (bounded memory for `watch` sessions)


def shelf_of(theme: Theme, style: QuestionStyle) -> Shelf:
    shelf = _SHELVES.get((theme, style))
    if shelf is None:
        shelf = _SHELVES.put((theme, style), Shelf(theme, style))
    return shelf


@dataclass
class Parts:
    """One question's flowables that are the same in every version."""

    question: Question
    stem: list[Flowable] | None  # None: not shareable, made per version
    note: bool  # 「当てはまるものをすべて選びなさい」 under the stem
    mark: str  # ○ or □ before each option label
    bodies: list[tuple[tuple[Inline, ...], JParagraph] | None]  # by bank choice, made on use
    grid: GridMemo  # the option grid's measurements, for the shared bodies
    cited: dict[tuple[Inline, ...], JParagraph]  # options relabelled per version (「AとB」)
    cites: bool  # some option names another (「AとBの両方」): relabelled per version
    plans: dict[Any, Any] = field(default_factory=dict)  # layout/exam/direct.py's, by width


class Shelf:
    """Shared flowables of one theme and question style."""

    def __init__(self, theme: Theme, style: QuestionStyle) -> None:
        self.theme, self.style = theme, style
        self.more = share(
            make_paragraph(
                [Run(CONTINUED, theme.fonts.bold, theme.size * 0.9)],
                ParaStyle(leading=theme.leading, align="right"),
            )
        )
        self.gap = Spacer(1, theme.size * 0.3)
        self.note = share(
            make_paragraph(
                [Run(MULTI_NOTE, theme.fonts.bold, theme.size * 0.95)],
                ParaStyle(leading=theme.leading, align="left"),
            )
        )
        self.spec = ParaStyle(leading=theme.leading, align="left", phrases=True)
        self.runs = body_style(theme)
        self._numbers: dict[int, Flowable] = {}
        self.direct: dict[str, Any] = {}  # layout/exam/direct.py's: 問N measured, per canvas
        self._labels: dict[int, tuple[str, ...]] = {}
        self._marks: dict[tuple[str, int], JParagraph] = {}
        self._gutters: dict[tuple[str, int], float] = {}
        self._parts: memo.IdMemo[Question, Parts] = memo.IdMemo("shelf.parts", _PARTS_MAX)

    def number(self, number: int) -> Flowable:
        label = self._numbers.get(number)
        if label is None:
            label = self._numbers[number] = share(
                make_paragraph(
                    [Run(f"問{number}", self.theme.fonts.bold, self.theme.size * 1.05)],
                    ParaStyle(leading=self.theme.leading, align="left"),
                )
            )
        return label

    def stem(self, question: Question) -> list[Flowable]:
        theme = self.theme
        made = block_flowables(_stem(question, self.style), theme, question.source)
        return made or [Spacer(1, theme.leading)]

    def parts(self, question: Question) -> Parts:
        parts = self._parts.get(question)
        if parts is None:
            stem: list[Flowable] | None = self.stem(question)
            if all(type(f) in _SHAREABLE for f in stem or ()):
                stem = [share(f) for f in stem or ()]
            else:
                stem = None
            note = question.multi and not SAYS_MULTI.search(_stem_text(question))
            mark = MULTI_MARK if question.multi else SINGLE_MARK
            bodies: list[tuple[tuple[Inline, ...], JParagraph] | None] = [None] * len(
                question.choices
            )
            cites = options_cite_options(question)
            parts = Parts(question, stem, note, mark, bodies, GridMemo(), {}, cites)
            self._parts.put(question, parts)
        return parts

    def options(self, parts: Parts, item: VersionItem) -> list[Flowable]:
        out: list[Flowable] = [self.gap, self.note] if parts.note else [self.gap]
        question, n = parts.question, len(item.order)
        labels = self._labels.get(n)
        if labels is None:
            labels = self._labels[n] = tuple(
                option_label(p, self.style.label_style) for p in range(n)
            )
        cells: list[tuple[Flowable, JParagraph]] = []
        canonical = True  # every body as the bank writes it: the column choice can be shared
        for pos, choice in enumerate(item.order):
            content = (  # 「AとB」 as printed here
                choice_content(question, item, pos, labels)
                if parts.cites
                else question.choices[choice].content
            )
            if content is question.choices[choice].content:
                body = self.body(parts, choice)
            else:
                canonical = False
                cited = parts.cited.get(content)
                if cited is None:
                    cited = parts.cited[content] = self._body(content)
                body = cited
            cells.append((self.mark(parts.mark, pos), body))
        gutter = self.gutter(parts.mark, n)
        memo = parts.grid if canonical else None
        origins = [Origin(question.source, question.choices[c].line, "option") for c in item.order]
        out.append(OptionGrid(cells, gutter, self.theme.size, memo=memo, origins=origins))
        return out

    def body(self, parts: Parts, choice: int) -> JParagraph:
        """The shared paragraph of bank choice `choice` as the bank writes it."""
        known = parts.bodies[choice]
        if known is None:
            content = parts.question.choices[choice].content
            known = parts.bodies[choice] = (content, self._body(content))
        return known[1]

    def _body(self, content: tuple[Inline, ...]) -> JParagraph:
        return share(JParagraph(to_runs(content, self.runs), self.spec))

    def mark(self, mark: str, pos: int) -> JParagraph:
        label = self._marks.get((mark, pos))
        if label is None:
            theme = self.theme
            label = self._marks[(mark, pos)] = share(
                JParagraph(
                    [
                        Run(
                            _label_text(mark, printed_label(pos, self.style.label_style)),
                            theme.fonts.body,
                            theme.size,
                        )
                    ],
                    ParaStyle(leading=theme.leading, align="left"),
                )
            )
        return label

    def gutter(self, mark: str, n: int) -> float:
        """The gutter fits the widest label, so the texts line up whatever the label style."""
        gutter = self._gutters.get((mark, n))
        if gutter is None:
            widest = max(self.mark(mark, pos).lines(1e6)[0].natural for pos in range(n))
            first = printed_label(0, self.style.label_style)
            least = 3.0 if _label_text(mark, first) != first else 1.8  # 「○ A」 or a lone ①
            gutter = self._gutters[(mark, n)] = max(
                self.theme.size * least, widest + self.theme.size * 0.6
            )
        return gutter


def _label_text(mark: str, label: str) -> str:
    """「○ A」; a circled-number label is its own circle to mark (no 「○ ①」)."""
    circled = "\u2460" <= label[:1] <= "\u24ff" or "\u3251" <= label[:1] <= "\u32bf"
    return label if circled and mark == SINGLE_MARK else f"{mark} {label}"


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


# Heights that do not depend on the height available (see QuestionBlock's `steady`).
_STEADY = (*_SHAREABLE, AnswerBox, OptionGrid)
