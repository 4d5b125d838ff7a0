"""Breaks inside a unit: after / . - in URLs and identifiers, hyphens in long English words."""

from __future__ import annotations

import importlib.util
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from exampdf import memo
from exampdf.layout.text.jsegment import Text, sensible_cuts
from exampdf.layout.text.textrun import Run
from exampdf.layout.text.unitre import Unit

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


LEFT, RIGHT = 2, 3  # letters kept before and after a hyphen (the en_US file's own minima)
# A pattern line: not a comment (% #) nor a setting (LEFTHYPHENMIN 2), with a nonzero digit
# (a pattern of zeros allows and forbids nothing; pyphen skips it too).
_PATTERN = re.compile(r"^(?![%#A-Z])\S*[1-9]\S*$", re.MULTILINE)


@memo.once
def _patterns() -> tuple[dict[str, str], int]:
    """pyphen's en_US patterns, letters -> the pattern as written (digits between letters).

    Read from pyphen's file as pyphen reads it, but a pattern's digits are parsed only when
    a word meets it: pyphen parses all 11,000 up front (50 ms, and 12 ms to import it, in
    every process that hyphenates); this takes 5 ms."""
    spec = importlib.util.find_spec("pyphen")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("pyphen")
    path = Path(spec.origin).parent / "dictionaries" / "hyph_en_US.dic"
    written = _PATTERN.findall(path.read_text("utf-8"))
    letters = "\n".join(written).encode().translate(None, b"0123456789").decode().split("\n")
    table = dict(zip(letters, written, strict=True))  # a later duplicate wins, as in pyphen
    return table, max(map(len, table))


@memo.cached(maxsize=16384)
def _digits(pattern: str) -> tuple[tuple[int, int], ...]:
    """(offset, digit) of a pattern's nonzero digits; an offset counts the letters before."""
    out: list[tuple[int, int]] = []
    letters = 0
    for ch in pattern:
        if ch.isdigit():
            if ch != "0":
                out.append((letters, int(ch)))
        else:
            letters += 1
    return tuple(out)


@memo.cached(maxsize=4096)
def word_points(word: str) -> tuple[int, ...]:
    """Offsets inside `word` where the en_US patterns allow a hyphen (Liang's odd digits,
    as pyphen.Pyphen(lang="en_US", left=2, right=3).positions(word) gives them)."""
    table, longest = _patterns()
    dotted = f".{word.lower()}."
    n = len(dotted)
    best = [0] * (n + 1)
    for i in range(n - 1):
        for j in range(i + 1, min(i + longest, n) + 1):
            pattern = table.get(dotted[i:j])
            if pattern is None:
                continue
            for at, digit in _digits(pattern):
                if digit > best[i + at]:
                    best[i + at] = digit
    right = len(word) - RIGHT
    return tuple(k - 1 for k in range(LEFT + 1, right + 2) if best[k] % 2)


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
