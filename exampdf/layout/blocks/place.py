"""Drawing flowables inside our containers (Stack, Labeled, OptionGrid, QuestionBlock) with the
same PDF operators as ReportLab's Flowable.drawOn, at a fraction of its cost.

Flowable.drawOn brackets every flowable in saveState/translate/restoreState, and saveState
copies the whole graphics state (22 attributes and an ExtGState) so that restoreState can put
it back. A container's children either bracket themselves (everything not handled here) or are
JParagraphs and containers, which change nothing a later operator depends on. So a nested
container writes the same `q`, `1 0 0 1 x y cm` and `Q` and tracks only the transform, which
link annotations need to find their place; the top-level drawOn that the frame calls still
saves and restores everything, so nothing can leak past one flowable of the story.

A JParagraph already painted as a form XObject on this canvas is placed directly (`q … cm`,
`/Form Do`, `Q`, as JParagraph.drawOn and canvas.doForm write it), without recomputing its
lookup key. tests/test_place.py checks both against ReportLab's and JParagraph's own output.
"""

from __future__ import annotations

from typing import Any, TypeVar

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Spacer

from exampdf.layout.text.jparagraph import JParagraph
from exampdf.pdf.ops import content, do_operator, matrix, set_matrix, translated, use_forms
from exampdf.pdf.state import Form, paint_state

F = TypeVar("F", bound=Flowable)


def translate(x: float, y: float) -> str:
    """The operator canvas.translate(x, y) writes after a `q`."""
    return f"1 0 0 1 {fp_str(x, y)} cm"


class Nested(Flowable):  # type: ignore[misc]
    """A container whose draw() places its children through `place`."""

    def draw_nested(self, canvas: Any, x: float, y: float) -> None:
        """What drawOn(canvas, x, y) writes, without copying the graphics state."""
        code = content(canvas)
        code.append("q")
        code.append(f"1 0 0 1 {fp_str(x, y)} cm")
        m = matrix(canvas)
        set_matrix(canvas, translated(m, x, y))
        self.canv = canvas
        self.draw()
        del self.canv
        set_matrix(canvas, m)
        code.append("Q")


def place(canvas: Any, child: Flowable, x: float, y: float) -> None:
    """Draw `child` (already wrapped) with its origin at x, y of the current space."""
    if type(child) is JParagraph:
        place_paragraph(canvas, child, x, y)
    elif isinstance(child, Nested):
        child.draw_nested(canvas, x, y)
    elif type(child) is Spacer:  # draws nothing: only drawOn's bracket
        code = content(canvas)
        code.append("q")
        code.append(f"1 0 0 1 {fp_str(x, y)} cm")
        code.append("Q")
    else:
        child.drawOn(canvas, x, y)


def share(p: F) -> F:
    """Mark p as drawn in many places (every version's copy of a question): once it is a
    form on a canvas, placing it there skips JParagraph.draw."""
    p.recurs = True
    return p


def place_paragraph(canvas: Any, p: JParagraph, x: float, y: float) -> None:
    """p.drawOn(canvas, x, y); once p is a form on this canvas, only the placement."""
    form = form_of(canvas, p, p.width)
    if form is None:
        p.drawOn(canvas, x, y)
        _learn(canvas, p)
        return
    code = content(canvas)
    code.append(f"q 1 0 0 1 {fp_str(x, y)} cm")
    code.append(form[1])
    code.append("Q")
    use_forms(canvas, (form[0],))


def form_of(canvas: Any, p: JParagraph, width: float) -> Form | None:
    """The form XObject that draws p at `width` on this canvas, once there is one."""
    hit = paint_state(canvas).placed.get((id(p), width))
    return hit[1] if hit is not None and hit[0] is p else None


def _learn(canvas: Any, p: JParagraph) -> None:
    """After p.drawOn: remember p's form if JParagraph has made one (from its second use)."""
    if not getattr(p, "recurs", False) or getattr(p, "_linked", True):
        return  # made for one use, or with links (drawn on every use)
    if type(canvas).doForm is not Canvas.doForm:
        return  # a canvas placing forms its own way is left to it
    state = paint_state(canvas)
    if not state.forms:
        return
    name = state.forms.get((p.runs, p.style, p.width, len(p.lines(p.width))))
    if name is not None:
        # The entry holds p, so its id is not reused while the canvas lives.
        state.placed[(id(p), p.width)] = (p, (name, do_operator(canvas, name)))
