"""The last resort for a block that must start here — the top of a fresh frame — although it
neither fits nor splits: cut inside its first part, else shrink it into the frame.

ReportLab raises LayoutError when a flowable it has already moved to a fresh frame (marked
`_postponed`) still neither fits nor splits there: an option of 5,000 characters, a table
cell taller than a page. Containers (a question's stack, a labelled body, the option grid)
answer `cut(width, height)` by cutting their first part the same way; a paragraph cuts
between lines; anything else (a table row, an image, a drawing) is scaled down to fit.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from exampdf.layout.blocks.shrinks import note
from exampdf.pdf.ops import frame_height


def cut(flowable: Flowable, width: float, height: float) -> list[Flowable]:
    """One or more pieces, the first of which fits `height`; never empty."""
    own: Any = getattr(flowable, "cut", None)
    if own is not None:
        pieces: list[Flowable] = own(width, height)
    else:
        pieces = flowable.split(width, height)
    return pieces or [shrunk(flowable, width, height)]


def shrunk(flowable: Flowable, width: float, height: float) -> Flowable:
    """`flowable` scaled down (never up) into width × height."""
    return Shrunk(flowable, height)


class Shrunk(Flowable):  # type: ignore[misc]
    """A flowable laid out at the full width and drawn scaled down to at most `most` high
    (ReportLab's KeepInFrame needs a canvas to wrap, which nested flowables do not have)."""

    def __init__(self, inner: Flowable, most: float) -> None:
        super().__init__()
        self.inner, self.most = inner, most
        self.scale = 1.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        width, height = self.inner.wrap(avail_width, 1e9)
        self.scale = min(1.0, max(self.most, 1.0) / max(height, 1e-6))
        self.width, self.height = width * self.scale, height * self.scale
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        note(getattr(self.inner, "origin", None), self.scale)  # W112, once the layout is done
        self.canv.saveState()
        if getattr(self.inner, "centred", False):  # centred in the width it was laid out at
            self.canv.translate(self.inner.width * (1 - self.scale) / 2, 0)
        self.canv.scale(self.scale, self.scale)
        self.inner.drawOn(self.canv, 0, 0)
        self.canv.restoreState()


def shrunk_if_due(flowable: Flowable, avail_height: float) -> list[Flowable]:
    """For a block that neither fits nor splits, asked by the frame itself (top level): shrunk
    into the room when it must go here; else [] (ReportLab moves it on, or a container
    holding it decides)."""
    return [Shrunk(flowable, avail_height)] if due_here(flowable, avail_height) else []


def due_here(flowable: Flowable, avail_height: float) -> bool:
    """must_cut, for a flowable the frame itself asks (top level); never for one nested."""
    frame = getattr(flowable, "_frame", None)
    full = float("inf")
    if frame is not None:  # the room at the top of this frame
        full = frame_height(frame) - frame.topPadding - frame.bottomPadding
    return must_cut(flowable, avail_height, full)


def must_cut(flowable: Flowable, avail_height: float, full: float) -> bool:
    """Whether a block that would not split has to be cut here: ReportLab already moved it
    to a fresh frame, or the room here is a whole frame."""
    return bool(getattr(flowable, "_postponed", False)) or avail_height >= full - 1e-6
