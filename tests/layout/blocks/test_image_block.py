"""Block images as data: which paragraphs are images, their natural size, how they shrink."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image as Pil
from reportlab.platypus import Flowable

from exampdf.layout.blocks.images import ImageBlock, image_or, lone_image, natural_size
from exampdf.model import Image, Paragraph, Text


def _png(path: Path, size: tuple[int, int], dpi: tuple[float, float] | None = None) -> str:
    image = Pil.new("RGB", size, "white")
    if dpi:
        image.save(path, dpi=dpi)
    else:
        image.save(path)
    return str(path)


def test_only_a_paragraph_of_one_checked_image_is_a_block_image() -> None:
    checked = Image("a.png", "図", file="/bank/a.png")
    assert lone_image(Paragraph((checked,), 1)) == checked
    assert lone_image(Paragraph((Image("a.png", "図"),), 1)) is None  # refused: alt text prints
    assert lone_image(Paragraph((checked, Text("の図")), 1)) is None


def test_natural_size_follows_the_files_resolution(tmp_path: Path) -> None:
    # PNG keeps pixels per metre: 144 dpi comes back as 143.99
    at_144 = natural_size(_png(tmp_path / "a.png", (200, 100), (144, 144)))
    assert at_144 == pytest.approx((100.0, 50.0), rel=1e-3)
    assert natural_size(_png(tmp_path / "b.png", (96, 48))) == pytest.approx((72.0, 36.0))


def test_shrunk_to_the_width_never_enlarged_and_at_most_60_percent_as_tall(
    tmp_path: Path,
) -> None:
    block = ImageBlock(Image("a", "", file=_png(tmp_path / "a.png", (192, 96))), 6.0)
    assert block.wrap(1000.0, 1000.0) == pytest.approx((144.0, 72.0))
    assert block.wrap(72.0, 1000.0) == pytest.approx((72.0, 36.0))
    tall = ImageBlock(Image("t", "", file=_png(tmp_path / "t.png", (96, 960))), 6.0)
    assert tall.wrap(1000.0, 500.0) == pytest.approx((30.0, 300.0))


def test_image_or_draws_lone_images_and_hands_other_paragraphs_on(tmp_path: Path) -> None:
    seen: list[Paragraph] = []

    def text(block: Paragraph, theme: object) -> list[Flowable]:
        seen.append(block)
        return []

    class Theme:
        size = 10.0

    build = image_or(text)
    image = Image("a", "", file=_png(tmp_path / "a.png", (10, 10)))
    (block,) = build(Paragraph((image,), 1), Theme())
    assert isinstance(block, ImageBlock) and block.getSpaceAfter() == 6.0
    words = Paragraph((Text("本文"),), 2)
    assert build(words, Theme()) == [] and seen == [words]
