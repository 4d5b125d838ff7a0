"""Steady questions written straight into the page: measured once per question and width, laid
out per version by arithmetic on those measurements, drawn by joining cached operators.

A question whose parts are all shared paragraphs (stem, options, labels: see question.py) is
drawn by QuestionBlock's tree with the same few operators every time: `q`, a translation and
`/Form Do` per paragraph, nested as QuestionBlock > Labeled > Stack > OptionGrid > cell nest
them. Here each version's block is only its question, option order and number: its height is
the tree's own sums on cached heights, and writer.py writes its operators (compose.py's
column painter calls it). Anything else (a code block or a table in the stem, a written
answer, options that name each other, links) is never a Written block: question_block as
before, as is a Written block in a version the walk cannot compose (compose.fallback).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from reportlab.platypus import Flowable, Spacer

from exampdf.layout.blocks.labeled import baseline_drop
from exampdf.layout.blocks.stack import QuestionBlock
from exampdf.layout.exam.options import OptionGrid
from exampdf.layout.exam.question import Parts, Shelf, question_block
from exampdf.layout.text.jparagraph import JParagraph
from exampdf.model import Question
from exampdf.versions.types import VersionItem

TALL = 1e6  # the room offered when measuring: no part of a steady question depends on it
Part = tuple[Flowable, float, float, float]  # a stack part: it, space before, height, after
Cell = tuple[JParagraph, JParagraph, float, float, float]  # as OptionGrid's memo holds them
NO_ENDS: tuple[Part, ...] = ()  # a block without an end mark's


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
    if not covered(shelf, parts) or (tail and not all(type(f) is JParagraph for f in tail)):
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
        # every option at every position, measured ahead (the grid would measure them as
        # versions print them): a version's layout is then lookups and sums
        self.cells = [[self.cell(pos, c) for c in range(choices)] for pos in range(n)]
        # writer.py's: each cell's label and text offsets, formatted once
        self.cell_offsets: list[list[tuple[str, str] | None]] = [[None] * choices for _ in range(n)]
        # 問N by number, shared by the shelf's questions (the same gutter in every one)
        self.labels: dict[int, tuple[JParagraph, float]] = shelf.direct.setdefault("numbers", {})
        self.ends: dict[int, Part] = {}
        # option order -> its grid measured (orders recur: 5 options have 120, 200 versions)
        self.layouts: dict[tuple[int, ...], Layout] = {}
        self.grids: dict[tuple[float, ...], Layout] = {}  # by cell heights, printed order
        self.tops: dict[float, float] = {}  # stack height -> the cursor below the head
        # every option as tall at every position (W2: half the questions): one grid for all
        # orders, measured now, and no order looked up
        tall = {cell[4] for row in self.cells for cell in row}
        self.only = self._grid(tuple([row[0][4] for row in self.cells])) if len(tall) == 1 else None
        self.canvas: Any = None  # writer.py's operators, on the canvas they were made for
        self.known: Any = None
        self.grid_ops: Any = None  # writer.py's: a grid's operators, shared by canvases

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
        return cell

    def layout(self, order: tuple[int, ...]) -> Layout:
        """The grid of options printed in `order`, as OptionGrid.wrap sums it."""
        got = self.only or self.layouts.get(order)
        if got is None:
            table = self.cells
            cells = tuple([table[pos][c][4] for pos, c in enumerate(order)])  # printed order
            # the grid depends on the heights alone (options of one line: every order alike)
            got = self.layouts[order] = self.grids.get(cells) or self._grid(cells)
        return got

    def _grid(self, cells: tuple[float, ...]) -> Layout:
        k = self.columns
        # a row is as tall as its tallest option (max() keeps the first of equals)
        rows = cells if k == 1 else tuple(max(cells[s : s + k]) for s in range(0, len(cells), k))
        grid = sum(rows)
        got = self.grids[cells] = Layout(cells, rows, grid, sum([*self.sizes, grid]))
        return got

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


class Layout:
    """An option order's grid: cell heights (printed order), row heights, the grid's height,
    the stack's height with it (no end mark), and the cells' offsets (writer.py's, once)."""

    __slots__ = ("cells", "grid", "offsets", "rows", "stack")

    def __init__(
        self, cells: tuple[float, ...], rows: tuple[float, ...], grid: float, stack: float
    ) -> None:
        self.cells, self.rows, self.grid, self.stack = cells, rows, grid, stack
        self.offsets: list[str] | None = None


class Written:
    """One version's question: its height by the tree's arithmetic, its operators joined."""

    # a version makes one per question, and the walk and the writer read them: slots
    __slots__ = (
        "ends",
        "grid",
        "height",
        "item",
        "key",
        "label_height",
        "layout",
        "number",
        "parts",
        "plan",
        "shelf",
        "spaceAfter",
        "stack_height",
        "tail",
        "width",
    )
    spaceBefore = 0  # what Flowable.getSpaceBefore gives a QuestionBlock
    ends: Sequence[Part]

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
        self.layout: Layout | None = None

    def getSpaceBefore(self) -> int:
        return self.spaceBefore

    def getSpaceAfter(self) -> float:
        return self.spaceAfter

    def tree(self) -> QuestionBlock:
        """The QuestionBlock this block stands for (a version left to platypus)."""
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
        got = plan.only or plan.layouts.get(order) or plan.layout(order)
        self.grid = got.grid
        if self.tail:
            ends = self.ends = [plan.end(p) for p in self.tail]
            sizes = [*plan.sizes, got.grid, *(sb * True + h + sa for _, sb, h, sa in ends)]
            stack = sum(sizes)
        else:
            self.ends, stack = NO_ENDS, got.stack
        label = plan.labels.get(self.number) or plan.label(self.number)
        lh = self.label_height = label[1] + plan.drop
        self.plan, self.layout, self.stack_height = plan, got, stack
        # max(label, stack), which keeps the first of equals
        self.width, self.height = width, stack if stack > lh else lh


def cells_of(block: Written) -> Iterator[tuple[int, int, float]]:
    """The block's option cells in order: (position, column, top of its row), rows from the
    grid's top down, each cell hung from its row's top as OptionGrid draws it."""
    assert block.layout is not None and block.plan is not None
    columns, layout, row_top, pos = block.plan.columns, block.layout, block.grid, 0
    for tallest in layout.rows:
        row_top -= tallest
        for i in range(min(columns, len(layout.cells) - pos)):
            yield pos, i, row_top + tallest
            pos += 1
