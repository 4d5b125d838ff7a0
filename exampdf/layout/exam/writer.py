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
from collections.abc import Iterable
from typing import Any

from reportlab.platypus import Spacer

from exampdf.layout.blocks.place import form_of, place_paragraph
from exampdf.layout.exam.direct import Plan, Written, cells_of
from exampdf.layout.exam.joined import OnCanvas, cached, fp
from exampdf.layout.text.jparagraph import JParagraph
from exampdf.memo import Memo
from exampdf.pdf.forms import HashedKey, form_digest, inherited_form
from exampdf.pdf.ops import content, do_operator, forms_in_use, use_forms
from exampdf.pdf.state import Form, paint_state

_KEYS: Memo[tuple[int, float], tuple[JParagraph, HashedKey, str]] = Memo(
    "layout.exam.writer.keys", 1 << 14
)
_ADOPTED: Memo[int, tuple[Plan, Any]] = Memo("layout.exam.writer.adopted", 1 << 12)
TALL = 1e6  # a steady paragraph's height does not depend on the room offered


def _known(plan: Plan, canvas: Any) -> OnCanvas:
    """The plan's operators for this canvas (forms are named per document)."""
    state = paint_state(canvas)
    if plan.canvas is None or plan.canvas() is not state:
        plan.canvas = weakref.ref(state)
        # 問N's operators are the shelf's, on this canvas (every question prints every number)
        shared = plan.shelf.direct.get("canvas")
        if shared is None or shared[0]() is not state:
            shared = plan.shelf.direct["canvas"] = (plan.canvas, {})
        plan.known = OnCanvas(len(plan.cells), len(plan.cells[0]), shared[1])
        if state.adopted is not None:  # its forms all placed before (pdf/forms.py adopt)
            _adopted_grid(plan, canvas, plan.known, state.template)
    known: OnCanvas = plan.known
    return known


def _share(plan: Plan, canvas: Any, known: OnCanvas) -> None:
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


def _adopted_grid(plan: Plan, canvas: Any, known: OnCanvas, template: Any) -> None:
    """`_share` on a canvas that adopted `template`: checked on the first such canvas only,
    since every later one starts with the template's forms placed under the same names."""
    hit = _ADOPTED.get(id(plan))
    if hit is not None and hit[0] is plan and hit[1] is template:
        known.grid = plan.grid_ops[1]
        return
    _share(plan, canvas, known)
    shared = plan.grid_ops
    # only a grid of the template's forms: not one of forms a slice painted itself (S…)
    if (
        shared is not None
        and known.grid is shared[1]
        and all(form[0] in template.inherited for form in shared[0])
    ):
        _ADOPTED.put(id(plan), (plan, template))


def draw_column(blocks: Iterable[tuple[Written, float]], canvas: Any, x: float) -> None:
    """Each block at x and its y, as its QuestionBlock's draw_nested would write it (the
    page's operator list and forms fetched once for the column, not once per block)."""
    code, inuse, state = content(canvas), forms_in_use(canvas), paint_state(canvas)
    for block, y in blocks:
        plan = block.plan
        assert plan is not None
        known = plan.known
        if plan.canvas is None or plan.canvas() is not state:
            known = _known(plan, canvas)
        ops = cached(block, canvas, plan, known)
        if ops is None:
            first_use(block, canvas, x, y)
            # painting a form may leave the page new lists (ReportLab's endForm)
            code, inuse = content(canvas), forms_in_use(canvas)
            continue
        code.append(f"q\n1 0 0 1 {fp(x, y)} cm")
        code.extend(ops[0])  # the page joins its entries with newlines, as ours would be
        inuse.extend(ops[1])


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
            self.code.append(f"q 1 0 0 1 {fp(x, y)} cm\n{form[1]}\nQ")
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
    out.code.append(f"q\n1 0 0 1 {fp(x, y)} cm\nq\n1 0 0 1 0 0 cm")
    label = plan.label(block.number)[0]
    out.paragraph(label, plan.gutter_q, 0, height - block.label_height)
    out.code.append(f"q\n1 0 0 1 {fp(plan.gutter_q, height - bh)} cm")
    top = bh
    for i, (p, sb, h, sa) in enumerate(plan.head):
        top -= sb * bool(i)
        top -= h
        if type(p) is Spacer:
            out.code.append(f"q\n1 0 0 1 {fp(0, top)} cm\nQ")
        else:
            assert isinstance(p, JParagraph)
            out.paragraph(p, plan.stack_width, 0, top)
        top -= sa
    plan.tops[bh] = top
    top -= block.grid
    out.code.append(f"q\n1 0 0 1 {fp(0, top)} cm")
    order = block.item.order
    for pos, i, row_at in cells_of(block):
        lab, body, lh, h, ch = plan.cells[pos][order[pos]]
        out.code.append(f"q\n1 0 0 1 {fp(i * plan.col, row_at - ch)} cm")
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
