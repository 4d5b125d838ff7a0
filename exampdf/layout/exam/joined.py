"""A Written question's operators joined from strings cached per canvas (or shared by the
canvases that name its forms alike): 問N per number, the head per stack height, each option cell,
the cells per option order. What they nest is writer.py's docstring; writer.py writes a question
paragraph by paragraph until every form it places is known here."""

from __future__ import annotations

from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.platypus import Spacer

from exampdf.layout.blocks.place import form_of
from exampdf.layout.exam.direct import Plan, Written, cells_of
from exampdf.layout.text.jparagraph import JParagraph
from exampdf.memo import Memo
from exampdf.pdf.state import Form

_NUMBERS: Memo[tuple[float, float], str] = Memo("layout.exam.joined.numbers", 1 << 12)
_OPENINGS: Memo[tuple[float, float], str] = Memo("layout.exam.joined.openings", 1 << 10)

Chunk = tuple[str, tuple[str, ...]]  # operators, the forms they place


class Grid:
    """A plan's head and option cells as operators: per stack height, position and option."""

    def __init__(self, n: int, choices: int) -> None:
        self.heads: dict[float, Chunk] = {}
        self.cells: list[list[Chunk | None]] = [[None] * choices for _ in range(n)]
        self.marks: list[Form | None] = [None] * n  # each position's label
        self.bodies: list[Form | None] = [None] * choices  # each option's text
        self.orders: dict[tuple[int, ...], Chunk] = {}  # the cells, joined, per option order
        self.middles: dict[tuple[float, float, float], Chunk] = {}  # see _middle
        # each cell as an entry of its grid, at the offset it had last (offsets recur)
        self.placed: list[list[tuple[str, str, tuple[str, ...]] | None]] = [
            [None] * choices for _ in range(n)
        ]


class OnCanvas:
    """A plan's operators on one canvas: per number and end mark, and its grid's (shared by
    the canvases where every form of the grid has the same name: see _share)."""

    def __init__(self, n: int, choices: int, labels: dict[int, Chunk]) -> None:
        self.labels = labels
        self.grid = Grid(n, choices)
        self.ends: dict[int, Chunk] = {}


def cached(
    block: Written, canvas: Any, plan: Plan, known: OnCanvas
) -> tuple[list[str], list[str]] | None:
    """The operators inside the block's translation, and the forms they place; None while a
    form is missing."""
    label = known.labels.get(block.number)
    if label is None:
        label = _form(canvas, plan.label(block.number)[0], plan.gutter_q)
        if label is None:
            return None
        known.labels[block.number] = label
    grid = known.grid
    bh, height = block.stack_height, block.height
    head = grid.middles.get((bh, height, block.grid))
    if head is None:
        head = _middle(canvas, plan, grid, block)
        if head is None:
            return None
    opening = _OPENINGS.get((height, block.label_height))
    if opening is None:
        opening = _OPENINGS.put(
            (height, block.label_height),
            f"q\n1 0 0 1 0 0 cm\nq 1 0 0 1 {fp(0, height - block.label_height)} cm",
        )
    options = grid.orders.get(block.item.order) or _options(block, canvas, plan, grid)
    if options is None:
        return None
    if not block.ends:
        return [opening, label[0], head[0], options[0], "Q\nQ\nQ\nQ"], [
            *label[1],
            *head[1],
            *options[1],
        ]
    code = [opening, label[0], head[0], options[0], "Q"]
    names = [*label[1], *head[1], *options[1]]
    top = plan.tops[bh] - block.grid
    for p, sb, h, sa in block.ends:
        top -= sb * True
        top -= h
        end = known.ends.get(id(p))
        if end is None:
            end = _form(canvas, p, plan.stack_width)
            if end is None:
                return None
            known.ends[id(p)] = end
        code.append(f"q 1 0 0 1 {fp(0, top)} cm\n{end[0]}\nQ")
        names += end[1]
        top -= sa
    code.append("Q\nQ\nQ")
    return code, names


def _middle(canvas: Any, plan: Plan, grid: Grid, block: Written) -> Chunk | None:
    """From the end of 問N to the option grid's translation: the stack's translation, the
    head, the grid's translation (per stack height, block height and grid height)."""
    bh, height = block.stack_height, block.height
    head = grid.heads.get(bh)
    if head is None:
        head = _head(canvas, plan, bh)
        if head is None:
            return None
        grid.heads[bh] = head
    top = plan.tops[bh] - block.grid  # the grid's space before and after are 0
    got = grid.middles[(bh, height, block.grid)] = (
        f"Q\nq\n1 0 0 1 {fp(plan.gutter_q, height - bh)} cm\n{head[0]}\nq\n1 0 0 1 {fp(0, top)} cm",
        head[1],
    )
    return got


def _options(block: Written, canvas: Any, plan: Plan, grid: Grid) -> Chunk | None:
    """The option cells in the block's order (once per order and grid), as one entry."""
    cells, placed, order = grid.cells, grid.placed, block.item.order
    code: list[str] = []
    names: list[str] = []
    for pos, at in enumerate(_offsets(block)):
        choice = order[pos]
        hit = placed[pos][choice]
        if hit is None or hit[0] != at:
            cell = cells[pos][choice]
            if cell is None:
                cell = cells[pos][choice] = _cell(canvas, plan, grid, pos, choice)
                if cell is None:
                    return None
            hit = placed[pos][choice] = (at, f"q\n1 0 0 1 {at} cm\n{cell[0]}\nQ", cell[1])
        code.append(hit[1])
        names += hit[2]
    got = grid.orders[order] = ("\n".join(code), tuple(names))
    return got


def _offsets(block: Written) -> list[str]:
    """Each option cell's translation in the grid, formatted (once per option order)."""
    layout, plan = block.layout, block.plan
    assert layout is not None and plan is not None
    offsets = layout.offsets
    if offsets is None:
        col, heights = plan.col, layout.cells
        offsets = layout.offsets = [
            fp(i * col, row_at - heights[pos]) for pos, i, row_at in cells_of(block)
        ]
    return offsets


def fp(x: float, y: float) -> str:
    """fp_str(x, y), remembered: a few dozen distinct pairs make most of an exam's numbers."""
    got = _NUMBERS.get((x, y))
    if got is None:
        got = _NUMBERS.put((x, y), fp_str(x, y))
    return got


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
            code.append(f"q\n1 0 0 1 {fp(0, top)} cm\nQ")
        else:
            form = form_of(canvas, p, plan.stack_width)
            if form is None:
                return None
            code.append(f"q 1 0 0 1 {fp(0, top)} cm\n{form[1]}\nQ")
            names.append(form[0])
        top -= sa
    plan.tops[bh] = top
    return "\n".join(code), tuple(names)


def _cell(canvas: Any, plan: Plan, known: Grid, pos: int, choice: int) -> Chunk | None:
    """An option cell's label and text, as OptionGrid.draw places them in the cell."""
    lab, body, lh, bh, ch = plan.cells[pos][choice]
    # a position's label and an option's text are the same paragraphs in every cell
    fl = known.marks[pos] or form_of(canvas, lab, plan.gutter)
    fb = known.bodies[choice] or form_of(canvas, body, plan.inner)
    if fl is None or fb is None:
        return None
    known.marks[pos], known.bodies[choice] = fl, fb
    at = plan.cell_offsets[pos][choice]
    if at is None:
        at = plan.cell_offsets[pos][choice] = (fp(0, ch - lh), fp(plan.gutter, ch - bh))
    code = f"q 1 0 0 1 {at[0]} cm\n{fl[1]}\nQ\nq 1 0 0 1 {at[1]} cm\n{fb[1]}\nQ"
    return code, (fl[0], fb[0])
