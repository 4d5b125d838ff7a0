"""The one place that turns runs into a paragraph flowable: our JLREQ engine, JParagraph.

No ReportLab paragraph markup is ever built, so user text cannot be read as tags or entities.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable

from exampdf.layout.text.jparagraph import JParagraph, ParaStyle
from exampdf.layout.text.linebreak import Align
from exampdf.layout.text.textrun import Run

__all__ = ["Align", "ParaStyle", "make_paragraph"]


def make_paragraph(runs: Sequence[Run], style: ParaStyle) -> Flowable:
    return JParagraph(runs, style)
