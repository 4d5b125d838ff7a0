"""A run of text in one font: what markup produces and the paragraph engine consumes."""

from __future__ import annotations

from dataclasses import dataclass

RGB = tuple[float, float, float]
ASCENT = 0.88  # ideographic em box top, as a fraction of the font size


@dataclass(eq=True)
class Run:
    """A stretch of text set in one font, size and colour. Runs are never changed once made
    (dataclasses.replace makes new ones), so they key memos of lines and forms."""

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

    def __hash__(self) -> int:
        # Equal runs share these three; the generated hash of all ten fields (a colour
        # tuple among them) was ~2 % of an answer key, hashed a few times per paragraph.
        return hash((self.text, self.font, self.size))


MATH_MARK = "\ufffc"


def with_text(run: Run, text: str) -> Run:
    """`dataclasses.replace(run, text=text)` without replace's walk over the fields (a run
    per text node of every question: 10 % of making an answer key's runs). A field added to
    Run must be added here: tests/layout/text/test_textrun.py fails until it is."""
    r = run
    return Run(
        text, r.font, r.size, r.color, r.back, r.link, r.underline, r.ruby, r.math, r.display
    )


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
