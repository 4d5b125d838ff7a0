"""Read an exam back from its PDF: the options printed under each 問N, per version."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber

from exampdf.layout.page.paper import geometry
from exampdf.model import MathInline, Question, walk

QUESTION = re.compile(r"^問(\d+)\s*")
OPTION = re.compile(r"^([○□])\s*([A-Z]+)\.\s*")
OPTION_ANYWHERE = re.compile(r"([○□])\s*([A-Z]+)\.\s*")
DECOR = re.compile(r"^(\d+ / \d+|（次のページに続く）|（白紙）|以上)$")


def page_lines(pdf_path: Path, body_only: bool = True) -> list[list[str]]:
    """Text lines of each page; with `body_only`, the running header and footer are cut off."""
    g = geometry("A4")
    out = []
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            if body_only:
                page = page.crop((0, g.top, page.width, page.height - g.bottom))
            out.append((page.extract_text() or "").splitlines())
    return out


def printed_options(lines: list[str]) -> dict[int, list[tuple[str, str, str]]]:
    """問N -> [(mark, printed letter, option text without spaces), …] in printed order."""
    out: dict[int, list[tuple[str, str, str]]] = {}
    current: list[tuple[str, str, str]] | None = None
    for raw in lines:
        line = raw.strip()
        if DECOR.match(line):
            continue
        if m := QUESTION.match(line):
            current = out.setdefault(int(m.group(1)), [])
            continue
        if current is None:
            continue
        if OPTION.match(line):
            # Short options share a line (2 or 4 columns, row by row): split at each label.
            marks = list(OPTION_ANYWHERE.finditer(line))
            for m, after in zip(marks, [*marks[1:], None], strict=True):
                text = line[m.end() : after.start() if after else len(line)]
                current.append((m.group(1), m.group(2), _squash(text)))
        elif current:
            mark, label, text = current[-1]
            current[-1] = (mark, label, text + _squash(line))
    return out


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def squash(text: str) -> str:
    return _squash(text)


def has_math(question: Question) -> bool:
    """Options with formulas, which print as math glyphs rather than as their LaTeX."""
    nodes = [n for c in question.choices for n in walk.iter_inlines(c.content)]
    return any(isinstance(n, MathInline) for n in nodes)
