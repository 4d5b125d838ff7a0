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

# canvas.__dict__ keys: JParagraph's own form table (read only) and our placements.
_FORMS = "_exampdf_forms"
_PLACED = "_exampdf_placed"
_SHARED = "_exampdf_shared"  # on a JParagraph: drawn in many places (see share)

F = TypeVar("F", bound=Flowable)
Form = tuple[str, str]  # form name, its `/… Do` operator
Placed = dict[tuple[int, float], tuple[JParagraph, Form]]


def translate(x: float, y: float) -> str:
    """The operator canvas.translate(x, y) writes after a `q`."""
    return f"1 0 0 1 {fp_str(x, y)} cm"


class Nested(Flowable):  # type: ignore[misc]
    """A container whose draw() places its children through `place`."""

    def draw_nested(self, canvas: Any, x: float, y: float) -> None:
        """What drawOn(canvas, x, y) writes, without copying the graphics state."""
        code = canvas._code
        code.append("q")
        code.append(f"1 0 0 1 {fp_str(x, y)} cm")
        m = canvas._currentMatrix
        a, b, c, d, e, f = m
        canvas._currentMatrix = (a, b, c, d, a * x + c * y + e, b * x + d * y + f)
        self.canv = canvas
        self.draw()
        del self.canv
        canvas._currentMatrix = m
        code.append("Q")


def place(canvas: Any, child: Flowable, x: float, y: float) -> None:
    """Draw `child` (already wrapped) with its origin at x, y of the current space."""
    if type(child) is JParagraph:
        place_paragraph(canvas, child, x, y)
    elif isinstance(child, Nested):
        child.draw_nested(canvas, x, y)
    elif type(child) is Spacer:  # draws nothing: only drawOn's bracket
        code = canvas._code
        code.append("q")
        code.append(f"1 0 0 1 {fp_str(x, y)} cm")
        code.append("Q")
    else:
        child.drawOn(canvas, x, y)


def share(p: F) -> F:
    """Mark p as drawn in many places (every version's copy of a question): once it is a
    form on a canvas, placing it there skips JParagraph.draw."""
    p.__dict__[_SHARED] = True
    return p


def place_paragraph(canvas: Any, p: JParagraph, x: float, y: float) -> None:
    """p.drawOn(canvas, x, y); once p is a form on this canvas, only the placement."""
    form = form_of(canvas, p, p.width)
    if form is None:
        p.drawOn(canvas, x, y)
        _learn(canvas, p)
        return
    code = canvas._code
    code.append(f"q 1 0 0 1 {fp_str(x, y)} cm")
    code.append(form[1])
    code.append("Q")
    canvas._formsinuse.append(form[0])


def form_of(canvas: Any, p: JParagraph, width: float) -> Form | None:
    """The form XObject that draws p at `width` on this canvas, once there is one."""
    placed: Placed | None = canvas.__dict__.get(_PLACED)
    if placed is None:
        return None
    hit = placed.get((id(p), width))
    return hit[1] if hit is not None and hit[0] is p else None


def _learn(canvas: Any, p: JParagraph) -> None:
    """After p.drawOn: remember p's form if JParagraph has made one (from its second use)."""
    if not p.__dict__.get(_SHARED) or getattr(p, "_linked", True):
        return  # made for one use, or with links (drawn on every use)
    if type(canvas).doForm is not Canvas.doForm:
        return  # a canvas placing forms its own way is left to it
    d = canvas.__dict__
    forms: dict[Any, str] | None = d.get(_FORMS)
    if not forms:
        return
    name = forms.get((p.runs, p.style, p.width, len(p.lines(p.width))))
    if name is not None:
        placed: Placed = d.setdefault(_PLACED, {})
        # The entry holds p, so its id is not reused while the canvas lives.
        placed[(id(p), p.width)] = (p, (name, f"/{canvas._doc.getXObjectName(name)} Do"))
