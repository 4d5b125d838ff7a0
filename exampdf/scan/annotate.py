"""The annotated PDF: every sheet as scanned, with what was read drawn over it (proof for a
student of how the sheet was read)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import cv2
import numpy as np

from exampdf.scan.locate import PX_PER_MM
from exampdf.scan.read import PageRead

VIEW_SCALE = 0.5  # read.py keeps the page at half the working resolution
COLOURS = {"filled": (200, 90, 0), "unsure": (0, 140, 255), "empty": (0, 170, 0)}


def annotated_pdf(path: Path, pages: Sequence[PageRead]) -> int:
    """One PDF page per read sheet page; returns the count (0: no file written)."""
    from PIL import Image

    images = [_draw(p) for p in pages if p.view]
    if not images:
        return 0
    pil = [Image.fromarray(cv2.cvtColor(im, cv2.COLOR_BGR2RGB)) for im in images]
    dpi = PX_PER_MM * VIEW_SCALE * 25.4
    pil[0].save(path, "PDF", resolution=dpi, save_all=True, append_images=pil[1:], quality=70)
    return len(pil)


def _draw(p: PageRead) -> np.ndarray:
    gray = cv2.imdecode(np.frombuffer(p.view, np.uint8), cv2.IMREAD_GRAYSCALE)
    img: np.ndarray = cv2.cvtColor(np.asarray(gray, np.uint8), cv2.COLOR_GRAY2BGR)
    r = max(3, int(2.6 * PX_PER_MM * VIEW_SCALE))
    for x, y, state in p.marks:
        if state != "empty":
            centre = (int(x * VIEW_SCALE), int(y * VIEW_SCALE))
            cv2.circle(img, centre, r, COLOURS[state], 2)
    ident = next((c.value for c in p.cells if c.key == "id"), "")
    head = f"{Path(p.file).name} p{p.page}  version {p.version}  page {p.sheet_page}  id {ident}"
    cv2.putText(img, _ascii(head), (12, 24), cv2.FONT_HERSHEY_SIMPLEX, 0.6, (0, 0, 200), 2)
    answers = "  ".join(
        f"{c.key[1:]}:{c.value or '-'}" + ("?" if c.status == "review" else "")
        for c in p.cells
        if c.key.startswith("q")
    )
    for i in range(0, len(answers), 110):
        y = img.shape[0] - 14 - 20 * ((len(answers) - 1) // 110 - i // 110)
        cv2.putText(
            img, answers[i : i + 110], (12, y), cv2.FONT_HERSHEY_SIMPLEX, 0.45, (0, 0, 200), 1
        )
    return img


def _ascii(text: str) -> str:
    """OpenCV's fonts draw ASCII only."""
    return text.encode("ascii", "replace").decode()
