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


Rect = tuple[float, float, float, float]  # x, y, width, height in points


@dataclass(frozen=True)
class PageGeometry:
    """A sheet's size and margins in points, and its columns."""

    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float
    columns: int = 1
    gap: float = 0.0  # between columns; the column rule is drawn in its middle

    @property
    def frame_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def frame_height(self) -> float:
        return self.height - self.top - self.bottom

    @property
    def column_width(self) -> float:
        return (self.frame_width - self.gap * (self.columns - 1)) / self.columns

    def column_frames(self) -> list[Rect]:
        """The body frames left to right (one per column)."""
        step = self.column_width + self.gap
        return [
            (self.left + i * step, self.bottom, self.column_width, self.frame_height)
            for i in range(self.columns)
        ]

    def rule_xs(self) -> list[float]:
        """Where the rules between columns go."""
        return [x - self.gap / 2 for x, _, _, _ in self.column_frames()[1:]]


MAX_COLUMN_CHARS = 48  # body characters a line may hold before two columns read better


def exam_columns(paper: str, orientation: str, columns: int, size: float) -> int:
    """`columns` when set; else two where one column would hold more than MAX_COLUMN_CHARS
    body characters (B4 and A3 portrait, every landscape sheet), else one (A4, B5, letter)."""
    if columns:
        return columns
    one = geometry(paper, orientation, 1).frame_width / size
    return 2 if one > MAX_COLUMN_CHARS else 1


def geometry(paper: str, orientation: str = "portrait", columns: int = 1) -> PageGeometry:
    width, height = PAPERS[paper]
    if orientation == "landscape":
        width, height = height, width
    side = 18 * mm if width < 200 * mm else 20 * mm
    gap = 12 * mm if columns > 1 else 0.0
    return PageGeometry(
        width, height, left=side, right=side, top=22 * mm, bottom=18 * mm, columns=columns, gap=gap
    )
