"""The story of answer-key.pdf: the key table, then each question once with its explanation."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from exampdf.layout.blocks import block_flowables
from exampdf.layout.inlines import body_style, to_runs
from exampdf.layout.labeled import Labeled
from exampdf.layout.paragraphs import ParaStyle, make_paragraph
from exampdf.layout.textrun import Run
from exampdf.layout.theme import BOX_GREY, RULE_GREY, Theme
from exampdf.model import Bank, Question
from exampdf.versions import ExamVersion
from exampdf.versions.types import letter

KEY_COLUMNS = 15  # question columns per key table row band


def key_story(
    bank: Bank, versions: Sequence[ExamVersion], title: str, seed: int, theme: Theme
) -> list[Flowable]:
    size = theme.size * 1.6
    story: list[Flowable] = [
        make_paragraph(
            [Run(f"{title}　解答・解説", theme.fonts.heading, size)],
            ParaStyle(leading=size * 1.4, align="center", phrases=True),
        ),
        _para(
            f"{len(versions)} 版 ／ {len(bank.questions)} 問 ／ シード {seed}",
            theme,
            align="center",
        ),
        Spacer(1, 6 * mm),
        _heading("解答一覧", theme),
        *key_tables(bank, versions, theme),
        PageBreak(),
    ]
    where = _positions(versions)
    for index, question in enumerate(bank.questions):
        story.extend(_question(index, question, where.get(index, []), theme))
    return story


def key_letters(question: Question, order: tuple[int, ...]) -> str:
    """The printed letters of the correct options, or － for a written answer."""
    if not question.choices:
        return "記述"
    where = {choice: pos for pos, choice in enumerate(order)}
    return "・".join(letter(p) for p in sorted(where[a] for a in question.answer))


def key_tables(bank: Bank, versions: Sequence[ExamVersion], theme: Theme) -> list[Flowable]:
    """Rows = versions, columns = question numbers; wide exams wrap into bands of columns."""
    count = max((len(v.items) for v in versions), default=0)
    out: list[Flowable] = []
    for start in range(0, count, KEY_COLUMNS):
        cols = range(start, min(start + KEY_COLUMNS, count))
        rows = [["版", *(f"問{c + 1}" for c in cols)]]
        for v in versions:
            cells = [
                key_letters(bank.questions[v.items[c].question], v.items[c].order) for c in cols
            ]
            rows.append([v.code, *cells])
        out += [_grid(rows, theme), Spacer(1, 4 * mm)]
    return out


def _grid(rows: list[list[str]], theme: Theme) -> Table:
    table = Table(rows, hAlign="LEFT", repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), theme.fonts.body, theme.size * 0.9),
                ("FONT", (0, 0), (-1, 0), theme.fonts.bold, theme.size * 0.9),
                ("FONT", (0, 0), (0, -1), theme.fonts.bold, theme.size * 0.9),
                ("GRID", (0, 0), (-1, -1), 0.5, RULE_GREY),
                ("BACKGROUND", (0, 0), (-1, 0), BOX_GREY),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ]
        )
    )
    return table


def _positions(
    versions: Sequence[ExamVersion],
) -> dict[int, list[tuple[str, int, tuple[int, ...]]]]:
    where: dict[int, list[tuple[str, int, tuple[int, ...]]]] = {}
    for v in versions:
        for number, item in enumerate(v.items, start=1):
            where.setdefault(item.question, []).append((v.code, number, item.order))
    return where


def _question(
    index: int, q: Question, where: list[tuple[str, int, tuple[int, ...]]], theme: Theme
) -> list[Flowable]:
    out: list[Flowable] = [
        CondPageBreak(40 * mm),
        _heading(f"{index + 1}. {q.title}", theme, size=theme.size * 1.25),
        _para(f"{q.source}（{q.id}）", theme, size=theme.size * 0.8),
        *block_flowables(q.stem, theme),
    ]
    gutter = theme.size * 2.4
    for choice in q.choices:
        label = _para(f"{choice.letter}.", theme, bold=choice.letter in _answer_letters(q))
        body = make_paragraph(
            to_runs(choice.content, body_style(theme)),
            ParaStyle(leading=theme.leading, align="left", phrases=True),
        )
        out.append(Labeled(label, body, gutter))
    answer = "、".join(_answer_letters(q)) if q.choices else "（記述式）"
    out += [Spacer(1, 2 * mm), _para(f"正解：{answer}", theme, bold=True)]
    if where:
        places = "　".join(f"{code}版 問{n} → {key_letters(q, order)}" for code, n, order in where)
        out.append(_para(f"出題位置：{places}", theme, size=theme.size * 0.9))
    if q.model_answer:
        out += [_heading("模範解答", theme), *block_flowables(q.model_answer, theme)]
    if q.explanation:
        out += [_heading("解説", theme), *block_flowables(q.explanation, theme)]
    out.append(
        HRFlowable(
            width="100%", thickness=0.6, color=RULE_GREY, spaceBefore=3 * mm, spaceAfter=5 * mm
        )
    )
    return out


def _answer_letters(q: Question) -> list[str]:
    return [q.choices[i].letter for i in q.answer]


def _heading(text: str, theme: Theme, size: float | None = None) -> Flowable:
    s = size or theme.size * 1.1
    return make_paragraph(
        [Run(text, theme.fonts.heading, s)],
        ParaStyle(
            leading=s * 1.5, align="left", space_before=s * 0.5, space_after=s * 0.2, phrases=True
        ),
    )


def _para(
    text: str, theme: Theme, size: float | None = None, bold: bool = False, align: str = "left"
) -> Flowable:
    s = size or theme.size
    font = theme.fonts.bold if bold else theme.fonts.body
    return make_paragraph([Run(text, font, s)], ParaStyle(leading=s * 1.6, align=align))  # type: ignore[arg-type]
