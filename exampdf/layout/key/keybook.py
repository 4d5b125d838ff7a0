"""The answer-key booklets: answer-key.pdf (every version, each question once in bank order)
and keys/<code>.pdf (one version, its order, options and every letter as printed there)."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Sequence
from functools import partial

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, HRFlowable, PageBreak, Spacer

from exampdf.layout.blocks.dispatch import block_flowables
from exampdf.layout.blocks.inlines import body_style, to_runs
from exampdf.layout.blocks.labeled import Labeled
from exampdf.layout.blocks.shrinks import Origin
from exampdf.layout.key.cellgrid import CellGrid, GridLook, Measure
from exampdf.layout.key.keyparts import (
    KeyInfo,
    answer_table,
    answer_text,
    cover,
    fingerprint_text,
    heading,
    key_tables,
    line,
)
from exampdf.layout.page.markers import CoverMark, Expand, SectionStart
from exampdf.layout.page.outline import Bookmark
from exampdf.layout.text.paragraphs import ParaStyle, make_paragraph
from exampdf.layout.theme import BOX_GREY, RULE_GREY, Theme
from exampdf.model import Bank, Block, Inline, Question
from exampdf.versions import ExamVersion, VersionItem
from exampdf.versions.letters import choice_content, explanation
from exampdf.versions.types import version_code

__all__ = ["KeyInfo", "key_story", "version_key_story"]

PLACE_HEADER = ("版", "問", "答")


def key_story(
    bank: Bank, versions: Sequence[ExamVersion], info: KeyInfo, theme: Theme, width: float
) -> list[Flowable]:
    """Cover, the key table of every version, then each question once in bank order."""
    listing = _listing(versions)
    answers = answer_table(bank, versions, info.label)
    story: list[Flowable] = [
        CoverMark(),
        Bookmark("cover", "表紙"),
        *cover(info, _facts(bank, versions, info, listing), theme, "解答・解説", width),
        PageBreak(),
        Bookmark("table", "解答一覧"),
        heading("解答一覧", theme),
        *key_tables(bank, versions, theme, width, info.label, answers),
        *[line(s, theme, theme.size * 0.8) for s in info.spread],
        PageBreak(),
        Bookmark("questions", "問題と解説"),
    ]
    where = _positions(versions)
    look = GridLook(theme.fonts.body, theme.fonts.bold, theme.size * 0.9, RULE_GREY, BOX_GREY)
    measure = Measure(look)  # version codes and answers recur in every question's grid
    codes = [v.code for v in versions]
    for index, q in enumerate(bank.questions):
        places = where.get(index)
        if places is None:
            continue  # picked by no version
        story.append(Bookmark(f"q{index}", f"{index + 1}. {q.title}", 1))
        item = VersionItem(index, tuple(range(len(q.choices))))
        title = f"{index + 1}. {q.title}"
        seen = partial(_seen, places, codes, answers, theme, width, measure)
        story.append(
            Expand(  # built when the layout gets here, freed once drawn
                partial(_question, title, q, item, q.explanation, theme, info, seen, True)
            )
        )
    return story


def version_key_story(
    bank: Bank, version: ExamVersion, info: KeyInfo, theme: Theme, width: float
) -> list[Flowable]:
    """One version's key: its questions in its order, every letter as that version prints it."""
    facts = _facts(bank, [version], info, _version_name(version))
    story: list[Flowable] = [
        SectionStart(version.code),
        CoverMark(),
        Bookmark("cover", f"{version.code}版 表紙"),
        *cover(info, facts, theme, f"{version.code}版　解答・解説", width),
        PageBreak(),
        Bookmark("table", f"{version.code}版 解答一覧"),
        heading(f"{version.code}版　解答一覧", theme),
        *key_tables(bank, [version], theme, width, info.label),
        Spacer(1, 4 * mm),
    ]
    for number, item in enumerate(version.items, start=1):
        q = bank.questions[item.question]
        story.append(Bookmark(f"n{number}", f"問{number} {q.title}", 0))
        labels = [info.label(p) for p in range(len(item.order))]
        notes = explanation(q, item, labels)
        story.append(
            Expand(partial(_question, f"問{number}　{q.title}", q, item, notes, theme, info))
        )
    return story


def _listing(versions: Sequence[ExamVersion]) -> str:
    """Every version's name; versions A, B, C, … with no student as their range and count
    (「A版〜GR版（200 版）」 says the same as 200 names, in one line)."""
    plain = all(v.student is None and v.code == version_code(i) for i, v in enumerate(versions))
    if plain and len(versions) > 3:
        return f"{versions[0].code}版〜{versions[-1].code}版（{len(versions)} 版）"
    return "、".join(_version_name(v) for v in versions)


def _version_name(v: ExamVersion) -> str:
    s = v.student
    if s is None:
        return f"{v.code}版"
    who = " ".join(x for x in (s.klass, s.number, s.name) if x)
    return f"{v.code}版（{who}）" if who else f"{v.code}版"


def _facts(
    bank: Bank, versions: Sequence[ExamVersion], info: KeyInfo, listing: str
) -> list[tuple[str, str]]:
    questions = max((len(v.items) for v in versions), default=0)
    total = max(
        (sum(bank.questions[i.question].points for i in v.items) for v in versions), default=0
    )
    return [
        ("実施日", info.date),
        ("版", listing),
        ("問題数", f"{questions} 問（{total} 点）"),
        ("シード", str(info.seed)),
        ("問題バンク\nSHA-256", fingerprint_text(info.fingerprint)),
        ("作成", f"exampdf {info.tool}" if info.tool else ""),
    ]


def _positions(versions: Sequence[ExamVersion]) -> dict[int, array[int]]:
    """Question -> (version index, number) pairs, flat: one small array per question (at
    300 questions x 702 versions, tuples per place took 20 MB)."""
    where: dict[int, array[int]] = {}
    for vi, v in enumerate(versions):
        for number, item in enumerate(v.items, start=1):
            where.setdefault(item.question, array("i")).extend((vi, number))
    return where


def _seen(
    places: array[int],
    version_codes: Sequence[str],
    answers: Sequence[Sequence[str]],  # answer_table: [version][item]
    theme: Theme,
    width: float,
    measure: Measure,
) -> list[Flowable]:
    """「出題位置」: every version's number and answer for `q`, a grid of (版, 問, 答) in
    columns of fixed width, made when the layout gets there. (A running line of
    「A版 問3 → C」 took a tenth of a 200-version booklet's time to break, and split its
    entries across lines.)"""
    which, where = places[::2], places[1::2]
    codes = list(map(version_codes.__getitem__, which))
    numbers = list(map(str, where))
    printed = [answers[vi][n - 1] for vi, n in zip(which, where, strict=True)]
    texts = (codes, numbers, printed)
    columns = [[head, *cells] for head, cells in zip(PLACE_HEADER, texts, strict=True)]
    groups, widths = measure.fitted(columns, width, len(codes), bold=(0,))
    cells = [""] * (3 * len(codes))  # (版, 問, 答) of each place in turn
    cells[0::3], cells[1::3], cells[2::3] = codes, numbers, printed
    step = 3 * groups
    rows = [cells[i : i + step] for i in range(0, len(cells), step)]
    caption = line("出題位置", theme, size=theme.size * 0.9, bold=True)
    caption.keepWithNext = True  # not left alone at the foot of a page
    grid = CellGrid(
        PLACE_HEADER * groups,
        rows,
        widths * groups,
        measure.look,
        group=3,
        bold=range(0, 3 * groups, 3),  # the version codes
    )
    return [caption, grid]


def _question(
    title: str,
    q: Question,
    item: VersionItem,
    notes: Sequence[Block],
    theme: Theme,
    info: KeyInfo,
    extra: Callable[[], Sequence[Flowable]] = tuple,
    bank_letters: bool = False,
) -> list[Flowable]:
    """Stem, options (correct ones in bold), answer, points, explanation and a closing rule."""
    source = f"{q.source}（{q.id}）　配点 {q.points}点"
    out: list[Flowable] = [
        CondPageBreak(40 * mm),
        heading(title, theme, size=theme.size * 1.25),
        line(source, theme, size=theme.size * 0.8),
        *block_flowables(q.stem, theme, q.source),
    ]
    correct = set(item.printed_answer(q.answer)) if q.choices else set()
    gutter = theme.size * 2.6
    for pos in range(len(item.order)):
        label = q.choices[pos].written_label if bank_letters else info.label(pos)
        content: tuple[Inline, ...] = (
            q.choices[pos].content
            if bank_letters
            else choice_content(q, item, pos, [info.label(p) for p in range(len(item.order))])
        )
        mark = line(f"{label}." if label.isascii() else label, theme, bold=pos in correct)
        body = make_paragraph(
            to_runs(content, body_style(theme, bold=pos in correct)),
            ParaStyle(leading=theme.leading, align="left", phrases=True),
        )
        choice = q.choices[pos if bank_letters else item.order[pos]]
        body.origin = Origin(q.source, choice.line, "option")  # printed scaled down: W112
        out.append(Labeled(mark, body, gutter))
    if q.choices:
        labels = [q.choices[i].written_label for i in q.answer] if bank_letters else None
        answer = (
            "、".join(labels) if labels else answer_text(q, item, info.label).replace("・", "、")
        )
    else:
        answer = "（記述式）"
    out += [Spacer(1, 2 * mm), line(f"正解：{answer}", theme, bold=True)]
    out += extra()
    if q.model_answer:
        out += [heading("模範解答", theme), *block_flowables(q.model_answer, theme, q.source)]
    if notes:
        out += [heading("解説", theme), *block_flowables(notes, theme, q.source)]
    out.append(
        HRFlowable(
            width="100%", thickness=0.6, color=RULE_GREY, spaceBefore=3 * mm, spaceAfter=5 * mm
        )
    )
    return out
