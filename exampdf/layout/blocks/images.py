"""Block images: a paragraph holding only a checked image draws it, fitted to the frame."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.platypus import Flowable

from exampdf.model import Image, Paragraph

DEFAULT_DPI = 96.0  # screenshots carry no resolution; browsers show them at 96 dpi
MAX_HEIGHT_SHARE = 0.6  # of the frame height, so a figure leaves room for its question
Builder = Callable[[Any, Any], list[Flowable]]


def lone_image(block: Paragraph) -> Image | None:
    """The image of a paragraph that is one checked image and nothing else."""
    if len(block.inlines) == 1 and isinstance(block.inlines[0], Image) and block.inlines[0].file:
        return block.inlines[0]
    return None


def natural_size(path: str) -> tuple[float, float]:
    """Size in points at the file's own resolution (96 dpi when it names none)."""
    from PIL import Image as Pil  # only banks with images need it

    with Pil.open(path) as im:
        dpi = im.info.get("dpi", (DEFAULT_DPI, DEFAULT_DPI))
        px, py = im.size
    dx, dy = (float(d) if d and float(d) >= 1 else DEFAULT_DPI for d in dpi[:2])
    return px * 72.0 / dx, py * 72.0 / dy


class ImageBlock(Flowable):  # type: ignore[misc]
    """An image at its natural size, shrunk (never enlarged) to fit the frame."""

    def __init__(self, image: Image, space_after: float) -> None:
        super().__init__()
        self.path = image.file
        self.natural = natural_size(image.file)
        self.spaceAfter = space_after
        self.hAlign = "CENTER"

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        w, h = self.natural
        frame_h = getattr(
            getattr(self, "_frame", None), "_height", avail_height
        )  # set by Frame.add
        scale = min(1.0, avail_width / w, frame_h * MAX_HEIGHT_SHARE / h)
        self.width, self.height = w * scale, h * scale
        return self.width, self.height

    def draw(self) -> None:
        self.canv.drawImage(self.path, 0, 0, self.width, self.height, mask="auto")


def image_or(builder: Builder) -> Builder:
    """A paragraph builder that draws a paragraph of one lone image as a block image."""

    def build(block: Any, theme: Any) -> list[Flowable]:
        image = lone_image(block)
        if image is None:
            return builder(block, theme)
        return [ImageBlock(image, theme.size * 0.6)]

    return build
