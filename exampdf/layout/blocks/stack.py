"""A question as one block: kept whole in a column, or split with 「（続く）」 when too tall."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable

from exampdf.layout.blocks.cut import cut, must_cut
from exampdf.layout.blocks.labeled import Labeled
from exampdf.layout.blocks.place import Nested, place
from exampdf.layout.text.jparagraph import JParagraph
from exampdf.pdf.ops import frame_cursor, frame_height

ROOM_TO_START = 0.5  # a question taller than a column starts in one at least this empty


class Stack(Nested):
    """Flowables one under another; splits between or inside them, ending the first part
    with `more` (the 「（続く）」 line)."""

    def __init__(self, parts: Sequence[Flowable], more: Flowable | None = None) -> None:
        super().__init__()
        self.parts = list(parts)
        self.more = more
        self._sizes: list[float] = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._sizes = [
            p.getSpaceBefore() * bool(i) + p.wrap(avail_width, avail_height)[1] + p.getSpaceAfter()
            for i, p in enumerate(self.parts)
        ]
        self.width, self.height = avail_width, sum(self._sizes)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        room = avail_height
        if self.more is not None:
            room -= self.more.wrap(avail_width, avail_height)[1]
        used = 0.0
        for i, (part, size) in enumerate(zip(self.parts, self._sizes, strict=True)):
            if used + size <= room:
                used += size
                continue
            pieces = part.split(avail_width, room - used - part.getSpaceBefore() * bool(i))
            head, tail = self.parts[:i], self.parts[i:]  # unsplit: the part goes on whole
            if pieces:
                head, tail = [*head, pieces[0]], [*pieces[1:], *self.parts[i + 1 :]]
            if not head:
                return []
            ending = [self.more] if self.more is not None else []
            return [Stack([*head, *ending]), Stack(tail, self.more)]
        return []

    def cut(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """`split`, or when not even the first part fits: that part cut (or shrunk) here."""
        pieces = self.split(avail_width, avail_height)
        if pieces or not self.parts:
            return pieces
        more = self.more.wrap(avail_width, avail_height)[1] if self.more is not None else 0.0
        first, *rest = self.parts
        got = cut(first, avail_width, avail_height - more)
        tail = [*got[1:], *rest]
        if not tail:
            return [Stack(got[:1])]
        ending = [self.more] if self.more is not None else []
        return [Stack([got[0], *ending]), Stack(tail, self.more)]

    def draw(self) -> None:
        top = self.height
        for i, part in enumerate(self.parts):
            top -= part.getSpaceBefore() * bool(i)
            top -= part.height
            if type(part) is JParagraph and part.width != self.width:
                part.wrap(self.width, part.height)  # shared by every version: set for this one
            place(self.canv, part, 0, top)
            top -= part.getSpaceAfter()


class QuestionBlock(Nested):
    """`問N` beside its stack; records where it lands (key) so a last page can be balanced."""

    def __init__(
        self,
        key: str,
        label: Flowable,
        body: Stack,
        gutter: float,
        space_after: float,
        steady: bool = False,
    ) -> None:
        """`steady`: no part's height depends on the height available (paragraphs, options),
        so wrapping again at the same width (a block moved to the next column) changes
        nothing."""
        super().__init__()
        self.key = key
        self.inner = Labeled(label, body, gutter, space_after=0.0)
        self.spaceAfter = space_after
        self.steady = steady
        self._wrapped_at = -1.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._wrapped_at != avail_width or not self.steady:
            self.width, self.height = self.inner.wrap(avail_width, avail_height)
            self._wrapped_at = avail_width
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        frame = getattr(self, "_frame", None)
        full = frame_height(frame) if frame is not None else avail_height
        self.wrap(avail_width, full)
        if self.height <= full + 1e-6:
            return []  # fits a fresh column whole: never split, go to the next column
        if avail_height < ROOM_TO_START * full:
            return []  # too little room to start a long question here
        pieces: list[Flowable] = self.inner.split(avail_width, avail_height)
        if not pieces and must_cut(self, avail_height, full):  # taller than a page, unsplittable
            pieces = self.inner.cut(avail_width, avail_height)
        if pieces:
            pieces[-1].spaceAfter = self.spaceAfter
        return pieces

    def draw(self) -> None:
        frame = getattr(self, "_frame", None)
        if frame is not None and hasattr(self.canv, "record"):
            self.canv.record(self.key, frame.id, frame_cursor(frame), self.height + self.spaceAfter)
        place(self.canv, self.inner, 0, 0)
