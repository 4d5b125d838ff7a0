"""The shipped BIZ UD fonts, registered once per process under stable names."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics

from exampdf import memo
from exampdf.pdf.fontcache import load_font, missing, parse_ahead, reap_ahead

FONT_DIR = Path(__file__).resolve().parents[2] / "fonts"

# ReportLab name -> file in fonts/
_FILES = {
    "exampdf-mincho": "BIZUDPMincho-Regular.ttf",
    "exampdf-gothic": "BIZUDPGothic-Regular.ttf",
    "exampdf-gothic-bold": "BIZUDPGothic-Bold.ttf",
    "exampdf-mono": "BIZUDGothic-Regular.ttf",
    "exampdf-mono-bold": "BIZUDGothic-Bold.ttf",
    # Monochrome symbols and emoji (✅ ❌ 😀 ★ ♪) no BIZ UD face has; fonts/LICENSE-Symbola.txt
    "exampdf-symbol": "Symbola.ttf",
}

FontChoice = Literal["mincho", "gothic"]


@dataclass(frozen=True)
class FontSet:
    """The font names layout uses; body and bold differ by the user's choice of face."""

    body: str
    bold: str
    heading: str
    mono: str
    mono_bold: str
    emph: str  # *emphasis*: the other Japanese face (Japanese type has no italic)
    fallback: tuple[str, ...] = ("exampdf-symbol",)  # tried per character after the run's font


LAZY = {"exampdf-symbol"}  # parsed only when a character needs it (each TTF costs ~50 ms)


def ensure(name: str) -> None:
    """Register one of our fonts if it is not yet (fonts in LAZY wait for their first use)."""
    if name in _FILES and name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(load_font(name, FONT_DIR / _FILES[name]))


def parse_fonts_ahead() -> None:
    """A first run parses the fonts in another process while this one reads the bank; the
    fonts in LAZY last (the glyph checks read the symbol font if a character needs it)."""
    if not fonts_cached():
        lazy = [(name, FONT_DIR / file) for name, file in _FILES.items() if name in LAZY]
        parse_ahead([*_parsed_ahead(), *lazy])


def reap_fonts_ahead() -> None:
    """parse_fonts_ahead's process waited for if it has ended (never waits for one at work)."""
    reap_ahead()


def fonts_cached() -> bool:
    """False while a font parse_fonts_ahead parses is not yet in the cache (a first run)."""
    return not missing(_parsed_ahead())


def registered() -> list[str]:
    """Our fonts registered in this process so far (the checks register those they need)."""
    return sorted(n for n in pdfmetrics.getRegisteredFontNames() if n.startswith("exampdf-"))


def register_again(names: list[str]) -> None:
    """Register `names` (from `registered()` in another process) here too: fork-inherited by
    the workers, which expect the fonts the checks registered (the math font: the first
    slice's fonts seed the others)."""
    from exampdf.layout.math.font import MATH_FONT, math_font  # only with formulas

    for name in names:
        if name == MATH_FONT:
            math_font()
        else:
            ensure(name)


def _parsed_ahead() -> list[tuple[str, Path]]:
    return [(name, FONT_DIR / file) for name, file in _FILES.items() if name not in LAZY]


@memo.once
def register_fonts(choice: FontChoice = "mincho") -> FontSet:
    for name in _FILES:
        if name not in LAZY:
            ensure(name)
    body = "exampdf-mincho" if choice == "mincho" else "exampdf-gothic"
    # Mincho has no bold face: bold is Gothic Bold, as Japanese print conventionally does.
    for family in ("exampdf-mincho", "exampdf-gothic"):
        addMapping(family, 0, 0, family)
        addMapping(family, 1, 0, "exampdf-gothic-bold")
        addMapping(family, 0, 1, family)
        addMapping(family, 1, 1, "exampdf-gothic-bold")
    addMapping("exampdf-mono", 0, 0, "exampdf-mono")
    addMapping("exampdf-mono", 1, 0, "exampdf-mono-bold")
    addMapping("exampdf-mono", 0, 1, "exampdf-mono")
    addMapping("exampdf-mono", 1, 1, "exampdf-mono-bold")
    return FontSet(
        body=body,
        bold="exampdf-gothic-bold",
        heading="exampdf-gothic-bold",
        mono="exampdf-mono",
        mono_bold="exampdf-mono-bold",
        emph="exampdf-gothic" if choice == "mincho" else "exampdf-mincho",
    )
