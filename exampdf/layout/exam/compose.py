"""A version's questions composed into columns by arithmetic on their measured blocks: one
flowable per column draws them where the frame would have, without its fit/split per question.

ReportLab's frame places a flowable by a few subtractions (frames.py, Frame._add); here the
same subtractions, in the same order and on the same floats, walk a version's question blocks
through the page template's frames, so every block lands at the very y the frame would give
it and draws with the same drawOn. A question that does not fit the room left goes to the next
column (it fits a whole one: QuestionBlock.split would refuse); the last page of two columns
is balanced as columns.balance_breaks balances it from a first pass, in this one pass.

What the walk does not do is left to platypus, for the whole version (a deterministic
fallback, decided before anything is drawn): a block taller than a whole column (split with
「（続く）」), and a block whose height depends on the room it is offered (`steady` False:
code, tables, images or formulas on lines of their own in the stem).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any, NamedTuple

from reportlab.platypus import Flowable, FrameBreak
from reportlab.platypus.doctemplate import ActionFlowable

from exampdf.layout.blocks.stack import QuestionBlock
from exampdf.layout.exam import writer
from exampdf.layout.exam.columns import best_cut
from exampdf.layout.exam.direct import Written
from exampdf.layout.page.paper import PageGeometry
from exampdf.pdf.ops import (
    FRAME_FUZZ,
    FrameCursor,
    frame_cursor_state,
    frame_floor,
    frame_height,
    frame_overlaps_space,
    frame_width,
    fresh_frame_cursor,
    set_frame_cursor_state,
)

Block = QuestionBlock | Written  # a question as the walk places it
FITS_WHOLE = 1e-6  # QuestionBlock.split's tolerance for a block as tall as a column
_new = tuple.__new__


class Placed(NamedTuple):
    """One block where the frame would draw it (a tuple: a frozen dataclass's __init__ was
    a sixth of the walk)."""

    block: Block
    y: float  # its bottom, as the frame passes it to drawOn
    top: float  # the frame's cursor before it (what a probe records)
    width: float  # the width the frame offered
    serial: int  # frames walked through before this one (0: the one the version starts in)
    page: int  # pages begun before this one
    frame: int  # its frame's index in the page template


class _Walk:
    """A cursor through the page template's frames, moved by Frame._add's arithmetic."""

    def __init__(self, frames: Sequence[Any], index: int, cursor: FrameCursor) -> None:
        self.frames = frames
        self.serial = self.page = 0
        self._enter(index, cursor)

    def _enter(self, index: int, cursor: FrameCursor) -> None:
        frame = self.frames[index]
        self.index = index
        self.y, self.at_top, self.prev = cursor
        self.floor, self.width = frame_floor(frame), frame_width(frame)
        self.full, self.overlap = frame_height(frame), frame_overlaps_space(frame)

    def next_frame(self) -> None:
        index = self.index + 1
        if index == len(self.frames):
            index, self.page = 0, self.page + 1
        self.serial += 1
        self._enter(index, fresh_frame_cursor(self.frames[index]))

    def state(self) -> FrameCursor:
        return self.y, self.at_top, self.prev

    def place(self, block: Block) -> Placed | None:
        """Where the frame would draw `block` now, the cursor moved past it; None: no room."""
        s = 0.0
        if not self.at_top:
            s = block.getSpaceBefore()
            if self.overlap:
                s = max(s - self.prev, 0)
        room = self.y - self.floor - s
        if not room > 0:
            return None
        _, h = block.wrap(self.width, room)
        h += s
        y = self.y - h
        if y < self.floor - FRAME_FUZZ:
            return None
        # tuple.__new__ directly: the same Placed without NamedTuple's own __new__ in Python
        placed: Placed = _new(
            Placed, (block, y, self.y, self.width, self.serial, self.page, self.index)
        )
        after = block.getSpaceAfter()
        y -= after
        if self.overlap:
            self.prev = after
        if y != self.y:
            self.at_top = False
        self.y = y
        return placed


def walk(
    blocks: Sequence[Block],
    frames: Sequence[Any],
    index: int,
    cursor: FrameCursor,
    breaks: Collection[int] = (),
) -> tuple[list[Placed], FrameCursor] | None:
    """Every block placed from `cursor` in frame `index` on (a column break before each
    block index in `breaks`), and where the last frame is left; None where the walk would
    not do what platypus does (see the module's docstring)."""
    here = _Walk(frames, index, cursor)
    out: list[Placed] = []
    for k, block in enumerate(blocks):
        if k in breaks:
            here.next_frame()
        placed = here.place(block)
        if placed is None:
            # QuestionBlock.split measures the block for a whole column: one that fits there
            # moves on whole; a taller one is split here, which platypus does.
            if block.wrap(here.width, here.full)[1] > here.full + FITS_WHOLE:
                return None
            here.next_frame()
            placed = here.place(block)
            if placed is None:
                return None
        out.append(placed)
    return out, here.state()


def balance_cut(placed: Sequence[Placed], g: PageGeometry) -> int | None:
    """The block that should start the right column of the last page (columns.balance_breaks
    on these placements), or None."""
    if g.columns < 2 or not placed:
        return None
    last_page = placed[-1].page
    on_page = [i for i, p in enumerate(placed) if p.page == last_page]
    head = placed[on_page[0]]
    offset = g.bottom + g.frame_height - head.top if head.frame == 0 else 0.0
    heights = [placed[i].block.height + placed[i].block.spaceAfter for i in on_page]
    cut = best_cut(heights, offset, g.frame_height)
    return on_page[cut] if cut < len(on_page) else None


class Compose(Flowable):  # type: ignore[misc]
    """Stands where a version's questions begin; when the layout reaches it, becomes one
    column painter per column (with the column breaks between them) or, where the walk
    cannot compose the version, the question blocks themselves."""

    _ZEROSIZE = 1
    _SPACETRANSFER = True  # leaves the frame's last space after as it found it

    def __init__(
        self, blocks: Sequence[Block], g: PageGeometry, breaks: Collection[int] = ()
    ) -> None:
        """`breaks`: indices of blocks after a column break (the fallback's balanced page)."""
        super().__init__()
        self.blocks, self.g, self.breaks = list(blocks), g, breaks

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        frame = self._doctemplateAttr("frame")
        frames = self._doctemplateAttr("pageTemplate").frames
        frame.add_generated_content(*self.expand(frames, frames.index(frame), frame))
        return 0, 0

    def expand(self, frames: Sequence[Any], index: int, frame: Any) -> list[Flowable]:
        cursor = frame_cursor_state(frame)
        done = walk(self.blocks, frames, index, cursor)
        if done is not None:
            cut = balance_cut(done[0], self.g)
            if cut is not None:
                done = walk(self.blocks, frames, index, cursor, (cut,))
        if done is None:
            return fallback(self.blocks, self.breaks)
        return painters(*done)

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        pass  # nothing of its own: the page content is what it was without it


def fallback(blocks: Sequence[Block], breaks: Collection[int]) -> list[Flowable]:
    out: list[Flowable] = []
    for k, block in enumerate(blocks):
        if k in breaks:
            out.append(FrameBreak)
        out.append(block.tree() if isinstance(block, Written) else block)
    return out


def painters(placed: Sequence[Placed], end: FrameCursor) -> list[Flowable]:
    """A ColumnPaint per frame the blocks reach, column breaks between, the cursor set last."""
    out: list[Flowable] = []
    serial, run = 0, list[Placed]()
    for p in placed:
        if p.serial != serial:
            if run:
                out.append(ColumnPaint(run))
                run = []
            out.extend([FrameBreak] * (p.serial - serial))
            serial = p.serial
        run.append(p)
    if run:
        out += [ColumnPaint(run), LeaveCursor(end)]
    return out


class ColumnPaint(Flowable):  # type: ignore[misc]
    """Draws a column's blocks where the walk placed them, as the frame would (at the
    frame's x); writes nothing of its own."""

    _ZEROSIZE = 1
    _SPACETRANSFER = True

    def __init__(self, placed: Sequence[Placed]) -> None:
        super().__init__()
        self.placed = placed

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        # The operators the frame's drawOn writes (q, the translation, the block, Q), without
        # its copy of the whole graphics state: nothing a block draws outlives its own
        # brackets (layout/blocks/place.py), and a question block is aligned left.
        # A Written question's operators are joined by writer.py (the same bytes).
        run: list[tuple[Written, float]] = []
        for p in self.placed:
            block = p.block
            if isinstance(block, Written):
                run.append((block, p.y))
                continue
            if run:
                writer.draw_column(run, canvas, x)
                run = []
            block.draw_nested(canvas, x, p.y)
        if run:
            writer.draw_column(run, canvas, x)


class LeaveCursor(ActionFlowable):  # type: ignore[misc]
    """Leaves the frame where the last block would have left it (a later zero-size marker
    draws at that y)."""

    def __init__(self, state: FrameCursor) -> None:
        super().__init__(("leaveCursor",))
        self.state = state

    def apply(self, doc: Any) -> None:
        set_frame_cursor_state(doc.frame, self.state)
