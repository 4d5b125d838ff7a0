"""A math run's box: the formula laid out at the run's size (measured by jsegment, drawn by
mathrun), kept apart from mathrun so that measuring never depends on line breaking."""

from __future__ import annotations

from typing import TYPE_CHECKING

from exampdf.layout.text.textrun import Run

if TYPE_CHECKING:
    from exampdf.layout.math.engine import MathBox


def math_box(run: Run) -> MathBox:
    """The formula at the run's size; \\text{} in the run's font (bold in headings). The math
    engine is imported by the first formula (a bank without any never loads it)."""
    from exampdf.layout.math.engine import lay_out

    return lay_out(run.math, run.display, run.size, run.font)
