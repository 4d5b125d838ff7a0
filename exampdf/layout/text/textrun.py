"""A run of text in one font: what markup produces and the paragraph engine consumes."""

from __future__ import annotations

from dataclasses import dataclass

RGB = tuple[float, float, float]
ASCENT = 0.88  # ideographic em box top, as a fraction of the font size


@dataclass(unsafe_hash=True)
class Run:
    """A stretch of text set in one font, size and colour."""

    text: str
    font: str  # a name registered by layout.fonts
    size: float
    color: RGB = (0.0, 0.0, 0.0)
    back: RGB | None = None  # background tint (inline code)
    link: str = ""  # URL to link this run to
    underline: bool = False
    ruby: str = ""  # furigana drawn centred above the run, which then never breaks
    # A formula (LaTeX, laid out by layout/math): the run's text is one OBJECT REPLACEMENT
    # CHARACTER standing for the unbreakable box; `display` sets it in display style.
    math: str = ""
    display: bool = False


MATH_MARK = "\ufffc"


def run_flags(runs: tuple[Run, ...]) -> tuple[bool, bool, bool, bool, bool]:
    """Whether a run has a link, a background, ruby, an underline, a formula."""
    if len(runs) == 1:  # most paragraphs: no generator per question
        (r,) = runs
        return bool(r.link), r.back is not None, bool(r.ruby), bool(r.underline), bool(r.math)
    return (
        any(r.link for r in runs),
        any(r.back is not None for r in runs),
        any(r.ruby for r in runs),
        any(r.underline for r in runs),
        any(r.math for r in runs),
    )
