"""Steady questions written straight into the page: measured once per question and width, laid
out per version by arithmetic on those measurements, drawn by joining cached operators.

A question whose parts are all shared paragraphs (stem, options, labels: see question.py) is
drawn by QuestionBlock's tree with the same few operators every time: `q`, a translation and
`/Form Do` per paragraph, nested as QuestionBlock > Labeled > Stack > OptionGrid > cell nest
them. Here each version's block is only its question, option order and number: its height is
the tree's own sums on cached heights, and drawing it joins operator strings cached per canvas
(the stem's per stack height, an option cell's per label and choice, 問N's per number) with the
few translations that depend on the version. Until every paragraph it places is a form on the
canvas (its first use in a slice), the block is drawn through its tree, which paints them in the
order it always has. Anything else (a code block or a table in the stem, a written answer,
options that name each other, links) is never a Written block: question_block as before.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.platypus import Flowable, Spacer

from exampdf.layout.blocks.labeled import baseline_drop
from exampdf.layout.blocks.place import form_of
from exampdf.layout.blocks.stack import QuestionBlock
from exampdf.layout.exam.options import OptionGrid
from exampdf.layout.exam.question import Parts, Shelf, question_block
from exampdf.layout.text.jparagraph import JParagraph
from exampdf.model import Question
from exampdf.pdf.ops import content, use_forms
from exampdf.pdf.state import PaintState, paint_state
from exampdf.versions.types import VersionItem

TALL = 1e6  # the room offered when measuring: no part of a steady question depends on it
Part = tuple[Flowable, float, float, float]  # a stack part: it, space before, height, after
Cell = tuple[JParagraph, JParagraph, float, float, float]  # as OptionGrid's memo holds them
Placing = tuple[int, int, float]  # an option cell in a version: position, choice, its height
Chunk = tuple[str, tuple[str, ...]]  # operators, the forms they place


def written(
    shelf: Shelf,
    number: int,
    question: Question,
    item: VersionItem,
    key: str,
    tail: Sequence[Flowable],
) -> Written | None:
    """The question as a Written block, or None where it must be a QuestionBlock."""
    parts = shelf.parts(question)
    if not covered(shelf, parts) or not all(type(f) is JParagraph for f in tail):
        return None
    return Written(shelf, parts, number, item, key, tuple(tail))


def covered(shelf: Shelf, parts: Parts) -> bool:
    """Whether every version of the question can be written directly (decided once)."""
    ok: bool | None = parts.plans.get("covered")
    if ok is None:
        q = parts.question
        ok = q.kind != "written" and parts.stem is not None and not parts.cites
        if ok:
            bodies = [shelf.body(parts, c) for c in range(len(q.choices))]
            texts = [p for p in [*(parts.stem or ()), *bodies] if type(p) is not Spacer]
            ok = bool(bodies) and all(not getattr(p, "_linked", True) for p in texts)
        parts.plans["covered"] = ok
    return ok


class Plan:
    """One question at one frame width with `n` options: what every version shares."""

    def __init__(self, shelf: Shelf, parts: Parts, width: float, item: VersionItem) -> None:
        self.shelf, self.parts = shelf, parts
        self.gutter_q = shelf.theme.size * 3.2  # as question_block gives Labeled
        sw = self.stack_width = width - self.gutter_q
        head = [*(parts.stem or ()), shelf.gap, *([shelf.note] if parts.note else [])]
        self.head: list[Part] = [
            (p, p.getSpaceBefore(), p.wrap(sw, TALL)[1], p.getSpaceAfter()) for p in head
        ]
        self.sizes = [sb * bool(i) + h + sa for i, (_, sb, h, sa) in enumerate(self.head)]
        self.drop = baseline_drop(head[0])
        n = len(item.order)
        self.gutter: float = shelf.gutter(parts.mark, n)
        columns = parts.grid.columns.get(sw)
        if columns is None:  # chosen as the grid chooses it, into the memo it shares
            grid = shelf.options(parts, item)[-1]
            assert isinstance(grid, OptionGrid)
            columns = grid.choose_columns(sw)
        self.columns: int = columns
        self.col = sw / columns
        self.inner = self.col - self.gutter
        choices = len(parts.question.choices)
        self.cells: list[list[Cell | None]] = [[None] * choices for _ in range(n)]
        self.labels: dict[int, tuple[JParagraph, float]] = {}
        self.ends: dict[int, Part] = {}
        self.tops: dict[float, float] = {}  # stack height -> the cursor below the head
        self.canvas: weakref.ref[PaintState] | None = None
        self.known = _OnCanvas(n, choices)

    def cell(self, pos: int, choice: int) -> Cell:
        """Option `choice` printed at `pos`, measured as OptionGrid.wrap measures it."""
        lab = self.shelf.mark(self.parts.mark, pos)
        body = self.shelf.body(self.parts, choice)
        memo = self.parts.grid.cells
        key = (id(lab), id(body), self.col, self.gutter)
        cell: Cell | None = memo.get(key)
        if cell is None:
            lh = lab.wrap(self.gutter, TALL)[1]
            bh = body.wrap(self.col - self.gutter, TALL)[1]
            lh += baseline_drop(body)
            cell = memo[key] = (lab, body, lh, bh, max(lh, bh))
        self.cells[pos][choice] = cell
        return cell

    def label(self, number: int) -> tuple[JParagraph, float]:
        got = self.labels.get(number)
        if got is None:
            p = self.shelf.number(number)
            got = self.labels[number] = (p, p.wrap(self.gutter_q, TALL)[1])
        return got

    def end(self, p: JParagraph) -> Part:
        got = self.ends.get(id(p))
        if got is None or got[0] is not p:
            sw = self.stack_width
            got = self.ends[id(p)] = (p, p.getSpaceBefore(), p.wrap(sw, TALL)[1], p.getSpaceAfter())
        return got

    def on(self, canvas: Any) -> _OnCanvas:
        """Operators cached for this canvas (forms are named per document)."""
        state = paint_state(canvas)
        if self.canvas is None or self.canvas() is not state:
            self.canvas = weakref.ref(state)
            self.known = _OnCanvas(len(self.cells), len(self.cells[0]))
        return self.known


class _OnCanvas:
    """A plan's operators on one canvas: per number, stack height, option cell, end mark."""

    def __init__(self, n: int, choices: int) -> None:
        self.labels: dict[int, Chunk] = {}
        self.heads: dict[float, Chunk] = {}
        self.cells: list[list[Chunk | None]] = [[None] * choices for _ in range(n)]
        self.ends: dict[int, Chunk] = {}


class Written:
    """One version's question: its height by the tree's arithmetic, its operators joined."""

    spaceBefore = 0  # what Flowable.getSpaceBefore gives a QuestionBlock

    def __init__(
        self,
        shelf: Shelf,
        parts: Parts,
        number: int,
        item: VersionItem,
        key: str,
        tail: tuple[JParagraph, ...],
    ) -> None:
        self.shelf, self.parts, self.number, self.item = shelf, parts, number, item
        self.key, self.tail = key, tail
        self.spaceAfter: float = shelf.theme.size * 1.4  # as question_block gives QuestionBlock
        self.width = self.height = -1.0
        self.plan: Plan | None = None

    def getSpaceBefore(self) -> int:
        return self.spaceBefore

    def getSpaceAfter(self) -> float:
        return self.spaceAfter

    def tree(self) -> QuestionBlock:
        """The QuestionBlock this block stands for (fallback and first uses)."""
        q, item = self.parts.question, self.item
        theme, style = self.shelf.theme, self.shelf.style
        return question_block(self.number, q, item, theme, style, self.key, self.tail)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if avail_width != self.width:
            self._layout(avail_width)
        return self.width, self.height

    def _layout(self, width: float) -> None:
        """Heights as QuestionBlock > Labeled > Stack > OptionGrid.wrap sum them."""
        order = self.item.order
        plan: Plan | None = self.parts.plans.get((width, len(order)))
        if plan is None:
            plan = self.parts.plans[(width, len(order))] = Plan(
                self.shelf, self.parts, width, self.item
            )
        table = plan.cells
        k = plan.columns
        rows: list[tuple[list[Placing], float]] = []
        row: list[Placing] = []
        tallest = 0.0
        for pos, c in enumerate(order):
            cell = table[pos][c] or plan.cell(pos, c)
            ch = cell[4]
            if not row or ch > tallest:  # max() keeps the first of equals: same value
                tallest = ch
            row.append((pos, c, ch))
            if len(row) == k:
                rows.append((row, tallest))
                row = []
        if row:
            rows.append((row, tallest))
        grid = sum(h for _, h in rows)
        sizes = [*plan.sizes, grid]
        ends = [plan.end(p) for p in self.tail]
        sizes += [sb * True + h + sa for _, sb, h, sa in ends]
        self.stack_height = sum(sizes)
        self.label_height = plan.label(self.number)[1] + plan.drop
        self.plan, self.rows, self.grid, self.ends = plan, rows, grid, ends
        self.width, self.height = width, max(self.label_height, self.stack_height)

    def draw_nested(self, canvas: Any, x: float, y: float) -> None:
        """What the tree's draw_nested(canvas, x, y) writes."""
        assert self.plan is not None
        ops = self._operators(canvas, self.plan, self.plan.on(canvas))
        if ops is None:
            through_tree(self, canvas, x, y)
            return
        content(canvas).append(f"q\n1 0 0 1 {fp_str(x, y)} cm\n{ops[0]}")
        use_forms(canvas, ops[1])

    def _operators(self, canvas: Any, plan: Plan, known: _OnCanvas) -> Chunk | None:
        """The tree's operators after its own translation; None until every paragraph it
        places is a form on this canvas."""
        label = known.labels.get(self.number)
        if label is None:
            label = _form(canvas, plan.label(self.number)[0], plan.gutter_q)
            if label is None:
                return None
            known.labels[self.number] = label
        bh, height = self.stack_height, self.height
        head = known.heads.get(bh)
        if head is None:
            head = _head(canvas, plan, bh)
            if head is None:
                return None
            known.heads[bh] = head
        top = plan.tops[bh] - self.grid  # the grid's space before and after are 0
        code = [  # Labeled at the block's origin, 問N, the Stack, its head, the grid
            f"q\n1 0 0 1 0 0 cm\nq 1 0 0 1 {fp_str(0, height - self.label_height)} cm\n"
            f"{label[0]}\nQ\nq\n1 0 0 1 {fp_str(plan.gutter_q, height - bh)} cm\n{head[0]}\n"
            f"q\n1 0 0 1 {fp_str(0, top)} cm"
        ]
        names = [*label[1], *head[1]]
        cells, col = known.cells, plan.col
        row_top = self.grid
        for row, tallest in self.rows:
            row_top -= tallest
            for i, (pos, choice, ch) in enumerate(row):
                cell = cells[pos][choice]
                if cell is None:
                    cell = cells[pos][choice] = _cell(canvas, plan, pos, choice)
                    if cell is None:
                        return None
                code.append(
                    f"q\n1 0 0 1 {fp_str(i * col, row_top + tallest - ch)} cm\n{cell[0]}\nQ"
                )
                names += cell[1]
        code.append("Q")
        for p, sb, h, sa in self.ends:
            top -= sb * True
            top -= h
            end = known.ends.get(id(p))
            if end is None:
                end = _form(canvas, p, plan.stack_width)
                if end is None:
                    return None
                known.ends[id(p)] = end
            code.append(f"q 1 0 0 1 {fp_str(0, top)} cm\n{end[0]}\nQ")
            names += end[1]
            top -= sa
        code.append("Q\nQ\nQ")
        return "\n".join(code), tuple(names)


def through_tree(block: Written, canvas: Any, x: float, y: float) -> None:
    """The block drawn by its QuestionBlock (paints what is not a form on the canvas yet)."""
    tree = block.tree()
    tree.wrap(block.width, TALL)
    tree.draw_nested(canvas, x, y)


def _form(canvas: Any, p: JParagraph, width: float) -> Chunk | None:
    form = form_of(canvas, p, width)
    return None if form is None else (form[1], (form[0],))


def _head(canvas: Any, plan: Plan, bh: float) -> Chunk | None:
    """The stem, gap and note where Stack.draw places them in a stack `bh` tall."""
    code: list[str] = []
    names: list[str] = []
    top = bh
    for i, (p, sb, h, sa) in enumerate(plan.head):
        top -= sb * bool(i)
        top -= h
        if type(p) is Spacer:
            code.append(f"q\n1 0 0 1 {fp_str(0, top)} cm\nQ")
        else:
            form = form_of(canvas, p, plan.stack_width)
            if form is None:
                return None
            code.append(f"q 1 0 0 1 {fp_str(0, top)} cm\n{form[1]}\nQ")
            names.append(form[0])
        top -= sa
    plan.tops[bh] = top
    return "\n".join(code), tuple(names)


def _cell(canvas: Any, plan: Plan, pos: int, choice: int) -> Chunk | None:
    """An option cell's label and text, as OptionGrid.draw places them in the cell."""
    cell = plan.cells[pos][choice]
    assert cell is not None  # measured by the layout
    lab, body, lh, bh, ch = cell
    fl, fb = form_of(canvas, lab, plan.gutter), form_of(canvas, body, plan.inner)
    if fl is None or fb is None:
        return None
    code = (
        f"q 1 0 0 1 {fp_str(0, ch - lh)} cm\n{fl[1]}\nQ\n"
        f"q 1 0 0 1 {fp_str(plan.gutter, ch - bh)} cm\n{fb[1]}\nQ"
    )
    return code, (fl[0], fb[0])
