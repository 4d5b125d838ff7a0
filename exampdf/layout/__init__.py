"""Layout: model nodes and versions to ReportLab flowables and page decoration.

The entry points render, the pipeline and the CLI call are named here and imported on first
use (PEP 562), so that `exampdf check` or a one-page build does not load the key booklet or
the report. Inside layout, modules import each other directly.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

import exampdf.pdf  # noqa: F401  # first: it defers what ReportLab loads at import (pdf/startup.py)

if TYPE_CHECKING:
    from exampdf.layout.blocks.mathcheck import math_width_diagnostics
    from exampdf.layout.blocks.shrinks import Shrink, shrink_diagnostics
    from exampdf.layout.exam.spec import ExamSpec
    from exampdf.layout.exam.story import Rebuild, exam_rebuild, exam_story
    from exampdf.layout.key.keybook import KeyInfo, key_story, version_key_story
    from exampdf.layout.page.decor import Decor
    from exampdf.layout.page.markers import to_even_page
    from exampdf.layout.page.outline import ResumeOutline
    from exampdf.layout.page.pages import PageInfo, Probe, page_infos
    from exampdf.layout.page.paper import PAPERS, PageGeometry, exam_columns, geometry
    from exampdf.layout.report import ReportData, report_story
    from exampdf.layout.text.fonts import FontSet, parse_fonts_ahead, register_fonts
    from exampdf.layout.text.glyphcheck import glyph_diagnostics, roster_glyph_diagnostics
    from exampdf.layout.theme import Theme, make_theme

_ENTRY_POINTS = {
    "ExamSpec": "exampdf.layout.exam.spec",
    "exam_story": "exampdf.layout.exam.story",
    "exam_rebuild": "exampdf.layout.exam.story",
    "Rebuild": "exampdf.layout.exam.story",
    "key_story": "exampdf.layout.key.keybook",
    "version_key_story": "exampdf.layout.key.keybook",
    "KeyInfo": "exampdf.layout.key.keybook",
    "report_story": "exampdf.layout.report",
    "ReportData": "exampdf.layout.report",
    "Decor": "exampdf.layout.page.decor",
    "PageInfo": "exampdf.layout.page.pages",
    "Probe": "exampdf.layout.page.pages",
    "page_infos": "exampdf.layout.page.pages",
    "to_even_page": "exampdf.layout.page.markers",
    "ResumeOutline": "exampdf.layout.page.outline",
    "geometry": "exampdf.layout.page.paper",
    "exam_columns": "exampdf.layout.page.paper",
    "PageGeometry": "exampdf.layout.page.paper",
    "PAPERS": "exampdf.layout.page.paper",
    "Theme": "exampdf.layout.theme",
    "make_theme": "exampdf.layout.theme",
    "register_fonts": "exampdf.layout.text.fonts",
    "parse_fonts_ahead": "exampdf.layout.text.fonts",
    "FontSet": "exampdf.layout.text.fonts",
    "glyph_diagnostics": "exampdf.layout.text.glyphcheck",
    "roster_glyph_diagnostics": "exampdf.layout.text.glyphcheck",
    "math_width_diagnostics": "exampdf.layout.blocks.mathcheck",
    "Shrink": "exampdf.layout.blocks.shrinks",
    "shrink_diagnostics": "exampdf.layout.blocks.shrinks",
}

__all__ = [
    "PAPERS",
    "Decor",
    "ExamSpec",
    "FontSet",
    "KeyInfo",
    "PageGeometry",
    "PageInfo",
    "Probe",
    "Rebuild",
    "ReportData",
    "ResumeOutline",
    "Shrink",
    "Theme",
    "exam_columns",
    "exam_rebuild",
    "exam_story",
    "geometry",
    "glyph_diagnostics",
    "key_story",
    "make_theme",
    "math_width_diagnostics",
    "page_infos",
    "parse_fonts_ahead",
    "register_fonts",
    "report_story",
    "roster_glyph_diagnostics",
    "shrink_diagnostics",
    "to_even_page",
    "version_key_story",
]


def __getattr__(name: str) -> Any:
    module = _ENTRY_POINTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
