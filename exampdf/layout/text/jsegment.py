"""Runs to measured text: cached glyph widths, 和欧間 glue and unbreakable units."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate, pairwise

from reportlab.pdfbase import pdfmetrics

from exampdf import memo
from exampdf.layout.text import jlreq as J
from exampdf.layout.text.mathbox import math_box
from exampdf.layout.text.textrun import Run
from exampdf.layout.text.unitre import Unit, raw_units

_GLUE_RE = re.compile(
    rf"(?<=[{J.JAPANESE_RANGES}])(?=[{J.WESTERN_RANGES}])"
    rf"|(?<=[{J.WESTERN_RANGES}])(?=[{J.JAPANESE_RANGES}])"
)
_SPLIT_RE = re.compile(rf"[{re.escape(J.SPLIT_AFTER)}]+(?=[^{re.escape(J.SPLIT_AFTER)}])")
GLUE_EM = 0.25
RUBY_SCALE = 0.5  # ruby is set at half the base size


class _Widths(dict[str, float]):
    """Glyph advances of one font at one size, measured once per character."""

    def __init__(self, font: str, size: float) -> None:
        super().__init__()
        self.font, self.size = font, size

    def __missing__(self, c: str) -> float:
        if c == "\u3000":
            w = self.size  # the ideographic space stays a full em (BIZ UDP has it at 2/3)
        elif c == "\n":
            w = 0.0
        else:
            w = pdfmetrics.stringWidth(" " if c == "\t" else c, self.font, self.size)
        self[c] = w
        return w


@memo.cached(maxsize=1024)
def widths_for(font: str, size: float) -> _Widths:
    return _Widths(font, size)


@dataclass(unsafe_hash=True, slots=True)
class Text:
    """A paragraph flattened to one string with prefix sums for O(1) range widths."""

    text: str
    run_starts: tuple[int, ...]  # index of each run's first character
    cum: list[float]  # cum[i] = advance of text[:i]
    glue: dict[int, float]  # 和欧間 before text[i] (dropped at a line start)
    cum_glue: list[float]  # cum_glue[i] = glue at positions < i
    locked: frozenset[int] = frozenset()  # positions no line may start at (inside a ruby base)
    # The keys of `glue` in order. Each is where a token of linefit starts: at a run start
    # (inline code, ruby) or between a kana/kanji and a Latin letter or digit, which are
    # apart in WORD_RANGES; so a line without stretch need visit only these positions.
    glue_at: tuple[int, ...] = ()

    def width(self, a: int, b: int) -> float:
        """Natural width of text[a:b] set at a line start (glue before a is dropped)."""
        if b <= a:
            return 0.0
        return self.cum[b] - self.cum[a] + self.cum_glue[b] - self.cum_glue[a + 1]

    def run_at(self, i: int) -> int:
        return bisect_right(self.run_starts, i) - 1


def measure(runs: Sequence[Run]) -> Text:
    text = "".join(r.text for r in runs)
    starts = tuple(accumulate((len(r.text) for r in runs[:-1]), initial=0))
    adv: list[float] = []
    for r in runs:
        if r.math:
            adv.append(math_box(r).width)  # the run's one character is the formula's box
        else:
            adv.extend(map(widths_for(r.font, r.size).__getitem__, r.text))
    glue = _glue(runs, text, starts)
    if glue:
        gl = [0.0] * (len(text) + 1)
        for i, g in glue.items():
            gl[i] = g
        cum_glue = list(accumulate(gl, initial=0.0))[:-1]
    else:
        cum_glue = [0.0] * (len(text) + 1)  # the sums of nothing but zeros
    locked = frozenset(
        p
        for k, r in enumerate(runs)
        if r.ruby
        for p in range(starts[k] + 1, starts[k] + len(r.text))
    )
    cum = list(accumulate(adv, initial=0.0))
    return Text(text, starts, cum, glue, cum_glue, locked, tuple(sorted(glue)))


def _glue(runs: Sequence[Run], text: str, starts: tuple[int, ...]) -> dict[int, float]:
    """Quarter-em spaces between kana/kanji and Latin letters or inline code."""
    pos = {m.start() for m in _GLUE_RE.finditer(text)}
    for k, r in enumerate(runs):
        if (r.back is None and not r.math) or not r.text:
            continue  # inline code and formulas are set off from Japanese like a Latin word
        a, b = starts[k], starts[k] + len(r.text)
        if a > 0 and J.is_cjk(text[a - 1]) and J.may_end_line(text[a - 1]):
            pos.add(a)
        if b < len(text) and J.is_cjk(text[b]) and J.may_start_line(text[b]):
            pos.add(b)
    out: dict[int, float] = {}
    for p in pos:
        if text[p] in "\u3000" or text[p - 1] in "\u3000":
            continue
        size = max(
            runs[bisect_right(starts, p - 1) - 1].size, runs[bisect_right(starts, p) - 1].size
        )
        out[p] = GLUE_EM * size
    for p, pad in _ruby_pads(runs, starts, len(text)):
        out[p] = out.get(p, 0.0) + pad
    return out


def _ruby_pads(runs: Sequence[Run], starts: tuple[int, ...], n: int) -> list[tuple[int, float]]:
    """Space either side of a ruby base narrower than its ruby, so the ruby never overhangs
    the neighbouring characters (JIS X 4051 spreads the base; spacing it out is simpler)."""
    out: list[tuple[int, float]] = []
    for k, r in enumerate(runs):
        if not r.ruby or not r.text:
            continue
        base = pdfmetrics.stringWidth(r.text, r.font, r.size)
        over = pdfmetrics.stringWidth(r.ruby, r.font, r.size * RUBY_SCALE) - base
        if over > 0:
            a, b = starts[k], starts[k] + len(r.text)
            out.extend((p, over / 2) for p in (a, b) if 0 < p < n)
    return out


Shrink = Callable[[int, int], float]  # how much push-in may take out of text[a:b]


def units(t: Text, limit: float, phrases: bool, shrink: Shrink | None = None) -> list[Unit]:
    """Unbreakable units; units wider than `limit` even pushed in are split at the best
    inner points."""
    raw = raw_units(t.text)
    if phrases and not _one_line(t, limit):
        raw = _phrase_groups(t, raw, limit)
    if t.locked:
        raw = _lock(t, raw)
    out: list[Unit] = []
    for u in raw:
        if u[1] - u[0] > 1 and _too_wide(t, u[0], u[1], limit, shrink):
            out.extend(_split_long(t, u, limit, shrink))
        else:
            out.append(u)
    return out


def _one_line(t: Text, limit: float) -> bool:
    """The whole text fits in `limit` (at most the first line's room) with no forced break:
    every unit then goes on one line however units are grouped, so phrases need not be
    found (a heading, an option, a table cell: BudouX is the main cost of breaking them)."""
    return "\n" not in t.text and t.width(0, len(t.text)) <= limit


def _lock(t: Text, raw: list[Unit]) -> list[Unit]:
    """A unit starting inside a ruby base joins the one before it: ruby never breaks."""
    out: list[Unit] = []
    for u in raw:
        if out and u[0] in t.locked:
            out[-1] = (out[-1][0], u[1], u[2])
        else:
            out.append(u)
    return out


def min_width(runs: Sequence[Run]) -> float:
    """The widest unbreakable unit (before any last-resort splitting)."""
    t = measure(runs)
    return max((t.width(a, c) for a, c, _ in units(t, float("inf"), False)), default=0.0)


def _phrase_groups(t: Text, raw: list[Unit], limit: float) -> list[Unit]:
    """Merge units inside one BudouX phrase, unless the phrase is wider than a line."""
    bounds = _phrase_bounds(t.text)
    out: list[Unit] = []
    group: list[Unit] = []
    for u in raw:
        if group and (u[0] in bounds or group[-1][1] != group[-1][2] or t.text[u[0]] == "\n"):
            out.extend(_flush(t, group, limit))
            group = []
        group.append(u)
        if t.text[u[0]] == "\n":
            out.extend(_flush(t, group, limit))
            group = []
    out.extend(_flush(t, group, limit))
    return out


def _flush(t: Text, group: list[Unit], limit: float) -> list[Unit]:
    if not group:
        return []
    merged = (group[0][0], group[-1][1], group[-1][2])
    return group if t.width(merged[0], merged[1]) > limit else [merged]


@memo.once
def _parser() -> object:
    import budoux

    return budoux.load_default_japanese_parser()


@memo.cached(maxsize=4096)  # options and cells are broken at more than one width
def _phrase_bounds(text: str) -> frozenset[int]:
    parser = _parser()
    bounds: set[int] = set()
    pos = 0
    for chunk in parser.parse(text):  # type: ignore[attr-defined]
        pos += len(chunk)
        bounds.add(pos)
    return frozenset(bounds)


def _too_wide(t: Text, a: int, b: int, limit: float, shrink: Shrink | None) -> bool:
    w = t.width(a, b)
    return w > limit and (shrink is None or w - shrink(a, b) > limit)


def _split_long(t: Text, u: Unit, limit: float, shrink: Shrink | None) -> list[Unit]:
    """Split an over-long word: after / . - _ first, else where a line may start, else
    (JLREQ's looser rule) before small kana or ー, else after anything but an opening
    bracket, else anywhere."""
    a, c, e = u
    s = t.text
    out: list[Unit] = []
    for pa, pc in _cut(a, c, sensible_cuts(s, a, c)):
        out.extend((x, y, y) for x, y in _split_tiers(t, pa, pc, limit, shrink, 0))
    last = out[-1]
    out[-1] = (last[0], last[1], e)
    return out


def _split_tiers(
    t: Text, a: int, b: int, limit: float, shrink: Shrink | None, tier: int
) -> list[tuple[int, int]]:
    """Cut text[a:b] at every point of the first tier that has one; a piece still too
    wide is cut by the next tier, so a run of non-starters wider than a line breaks
    before ー rather than before 。, and never leaves a piece that cannot fit."""
    if b - a <= 1 or tier == len(_TIERS) or not _too_wide(t, a, b, limit, shrink):
        return [(a, b)]
    s, ok = t.text, _TIERS[tier]
    cuts = [p for p in range(a + 1, b) if ok(s, p)]
    if not cuts:
        return _split_tiers(t, a, b, limit, shrink, tier + 1)
    out: list[tuple[int, int]] = []
    for x, y in _cut(a, b, cuts):
        out.extend(_split_tiers(t, x, y, limit, shrink, tier + 1))
    return out


def sensible_cuts(s: str, a: int, c: int) -> list[int]:
    """Break points inside a word after / . - _ (not between digits, as in 3.14)."""
    cuts = []
    for m in _SPLIT_RE.finditer(s, a, c):
        p = m.end()
        if not (s[m.start() - 1 : m.start()].isdigit() and s[p].isdigit()) and _may_cut(s, p):
            cuts.append(p)
    return cuts


def _may_cut(s: str, p: int) -> bool:
    return J.may_start_line(s[p]) and J.may_end_line(s[p - 1]) and s[p] not in " \t"


def _strict_cut(s: str, p: int) -> bool:
    """A legal break that also keeps …… and —— whole (JLREQ cl-08)."""
    return _may_cut(s, p) and not (s[p - 1] in J.CL08_INSEPARABLE and s[p] in J.CL08_INSEPARABLE)


def _loose_cut(s: str, p: int) -> bool:
    """The looser line start JLREQ 3.1.7 leaves to house rules (JIS X 4051 calls it mild):
    small kana and the prolonged sound mark."""
    return s[p] in _LOOSE_START and J.may_end_line(s[p - 1])


_LOOSE_START = frozenset(J.CL10_PROLONGED + J.CL11_SMALL_KANA)
_TIERS: tuple[Callable[[str, int], bool], ...] = (
    _strict_cut,
    _loose_cut,
    lambda s, p: J.may_end_line(s[p - 1]),  # an opening bracket stays with what it opens
    lambda s, p: True,
)


def _cut(a: int, c: int, cuts: list[int]) -> list[tuple[int, int]]:
    edges = [a, *cuts, c]
    return [(x, y) for x, y in pairwise(edges) if y > x]


def run_width(r: Run) -> float:
    """Natural width of a whole run (a formula's box width for a math run)."""
    if r.math:
        return math_box(r).width
    return float(pdfmetrics.stringWidth(r.text, r.font, r.size))
