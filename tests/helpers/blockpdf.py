"""Typeset Markdown blocks (or any flowables) into a small PDF and read back characters, rects
and fonts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber
from reportlab.platypus import Flowable, SimpleDocTemplate

from exampdf.layout.blocks.dispatch import block_flowables
from exampdf.layout.theme import Theme, make_theme
from exampdf.parse.blocks import convert_blocks
from exampdf.parse.markdown import parse_tree

MARGIN = 50.0
PAD = 6.0  # SimpleDocTemplate frames pad 6 pt on each side
PAGE = (400.0, 500.0)  # a small page, so splits are cheap to provoke
FRAME_LEFT = MARGIN + PAD
FRAME_RIGHT = PAGE[0] - MARGIN - PAD


class Slab(Flowable):  # type: ignore[misc]
    """A filled box of a fixed size that never splits (a table row, an image, a drawing)."""

    def __init__(self, width: float, height: float) -> None:
        super().__init__()
        self.size = (width, height)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = self.size
        return self.size

    def draw(self) -> None:
        self.canv.rect(0, 0, self.width, self.height, stroke=0, fill=1)


@dataclass
class Pdf:
    pages: list[dict[str, Any]]  # per page: chars, rects, lines, annots

    def chars(self, page: int = 0) -> list[dict[str, Any]]:
        return list(self.pages[page]["chars"])

    def text(self, page: int = 0) -> str:
        return "".join(c["text"] for c in self.chars(page))


def typeset(tmp_path: Path, markdown: str, theme: Theme | None = None) -> Pdf:
    theme = theme or make_theme()
    blocks = convert_blocks(parse_tree(markdown).children)
    return typeset_flowables(tmp_path, block_flowables(blocks, theme), theme)


def typeset_flowables(
    tmp_path: Path,
    flowables: list[Flowable],
    theme: Theme | None = None,
    page: tuple[float, float] = PAGE,
) -> Pdf:
    """Flowables made by any layout module, on `page` with the same margins."""
    theme = theme or make_theme()
    path = tmp_path / "blocks.pdf"
    doc = SimpleDocTemplate(
        str(path),
        pagesize=page,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        invariant=1,
        initialFontName=theme.fonts.body,
    )
    doc.build(flowables)
    with pdfplumber.open(path) as pdf:
        pages = [
            {
                "chars": p.chars,
                "rects": p.rects,
                "lines": p.lines,
                "annots": p.annots,
                "text": p.extract_text() or "",
            }
            for p in pdf.pages
        ]
    return Pdf(pages)


def lines_of(chars: list[dict[str, Any]], tolerance: float = 0.0) -> list[list[dict[str, Any]]]:
    """Characters grouped by baseline (rounded), top to bottom, each line left to right.
    With `tolerance`, characters whose bottoms lie within it of the line's first one share
    the line (a label and its body may sit half a point apart)."""
    if tolerance:
        out: list[list[dict[str, Any]]] = []
        for c in sorted(chars, key=lambda c: c["bottom"]):
            if out and c["bottom"] - out[-1][0]["bottom"] <= tolerance:
                out[-1].append(c)
            else:
                out.append([c])
        return [sorted(line, key=lambda c: c["x0"]) for line in out]
    rows: dict[float, list[dict[str, Any]]] = {}
    for c in chars:
        rows.setdefault(round(c["bottom"], 0), []).append(c)
    return [sorted(rows[k], key=lambda c: c["x0"]) for k in sorted(rows)]
