"""Pages rendered to small grayscale PNGs (pypdfium2, 60 dpi) and compared with references.

Regenerate after an intended layout change with `EXAMPDF_REGEN=1 pytest tests/visual`, then
look at every changed PNG in tests/visual/ref before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageChops

from tests.helpers.blockpdf import typeset
from tests.visual.samples import PAGES

REF = Path(__file__).parent / "ref"
DPI = 60
MEAN_TOLERANCE = 1.5  # mean absolute grey difference, 0..255
PIXEL_TOLERANCE = 0.004  # share of pixels allowed to differ by more than a quarter tone


def render(pdf: Path) -> Image.Image:
    doc = pdfium.PdfDocument(pdf)
    try:
        return doc[0].render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
    finally:
        doc.close()


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_matches_reference(tmp_path: Path, name: str) -> None:
    typeset(tmp_path, PAGES[name])
    got = render(tmp_path / "blocks.pdf")
    ref_path = REF / f"{name}.png"
    if os.environ.get("EXAMPDF_REGEN"):
        got.save(ref_path, optimize=True)
    assert ref_path.exists(), f"run EXAMPDF_REGEN=1 to create {ref_path.name}"
    ref = Image.open(ref_path).convert("L")
    assert got.size == ref.size
    diff = ImageChops.difference(got, ref)
    hist = diff.histogram()
    pixels = got.size[0] * got.size[1]
    mean = sum(i * n for i, n in enumerate(hist)) / pixels
    big = sum(hist[64:]) / pixels
    if mean > MEAN_TOLERANCE or big > PIXEL_TOLERANCE:
        got.save(tmp_path / f"{name}.png")
        pytest.fail(f"{name}: mean diff {mean:.2f}, {big:.2%} pixels differ; see {tmp_path}")
