"""Typed access to the ReportLab internals exampdf writes through, for speed (pinned to 4.x).

Layout code writes operators straight into a canvas's content list instead of going through
saveState/translate (which copy the whole graphics state), places forms by name, and reads a
frame's cursor. Each accessor here is one private attribute of ReportLab 4; tests/pdf/
exercises every one, so an upgrade that moves them fails there first (docs/architecture.md).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Any

from reportlab import rl_config
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFName, PDFObject, PDFObjectReference

from exampdf.memo import Memo
from exampdf.pdf.state import paint_state

Matrix = tuple[float, float, float, float, float, float]
PLACEHOLDER = "ExampdfForm"  # the key of a stand-in form's dictionary (render/merge.py)


def content(canvas: Any) -> list[str]:
    """The page's (or open form's) content stream as ReportLab collects it: one entry per
    operator group, joined with newlines when the page is written."""
    code: list[str] = canvas._code
    return code


def replayed(
    canvas: Any, drawn: dict[Any, list[str]], key: Hashable, draw: Callable[[], None]
) -> None:
    """`draw()` the first time `key` is met in `drawn` (one per document), recording the
    operators it writes; every later time, those operators copied instead of drawn again."""
    code = content(canvas)
    ops = drawn.get(key)
    if ops is not None:
        code.extend(ops)
        return
    start = len(code)
    draw()
    drawn[key] = code[start:]


def text_content(text_object: Any) -> list[str]:
    """A text object's operators, joined with spaces when it is drawn."""
    code: list[str] = text_object._code
    return code


def text_subset(text_object: Any) -> int:
    """The font subset the text object has selected last (-1: none yet)."""
    subset: int = text_object._curSubset
    return subset


def matrix(canvas: Any) -> Matrix:
    """The transform ReportLab tracks for link annotations."""
    m: Matrix = canvas._currentMatrix
    return m


def set_matrix(canvas: Any, m: Matrix) -> None:
    canvas._currentMatrix = m


def translated(m: Matrix, x: float, y: float) -> Matrix:
    """m followed by a translation to x, y (what canvas.translate does to the matrix)."""
    a, b, c, d, e, f = m
    return (a, b, c, d, a * x + c * y + e, b * x + d * y + f)


def use_forms(canvas: Any, names: Iterable[str]) -> None:
    """Tell the page it places these forms (its XObject resources), as doForm does."""
    canvas._formsinuse.extend(names)


def forms_in_use(canvas: Any) -> list[str]:
    """The forms the page places so far (its XObject resources), which use_forms extends."""
    names: list[str] = canvas._formsinuse
    return names


def emitted_forms(canvas: Any) -> Iterable[str]:
    """The forms the pages written so far place (pdf/canvas.py PaintCanvas; none elsewhere)."""
    names: Iterable[str] = getattr(canvas, "_xobjects", ())
    return names


def do_operator(canvas: Any, name: str) -> str:
    """The `/… Do` operator that places form `name`, as canvas.doForm writes it."""
    return f"/{canvas._doc.getXObjectName(name)} Do"


def stand_in(canvas: Any, name: str) -> None:
    """Note that `name` is a form an earlier slice painted, placed here: nothing is painted
    or registered; the pages' XObject dictionary refers to it by a number this document does
    not hold, which the join of slices resolves by name (pdf/resources.py, render/merge.py)."""
    paint_state(canvas).foreign.add(canvas._doc.getXObjectName(name))


def stand_in_objects(canvas: Any, names: Iterable[str]) -> None:
    """Register a tiny placeholder form for each of `names` that stands in for an earlier
    slice's form (a form placing one, whose own XObject dictionary refers to it by object),
    so every reference resolves; the join swaps it for that form too."""
    doc = canvas._doc
    foreign = paint_state(canvas).foreign
    for name in names:
        key = doc.getXObjectName(name)
        if key in foreign and key not in doc.idToObject:
            doc.Reference(_StandIn(name), key)


_STAND_INS: Memo[str, bytes] = Memo("pdf.ops.stand_ins", 1 << 14)


class _StandIn(PDFObject):  # type: ignore[misc]
    """The placeholder's dictionary, `<< /ExampdfForm /name >>`, formatted once per name: a
    later exam slice registers hundreds (W2: 8,600 in 14 slices)."""

    def __init__(self, name: str) -> None:
        self.form = name

    def format(self, document: Any) -> bytes:
        got = _STAND_INS.get(self.form)
        if got is None:
            formatted = PDFDictionary({PLACEHOLDER: PDFName(self.form)}).format(document)
            got = _STAND_INS.put(self.form, formatted)
        return got


def font_state(canvas: Any) -> tuple[str, float, float]:
    """The canvas's current font name, size and leading."""
    return canvas._fontname, canvas._fontsize, canvas._leading


def frame_cursor(frame: Any) -> float:
    """How far down the frame has filled: the y of its next flowable's top."""
    y: float = frame._y
    return y


def frame_height(frame: Any) -> float:
    height: float = frame._height
    return height


def table_rows(table: Any) -> int:
    """How many rows a ReportLab Table (or a piece of one) holds, its repeated header included
    (0 for any other flowable)."""
    return len(getattr(table, "_cellvalues", ()))


def table_row_heights(table: Any) -> list[float]:
    """A wrapped ReportLab Table's row heights, top first ([] for any other flowable)."""
    return list(getattr(table, "_rowHeights", None) or ())


FrameCursor = tuple[float, bool, float]  # y, at the top, the space after the last flowable


def frame_cursor_state(frame: Any) -> FrameCursor:
    """Where the frame stands: its cursor, whether nothing moved it yet, and the last space
    after (which the next space before overlaps, as ReportLab's frames do)."""
    return frame._y, bool(frame._atTop), frame._prevASpace


def set_frame_cursor_state(frame: Any, state: FrameCursor) -> None:
    """Leave the frame where a run of flowables drawn outside it would have left it."""
    frame._y, frame._atTop, frame._prevASpace = state[0], int(state[1]), state[2]


def fresh_frame_cursor(frame: Any) -> FrameCursor:
    """The cursor of `frame` on a new page (what Frame._reset sets)."""
    return frame._y2 - frame._topPadding, True, 0


def frame_floor(frame: Any) -> float:
    """The lowest y a flowable may reach in the frame (its bottom padding included)."""
    floor: float = frame._y1p
    return floor


def frame_width(frame: Any) -> float:
    """The width the frame gives its flowables (extra indents taken off)."""
    width: float = frame._getAvailableWidth()
    return width


def frame_overlaps_space(frame: Any) -> bool:
    """Whether a flowable's space before overlaps the previous one's space after."""
    return bool(frame._oASpace)


# How far below its frame a flowable may end and still count as fitting (frames.py's _FUZZ).
FRAME_FUZZ: float = rl_config._FUZZ


def outline_here(canvas: Any, key: str) -> None:
    """Point bookmark `key` at the page the layout has reached. A canvas that keeps pages
    back (page n / N) has no current page object yet; ReportLab names pages Page1, Page2, …
    in order, so the document template's page number names the right one."""
    page = canvas._doctemplate.page
    dest = canvas._bookmarkReference(key)
    dest.fit()
    dest.setPage(PDFObjectReference(f"Page{page}"))


def table_cell_style(table: Any) -> Any:
    """The cell style Table._drawCell last set on the canvas (None at the start)."""
    return getattr(table, "_curcellstyle", None)


def set_table_cell_style(table: Any, style: Any) -> None:
    table._curcellstyle = style
