"""The one place that turns runs into a paragraph flowable (the engine switch point)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from exampdf.layout.textrun import Run

Align = Literal["justify", "left", "center", "right"]
_ALIGN = {"justify": TA_JUSTIFY, "left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}


@dataclass(frozen=True)
class ParaSpec:
    leading: float
    first_indent: float = 0.0
    left_indent: float = 0.0
    align: Align = "justify"
    space_before: float = 0.0
    space_after: float = 0.0
    phrases: bool = False  # prefer phrase boundaries (headings, options, cells)


def make_paragraph(runs: Sequence[Run], spec: ParaSpec) -> Flowable:
    first = runs[0] if runs else Run("", "exampdf-mincho", 10)
    style = ParagraphStyle(
        "p",
        fontName=first.font,
        fontSize=first.size,
        leading=spec.leading,
        firstLineIndent=spec.first_indent,
        leftIndent=spec.left_indent,
        alignment=_ALIGN[spec.align],
        spaceBefore=spec.space_before,
        spaceAfter=spec.space_after,
        wordWrap="CJK",
    )
    return Paragraph(runs_to_markup(runs), style)


def runs_to_markup(runs: Sequence[Run]) -> str:
    """ReportLab paragraph markup in which every character of user text is escaped."""
    return "".join(_run_markup(r) for r in runs)


def _run_markup(run: Run) -> str:
    text = escape(run.text).replace("\n", "<br/>")
    attrs = f'name="{run.font}" size="{run.size:.2f}" color="{_hex(run.color)}"'
    if run.back:
        attrs += f' backColor="{_hex(run.back)}"'
    markup = f"<font {attrs}>{text}</font>"
    if run.link:
        markup = f'<a href="{escape(run.link, {chr(34): "&quot;"})}">{markup}</a>'
    return markup


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(c * 255):02x}" for c in rgb)
