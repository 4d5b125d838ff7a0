"""Breaks inside a unit: after / . - in URLs and identifiers, hyphens in long English words."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from exampdf import memo
from exampdf.layout.text.jsegment import Text, Unit, sensible_cuts
from exampdf.layout.text.textrun import Run

MIN_LETTERS = 7  # shorter words are never hyphenated
# A token: letters with whatever is glued to them without a space. Only a token made of
# letters alone is a word we may hyphenate: digits, underscores, dots, slashes and the like
# mark identifiers, file names and URLs, which must be read exactly as written.
_TOKEN = re.compile(r"[A-Za-z0-9_.\-/:@#%&=?~+\\$'*^|<>\[\]{}]+")
_TRAILING = ".,:;!?"
UNIT, CUT, HYPHENATED = 0, 1, 2  # a break between units, after / . - in a word, a hyphen


class Cand(NamedTuple):
    """A candidate break: the line ends before `end`, the next starts at `next`."""

    end: int
    next: int
    kind: int


@memo.once
def _dictionary() -> object:
    import pyphen

    return pyphen.Pyphen(lang="en_US", left=2, right=3)


@memo.cached(maxsize=4096)
def word_points(word: str) -> tuple[int, ...]:
    """Offsets inside `word` where the en_US patterns allow a hyphen."""
    return tuple(_dictionary().positions(word))  # type: ignore[attr-defined]


def eligible(token: str) -> bool:
    """An English word of 7+ letters, not in all capitals (an acronym)."""
    word = token.rstrip(_TRAILING)
    return len(word) >= MIN_LETTERS and word.isascii() and word.isalpha() and not word.isupper()


def hyphen_points(text: str, runs: Sequence[Run], run_starts: Sequence[int]) -> list[int]:
    """Positions in `text` where a line may end with a hyphen: inside eligible words of
    runs that are not code (inline code has a background tint)."""
    out: list[int] = []
    for m in _TOKEN.finditer(text):
        if not eligible(m.group()):
            continue
        a = m.start()
        k = bisect_right(run_starts, a) - 1
        if runs[k].back is not None or bisect_right(run_starts, m.end() - 1) - 1 != k:
            continue
        word = m.group().rstrip(_TRAILING)
        out.extend(a + p for p in word_points(word))
    return out


def inner_breaks(
    t: Text, runs: Sequence[Run], us: list[Unit], hyphenate: bool
) -> dict[int, list[Cand]]:
    """Breaks inside units: after / . - in URLs and identifiers, hyphens in long words."""
    s = t.text
    hy = hyphen_points(s, runs, t.run_starts) if hyphenate else []
    out: dict[int, list[Cand]] = {}
    for k, (a, c, _) in enumerate(us):
        if c - a < 4:
            continue
        inner = {Cand(q, q, CUT) for q in sensible_cuts(s, a, c)}
        inner.update(Cand(q, q, HYPHENATED) for q in hy[bisect_right(hy, a) : bisect_left(hy, c)])
        if inner:
            out[k] = sorted(inner)
    return out
