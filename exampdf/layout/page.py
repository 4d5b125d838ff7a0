"""Paper sizes and the page geometry every writer shares."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from reportlab.lib.pagesizes import A3, A4, letter
from reportlab.lib.units import mm

PaperName = Literal["A4", "B5", "B4", "A3", "letter"]

# ReportLab's B4/B5 are ISO; Japanese schools use JIS B (257x364, 182x257 mm).
PAPERS: dict[str, tuple[float, float]] = {
    "A4": A4,
    "B5": (182 * mm, 257 * mm),
    "B4": (257 * mm, 364 * mm),
    "A3": A3,
    "letter": letter,
}


@dataclass(frozen=True)
class PageGeometry:
    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float

    @property
    def frame_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def frame_height(self) -> float:
        return self.height - self.top - self.bottom


def geometry(paper: str) -> PageGeometry:
    width, height = PAPERS[paper]
    side = 18 * mm if width < 200 * mm else 20 * mm
    return PageGeometry(width, height, left=side, right=side, top=22 * mm, bottom=18 * mm)
