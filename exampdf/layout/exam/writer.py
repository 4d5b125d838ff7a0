"""A Written question's operators: joined from strings cached per canvas once every paragraph
it places is a form there; on its first use, written paragraph by paragraph, painting the forms
it lacks where its QuestionBlock would have painted them (so they get the same names).

What QuestionBlock.draw_nested writes, nested as its tree nests it (Nested.draw_nested and
place_paragraph in layout/blocks/place.py; Labeled.draw; Stack.draw; OptionGrid.draw):
    q / 1 0 0 1 x y cm                      the block (ColumnPaint's translation)
      q / 1 0 0 1 0 0 cm                    Labeled, at the block's origin
        q 1 0 0 1 0 H-lh cm / Do / Q        問N
        q / 1 0 0 1 gutter H-bh cm          the Stack
          q 1 0 0 1 0 top cm / Do / Q       each stem paragraph (a Spacer: q / … cm / Q)
          q / 1 0 0 1 0 top cm              the option grid
            q / 1 0 0 1 cx cy cm            each cell: its label and text forms
              q 1 0 0 1 0 ly cm / Do / Q / q 1 0 0 1 g by cm / Do / Q
            Q
          Q
          q 1 0 0 1 0 top cm / Do / Q       以上 after the last question
        Q  Q  Q
Every `/` is a newline: ReportLab joins a page's operators with newlines.
"""

from __future__ import annotations

import weakref
from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.platypus import Spacer

from exampdf.layout.blocks.place import form_of, place_paragraph
from exampdf.layout.exam.direct import Plan, Written, cells_of
from exampdf.layout.text.jparagraph import JParagraph
from exampdf.memo import Memo
from exampdf.pdf.forms import HashedKey, form_digest, inherited_form
from exampdf.pdf.ops import content, do_operator, use_forms
from exampdf.pdf.state import Form, paint_state

_NUMBERS: Memo[tuple[float, float], str] = Memo("layout.exam.writer.numbers", 1 << 12)
_KEYS: Memo[tuple[int, float], tuple[JParagraph, HashedKey, str]] = Memo(
    "layout.exam.writer.keys", 1 << 14
)
TALL = 1e6  # a steady paragraph's height does not depend on the room offered
Chunk = tuple[str, tuple[str, ...]]  # operators, the forms they place


class _Grid:
    """A plan's head and option cells as operators: per stack height, position and option."""

    def __init__(self, n: int, choices: int) -> None:
        self.heads: dict[float, Chunk] = {}
        self.cells: list[list[Chunk | None]] = [[None] * choices for _ in range(n)]
        self.marks: list[Form | None] = [None] * n  # each position's label
        self.bodies: list[Form | None] = [None] * choices  # each option's text
        self.orders: dict[tuple[int, ...], Chunk] = {}  # the cells, joined, per option order


class _OnCanvas:
    """A plan's operators on one canvas: per number and end mark, and its grid's (shared by
    the canvases where every form of the grid has the same name: see _share)."""

    def __init__(self, n: int, choices: int, labels: dict[int, Chunk]) -> None:
        self.labels = labels
        self.grid = _Grid(n, choices)
        self.ends: dict[int, Chunk] = {}


def _known(plan: Plan, canvas: Any) -> _OnCanvas:
    """The plan's operators for this canvas (forms are named per document)."""
    state = paint_state(canvas)
    if plan.canvas is None or plan.canvas() is not state:
        plan.canvas = weakref.ref(state)
        # 問N's operators are the shelf's, on this canvas (every question prints every number)
        shared = plan.shelf.direct.get("canvas")
        if shared is None or shared[0]() is not state:
            shared = plan.shelf.direct["canvas"] = (plan.canvas, {})
        plan.known = _OnCanvas(len(plan.cells), len(plan.cells[0]), shared[1])
    known: _OnCanvas = plan.known
    return known


def _share(plan: Plan, canvas: Any, known: _OnCanvas) -> None:
    """After a first use: the grid's operators of the first canvas where every form of the
    grid was placed, if every one of them has the same name here (a later exam slice places
    the first slice's forms under their names: W2 builds each grid once, not in 15 slices)."""
    texts = [p for p, *_ in plan.head if type(p) is not Spacer]
    names = (
        *(form_of(canvas, p, plan.stack_width) for p in texts),
        *(form_of(canvas, row[0][0], plan.gutter) for row in plan.cells),
        *(form_of(canvas, cell[1], plan.inner) for cell in plan.cells[0]),
    )
    if None in names:
        return  # not all placed here: this canvas's own operators
    if plan.grid_ops is None:
        plan.grid_ops = (names, known.grid)
    elif plan.grid_ops[0] == names:
        known.grid = plan.grid_ops[1]


def draw(block: Written, canvas: Any, x: float, y: float) -> None:
    """The block at x, y, as its QuestionBlock's draw_nested would write it."""
    plan = block.plan
    assert plan is not None
    ops = _cached(block, canvas, plan, _known(plan, canvas))
    if ops is None:
        first_use(block, canvas, x, y)
        return
    code = content(canvas)
    code.append(f"q\n1 0 0 1 {_fp(x, y)} cm")
    code.extend(ops[0])  # the page joins its entries with newlines, as ours would be
    use_forms(canvas, ops[1])


def _cached(
    block: Written, canvas: Any, plan: Plan, known: _OnCanvas
) -> tuple[list[str], list[str]] | None:
    """The operators inside the block's translation, and the forms they place; None while a
    form is missing."""
    label = known.labels.get(block.number)
    if label is None:
        label = _form(canvas, plan.label(block.number)[0], plan.gutter_q)
        if label is None:
            return None
        known.labels[block.number] = label
    bh, height = block.stack_height, block.height
    grid = known.grid
    head = grid.heads.get(bh)
    if head is None:
        head = _head(canvas, plan, bh)
        if head is None:
            return None
        grid.heads[bh] = head
    top = plan.tops[bh] - block.grid  # the grid's space before and after are 0
    code = [
        f"q\n1 0 0 1 0 0 cm\nq 1 0 0 1 {_fp(0, height - block.label_height)} cm\n"
        f"{label[0]}\nQ\nq\n1 0 0 1 {_fp(plan.gutter_q, height - bh)} cm\n{head[0]}\n"
        f"q\n1 0 0 1 {_fp(0, top)} cm"
    ]
    names = [*label[1], *head[1]]
    options = grid.orders.get(block.item.order) or _options(block, canvas, plan, grid)
    if options is None:
        return None
    code += [options[0], "Q"]
    names += options[1]
    for p, sb, h, sa in block.ends:
        top -= sb * True
        top -= h
        end = known.ends.get(id(p))
        if end is None:
            end = _form(canvas, p, plan.stack_width)
            if end is None:
                return None
            known.ends[id(p)] = end
        code.append(f"q 1 0 0 1 {_fp(0, top)} cm\n{end[0]}\nQ")
        names += end[1]
        top -= sa
    code.append("Q\nQ\nQ")
    return code, names


def _options(block: Written, canvas: Any, plan: Plan, grid: _Grid) -> Chunk | None:
    """The option cells in the block's order (once per order and grid), as one entry."""
    cells, order = grid.cells, block.item.order
    code: list[str] = []
    names: list[str] = []
    for pos, at in enumerate(_offsets(block)):
        cell = cells[pos][order[pos]]
        if cell is None:
            cell = cells[pos][order[pos]] = _cell(canvas, plan, grid, pos, order[pos])
            if cell is None:
                return None
        code.append(f"q\n1 0 0 1 {at} cm\n{cell[0]}\nQ")
        names += cell[1]
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
            _fp(i * col, row_at - heights[pos]) for pos, i, row_at in cells_of(block)
        ]
    return offsets


def _fp(x: float, y: float) -> str:
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
            code.append(f"q\n1 0 0 1 {_fp(0, top)} cm\nQ")
        else:
            form = form_of(canvas, p, plan.stack_width)
            if form is None:
                return None
            code.append(f"q 1 0 0 1 {_fp(0, top)} cm\n{form[1]}\nQ")
            names.append(form[0])
        top -= sa
    plan.tops[bh] = top
    return "\n".join(code), tuple(names)


def _cell(canvas: Any, plan: Plan, known: _Grid, pos: int, choice: int) -> Chunk | None:
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
        at = plan.cell_offsets[pos][choice] = (_fp(0, ch - lh), _fp(plan.gutter, ch - bh))
    code = f"q 1 0 0 1 {at[0]} cm\n{fl[1]}\nQ\nq 1 0 0 1 {at[1]} cm\n{fb[1]}\nQ"
    return code, (fl[0], fb[0])


class _Out:
    """Operators gathered for the page, handed over before a paragraph is painted."""

    def __init__(self, canvas: Any) -> None:
        self.canvas = canvas
        self.code: list[str] = []
        self.names: list[str] = []

    def paragraph(self, p: JParagraph, width: float, x: float, y: float) -> None:
        """p (shared, measured at `width`) placed at x, y as place_paragraph places it."""
        form = form_of(self.canvas, p, width)
        if form is None and p.width == width:
            form = _inherited(self.canvas, p, width)
        if form is not None:
            self.code.append(f"q 1 0 0 1 {_fp(x, y)} cm\n{form[1]}\nQ")
            self.names.append(form[0])
            return
        self.flush()
        if p.width != width:  # shared with another width since: as the tree wraps it
            p.wrap(width, TALL)
        place_paragraph(self.canvas, p, x, y)

    def flush(self) -> None:
        if self.code:
            content(self.canvas).append("\n".join(self.code))
            self.code = []
        if self.names:
            use_forms(self.canvas, self.names)
            self.names = []


def _inherited(canvas: Any, p: JParagraph, width: float) -> Form | None:
    """In a later slice, p's form as the first slice painted it: placed through its stand-in
    exactly as JParagraph.draw would place it (the same lookups, in the same order), and
    remembered for this canvas as place_paragraph remembers a form it learns."""
    state = paint_state(canvas)
    if not state.inherited or not getattr(p, "recurs", False) or p._linked:
        return None
    known = _KEYS.get((id(p), width))  # the key JParagraph.draw makes, made once
    if known is None or known[0] is not p:
        key = HashedKey((p.runs, p.style, width, len(p.lines(width))))
        known = _KEYS.put((id(p), width), (p, key, form_digest(key)))
    name = state.forms.get(known[1]) or inherited_form(canvas, known[1], known[2])
    if name is None:
        return None
    form = (name, do_operator(canvas, name))
    state.placed[(id(p), width)] = (p, form)
    return form


def first_use(block: Written, canvas: Any, x: float, y: float) -> None:
    """The block written paragraph by paragraph, painting the forms the canvas lacks."""
    plan = block.plan
    assert plan is not None
    out = _Out(canvas)
    height, bh = block.height, block.stack_height
    out.code.append(f"q\n1 0 0 1 {_fp(x, y)} cm\nq\n1 0 0 1 0 0 cm")
    label = plan.label(block.number)[0]
    out.paragraph(label, plan.gutter_q, 0, height - block.label_height)
    out.code.append(f"q\n1 0 0 1 {_fp(plan.gutter_q, height - bh)} cm")
    top = bh
    for i, (p, sb, h, sa) in enumerate(plan.head):
        top -= sb * bool(i)
        top -= h
        if type(p) is Spacer:
            out.code.append(f"q\n1 0 0 1 {_fp(0, top)} cm\nQ")
        else:
            assert isinstance(p, JParagraph)
            out.paragraph(p, plan.stack_width, 0, top)
        top -= sa
    plan.tops[bh] = top
    top -= block.grid
    out.code.append(f"q\n1 0 0 1 {_fp(0, top)} cm")
    order = block.item.order
    for pos, i, row_at in cells_of(block):
        lab, body, lh, h, ch = plan.cells[pos][order[pos]]
        out.code.append(f"q\n1 0 0 1 {_fp(i * plan.col, row_at - ch)} cm")
        out.paragraph(lab, plan.gutter, 0, ch - lh)
        out.paragraph(body, plan.inner, plan.gutter, ch - h)
        out.code.append("Q")
    out.code.append("Q")
    for p, sb, h, sa in block.ends:
        top -= sb * True
        top -= h
        out.paragraph(p, plan.stack_width, 0, top)
        top -= sa
    out.code.append("Q\nQ\nQ")
    out.flush()
    _share(plan, canvas, _known(plan, canvas))
