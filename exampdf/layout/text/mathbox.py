"""A math run's box: the formula laid out at the run's size (measured by jsegment, drawn by
mathrun), kept apart from mathrun so that measuring never depends on line breaking."""

from __future__ import annotations

from exampdf.layout.math.engine import MathBox, lay_out
from exampdf.layout.text.textrun import Run


def math_box(run: Run) -> MathBox:
    """The formula at the run's size; \\text{} in the run's font (bold in headings)."""
    return lay_out(run.math, run.display, run.size, run.font)
