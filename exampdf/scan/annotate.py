"""The annotated PDF: every sheet as scanned, with what was read drawn over it (proof for a
student of how the sheet was read)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import cv2
import numpy as np

from exampdf.scan.read import VIEW_PX_PER_MM, PageRead

COLOURS = {"filled": (200, 90, 0), "unsure": (0, 140, 255), "empty": (0, 170, 0)}


def annotated_pdf(path: Path, pages: Sequence[PageRead]) -> int:
    """One PDF page per read sheet page; returns the count (0: no file written)."""
    from PIL import Image

    images = [_draw(p) for p in pages if p.view]
    if not images:
        return 0
    pil = [Image.fromarray(cv2.cvtColor(im, cv2.COLOR_BGR2RGB)) for im in images]
    dpi = VIEW_PX_PER_MM * 25.4
    pil[0].save(path, "PDF", resolution=dpi, save_all=True, append_images=pil[1:], quality=70)
    return len(pil)


def _draw(p: PageRead) -> np.ndarray:
    gray = cv2.imdecode(np.frombuffer(p.view, np.uint8), cv2.IMREAD_GRAYSCALE)
    img: np.ndarray = cv2.cvtColor(np.asarray(gray, np.uint8), cv2.COLOR_GRAY2BGR)
    r = max(3, int(2.6 * VIEW_PX_PER_MM))
    for x, y, state in p.marks:
        if state != "empty":
            centre = (int(x), int(y))
            cv2.circle(img, centre, r, COLOURS[state], 2)
    ident = next((c.value for c in p.cells if c.key == "id"), "")
    which = f"version {p.version}  page {p.sheet_page}" if p.version else "version ?"
    head = f"{Path(p.file).name} p{p.page}  {which}  id {ident}"
    cv2.putText(img, _ascii(head), (12, 24), cv2.FONT_HERSHEY_SIMPLEX, 0.6, (0, 0, 200), 2)
    answers = "  ".join(
        f"{c.key[1:]}:{c.value or '-'}" + ("?" if c.status == "review" else "")
        for c in p.cells
        if c.key.startswith("q")
    )
    lines = [answers[i : i + 110] for i in range(0, len(answers), 110)]
    top = img.shape[0] - 24 - 20 * len(lines)  # a white band below the bottom marks
    cv2.rectangle(img, (0, top), (img.shape[1], img.shape[0]), (255, 255, 255), -1)
    for n, line in enumerate(reversed(lines)):
        y = img.shape[0] - 14 - 20 * n
        cv2.putText(img, line, (12, y), cv2.FONT_HERSHEY_SIMPLEX, 0.45, (0, 0, 200), 1)
    return img


def _ascii(text: str) -> str:
    """OpenCV's fonts draw ASCII only."""
    return text.encode("ascii", "replace").decode()
