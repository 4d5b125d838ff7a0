"""Type sizes, spacing and greys: every typographic decision in one frozen object."""

from __future__ import annotations

from dataclasses import dataclass

from exampdf.layout.text.fonts import FontChoice, FontSet, register_fonts
from exampdf.layout.text.textrun import RGB

BLACK: RGB = (0.0, 0.0, 0.0)
LINK_BLUE: RGB = (0.05, 0.2, 0.55)
CODE_TINT: RGB = (0.93, 0.93, 0.93)
RULE_GREY: RGB = (0.55, 0.55, 0.55)
BOX_GREY: RGB = (0.96, 0.96, 0.96)


@dataclass(frozen=True)
class Theme:
    """The fonts and type sizes of every document."""

    fonts: FontSet
    size: float = 10.5  # body text, the common size of Japanese school prints
    leading_ratio: float = 1.7  # Japanese body text wants generous line spacing
    code_size: float = 8.5
    code_leading_ratio: float = 1.35

    @property
    def leading(self) -> float:
        return self.size * self.leading_ratio

    @property
    def code_leading(self) -> float:
        return self.code_size * self.code_leading_ratio

    def heading_size(self, level: int) -> float:
        return {1: self.size * 1.45, 2: self.size * 1.3, 3: self.size * 1.12}.get(level, self.size)


def make_theme(font: FontChoice = "mincho", size: float = 10.5) -> Theme:
    return Theme(fonts=register_fonts(font), size=size)
