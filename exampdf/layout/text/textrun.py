"""A run of text in one font: what markup produces and the paragraph engine consumes."""

from __future__ import annotations

from dataclasses import dataclass

RGB = tuple[float, float, float]


@dataclass(frozen=True)
class Run:
    text: str
    font: str  # a name registered by layout.fonts
    size: float
    color: RGB = (0.0, 0.0, 0.0)
    back: RGB | None = None  # background tint (inline code)
    link: str = ""  # URL to link this run to
    underline: bool = False
    ruby: str = ""  # furigana drawn centred above the run, which then never breaks
