"""Per-character font fallback: runs split where their font lacks a glyph another font has."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from exampdf import memo
from exampdf.layout.text.glyphs import IGNORABLE, LAYOUT, SUBSTITUTES, cmap
from exampdf.layout.text.textrun import Run

# 〓 (geta), the typesetter's own mark for a character no font has. It is printed, and
# glyph_diagnostics has already warned with the file and line, so nothing is lost silently.
MISSING_MARK = "〓"


@memo.cached(maxsize=65_536)
def resolve(ch: str, font: str, fallback: tuple[str, ...]) -> tuple[str, str]:
    """(text, font) that draws `ch`: the run's font, a fallback, a substitute, else 〓."""
    if ch in LAYOUT or ch in cmap(font):
        return ch, font
    if ch in IGNORABLE:
        return "", font
    for f in fallback:
        if ch in cmap(f):
            return ch, f
    sub = SUBSTITUTES.get(ch)
    if sub is not None:
        for f in (font, *fallback):
            if sub in cmap(f):
                return sub, f
    return MISSING_MARK, font


def segments(text: str, font: str, fallback: tuple[str, ...]) -> list[tuple[str, str]]:
    """`text` as (text, font) pieces, consecutive characters of one font together."""
    if cmap(font).issuperset(text):
        return [(text, font)]  # the common case: one set lookup, no per-character work
    out: list[tuple[str, str]] = []
    for ch in text:
        drawn, f = resolve(ch, font, fallback)
        if not drawn:
            continue
        if out and out[-1][1] == f:
            out[-1] = (out[-1][0] + drawn, f)
        else:
            out.append((drawn, f))
    return out


def split_runs(runs: Iterable[Run], fallback: tuple[str, ...]) -> list[Run]:
    """Each run split into pieces its own font or a fallback font can draw."""
    out: list[Run] = []
    for run in runs:
        if run.math:
            out.append(run)  # a formula draws in the math font: never split
            continue
        parts = segments(run.text, run.font, fallback)
        if run.text and len(parts) == 1 and parts[0] == (run.text, run.font):
            out.append(run)  # the common case: its own font draws it all, nothing to copy
            continue
        if run.ruby:
            # A ruby base is one unit with one annotation: keep it whole, in its own font.
            text = "".join(t if f == run.font else _mark(t) for t, f in parts)
            out.append(replace(run, text=text))
            continue
        out.extend(replace(run, text=t, font=f) for t, f in parts if t)
    return out


def _mark(text: str) -> str:
    return MISSING_MARK * len(text)
