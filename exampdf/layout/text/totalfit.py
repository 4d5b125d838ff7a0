"""Total-fit line breaking (Knuth–Plass adapted to JLREQ): the cheapest breaks over a paragraph.

Every break between unbreakable units is a candidate, and so are breaks after / . - inside a
URL or identifier and, as a last resort, hyphens inside long English words. A line costs
what it must be adjusted by, in JLREQ's order: push-in of punctuation blanks and word spaces
is cheapest, then widening word spaces and 和欧間 up to their limits, then spacing out the
characters of Japanese text, whose cost grows with the cube of the space added. Demerits
add a penalty for a hyphen or a cut word, for two loose or two tight lines in a row and for
a last line of one character; the paragraph takes the breaks with the fewest demerits.
Forced breaks split the paragraph into parts broken independently.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import NamedTuple

from exampdf.layout.text import jlreq as J
from exampdf.layout.text.hyphenate import CUT, HYPHENATED, UNIT, Cand, inner_breaks
from exampdf.layout.text.jsegment import Text, widths_for
from exampdf.layout.text.linefit import (
    GLUE_SHRINK,
    GLUE_STRETCH,
    SPACE_STRETCH,
    shrink_amounts,
    word_pairs,
)
from exampdf.layout.text.textrun import Run
from exampdf.layout.text.unitre import Unit

EPS = 1e-6
HYPHEN = "-"
LOOSE_EM, VERY_LOOSE_EM = 0.10, 0.20  # letter spacing per gap, in em of the text size
LINE_PENALTY = 10
CUT_DEMERITS = 5_000  # a break after / . - inside a URL or identifier
HYPHEN_DEMERITS = 30_000  # a hyphen: only where it saves a line looser than ~0.12 em
SHORT_LAST_DEMERITS = 20_000  # a last line of a single character (or 「す。」)
ADJACENT_DEMERITS = 10_000  # two loose lines, or two tight ones, one after the other
# Pass 1 looks only at lines this much short of the measure (a fraction of it); pass 2
# looks at every line, so a paragraph greedy can break is always broken.
WINDOW = 0.15
DECENT, LOOSE, VERY_LOOSE, TIGHT = 0, 1, 2, 3


@dataclass(unsafe_hash=True, slots=True)
class Span:
    """A line as characters: text[start:end] is set, the next line starts at next."""

    start: int
    end: int
    next: int
    forced: bool = False
    hang: bool = False  # the last character hangs into the right margin
    push: bool = False  # set tighter than natural (push-in)
    hyphen: bool = False  # a hyphen is added after text[end - 1]


class _Node(NamedTuple):
    pos: int  # where the line after this break starts
    total: float
    cls: int
    kind: int
    prev: int
    how: str  # "hang", "push" or ""
    end: int


@dataclass(unsafe_hash=True, slots=True)
class _Para:
    """Prefix sums that make every line's cost O(1)."""

    t: Text
    size: float
    hyphens: tuple[float, ...]  # a hyphen's width in each run
    space: list[float]  # width of word spaces in text[:i]
    shrink: list[float]  # push-in room in text[:i]
    inner: list[int]  # pairs inside Latin words in text[:i]

    def g(self, q: int) -> float:
        return self.t.cum[q] + self.t.cum_glue[q + 1]

    def x(self, b: int) -> float:
        return self.t.cum[b] + self.t.cum_glue[b]


def total_fit(
    t: Text,
    runs: Sequence[Run],
    us: list[Unit],
    width: float,
    indent: float,
    hanging: bool,
    hyphenate: bool = False,
) -> list[Span] | None:
    """The best breaks of the whole text, or None when no set of lines fits the width.
    With `hyphenate`, long English words may also break with a hyphen."""
    p = _prepare(t, runs)
    inner = inner_breaks(t, runs, us, hyphenate)
    spans: list[Span] = []
    k0 = 0  # first unit of the current part
    for k in range(len(us) + 1):
        if k < len(us) and t.text[us[k][0]] != "\n":
            continue
        forced = k < len(us)
        if k == k0:  # nothing before this newline: an empty line
            if forced:
                spans.append(Span(us[k][0], us[k][0], us[k][2], True))
        else:
            nxt = us[k][2] if forced else us[k - 1][2]
            avail0 = width - indent if k0 == 0 else width
            order = _order(us, inner, k0, k, nxt)
            part = _part(p, order, us[k0][0], width, avail0, hanging, forced)
            if part is None:
                return None
            spans.extend(part)
        k0 = k + 1
    return spans


def _prepare(t: Text, runs: Sequence[Run]) -> _Para:
    s, cum = t.text, t.cum
    sp = [cum[i + 1] - cum[i] if c == " " else 0.0 for i, c in enumerate(s)]
    return _Para(
        t,
        max(r.size for r in runs),
        tuple(widths_for(r.font, r.size)[HYPHEN] for r in runs),
        list(accumulate(sp, initial=0.0)),
        list(accumulate(shrink_amounts(t, runs), initial=0.0)),
        list(accumulate(word_pairs(t), initial=0)),
    )


def _order(us: list[Unit], inner: dict[int, list[Cand]], k0: int, k1: int, nxt: int) -> list[Cand]:
    """Candidate breaks of units k0..k1-1 in text order; the last one ends the part."""
    order: list[Cand] = []
    for k in range(k0, k1):
        order.extend(inner.get(k, ()))
        order.append(Cand(us[k][1], nxt if k == k1 - 1 else us[k][2], UNIT))
    return order


def _part(
    p: _Para,
    order: list[Cand],
    start: int,
    width: float,
    avail0: float,
    hanging: bool,
    forced: bool,
) -> list[Span] | None:
    """Break one part: first among lines near the measure, then among all lines."""
    for window in (WINDOW * width, float("inf")):
        found = _search(p, order, start, width, avail0, hanging, window)
        if found is not None:
            nodes, end = found
            return _spans(nodes, end, forced)
    return None


def _search(
    p: _Para,
    order: list[Cand],
    start: int,
    width: float,
    avail0: float,
    hanging: bool,
    window: float,
) -> tuple[list[_Node], _Node] | None:
    """Dynamic programming over candidate breaks: the cheapest way to reach each one.
    The common line (not the last, not overfull) is costed inline: this loop is the
    whole cost of total fit."""
    t, s = p.t, p.t.text
    cum_glue, space, inner = t.cum_glue, p.space, p.inner
    nodes = [_Node(start, 0.0, DECENT, UNIT, -1, "", start)]
    # Per node, the prefix sums at the line start it stands for.
    g, pos, tot = [p.g(start)], [start], [0.0]
    sp, cg, inn = [space[start]], [cum_glue[start + 1]], [inner[start + 1]]
    amax, amin = max(width, avail0), min(width, avail0)
    over = 1.5 * p.size  # push-in or a hanging mark never takes more
    per_em = 1.0 / p.size
    last = len(order) - 1
    for j, cand in enumerate(order):
        b, kind, final = cand.end, cand.kind, j == last
        hw = p.hyphens[t.run_at(b - 1)] if kind == HYPHENATED else 0.0
        xb = p.x(b) + hw
        lo = bisect_left(g, xb - amax - over)
        hi = len(g) if final else bisect_right(g, xb - amin + window)
        spb, cgb, inb = space[b], cum_glue[b], inner[b]
        base = CUT_DEMERITS if kind == CUT else HYPHEN_DEMERITS if kind == HYPHENATED else 0.0
        best_i, best_tot, best_cls, best_how = -1, 0.0, DECENT, ""
        for i in range(lo, hi):
            q = pos[i]
            if q >= b:
                break
            natural = xb - g[i]
            avail = avail0 if i == 0 else width
            how = ""
            if final or natural > avail + EPS:
                cost = _line(p, q, b, natural, avail, final, hanging, hw)
                if cost is None:
                    continue
                bad, cls, how = cost
            else:
                slack = avail - natural
                first = SPACE_STRETCH * (spb - sp[i]) + GLUE_STRETCH * (cgb - cg[i])
                if slack <= first:
                    bad, cls = (20.0 * (slack / first) ** 3 if slack > EPS else 0.0), DECENT
                else:
                    gaps = b - q - 1 - (inb - inn[i])
                    em = (slack - first) / (gaps if gaps > 0 else 1) * per_em
                    bad = 20.0 + 100.0 * (em / LOOSE_EM) ** 3
                    cls = VERY_LOOSE if em > VERY_LOOSE_EM else LOOSE if em > LOOSE_EM else DECENT
            d = (LINE_PENALTY + bad) ** 2 + base
            nd = nodes[i]
            if kind == HYPHENATED and nd.kind == HYPHENATED:
                d += HYPHEN_DEMERITS
            if cls != DECENT and i and (cls == nd.cls or cls + nd.cls == LOOSE + VERY_LOOSE):
                d += ADJACENT_DEMERITS
            if final and i and short_line(s, q, b):
                d += SHORT_LAST_DEMERITS
            if best_i < 0 or tot[i] + d < best_tot:
                best_i, best_tot, best_cls, best_how = i, tot[i] + d, cls, how
        if best_i < 0:
            continue
        best = _Node(cand.next, best_tot, best_cls, kind, best_i, best_how, b)
        if final:
            return nodes, best
        q = cand.next
        nodes.append(best)
        g.append(p.g(q))
        pos.append(q)
        tot.append(best_tot)
        sp.append(space[q])
        cg.append(cum_glue[q + 1])
        inn.append(inner[q + 1])
    return None


def short_line(s: str, a: int, b: int) -> bool:
    """A last line of one character, with or without closing marks after it."""
    body = s[a:b].rstrip(" \t")
    while body and body[-1] in J.NOT_AT_LINE_START:
        body = body[:-1]
    return len(body) <= 1


def _line(
    p: _Para,
    q: int,
    b: int,
    natural: float,
    avail: float,
    last: bool,
    hanging: bool,
    hw: float,
) -> tuple[float, int, str] | None:
    """Badness, fitness class and how an overfull line fits; None when it cannot."""
    t = p.t
    if natural > avail + EPS:
        mark = t.cum[b] - t.cum[b - 1]
        hangs = hanging and not hw and t.text[b - 1] in J.HANGABLE and b - 1 > q
        if hangs and natural - mark <= avail + EPS:
            if last:
                return 0.0, DECENT, "hang"
            return (*_stretch(p, q, b, avail + mark - natural), "hang")
        room = GLUE_SHRINK * (t.cum_glue[b] - t.cum_glue[q + 1]) + p.shrink[b] - p.shrink[q]
        need = natural - avail
        if need > room + EPS:
            return None
        r = need / room if room > 0 else 0.0
        return 10.0 * r**3, TIGHT if r > 0.5 else DECENT, "push"
    if last:
        return 0.0, DECENT, ""
    return (*_stretch(p, q, b, avail - natural), "")


def _stretch(p: _Para, q: int, b: int, slack: float) -> tuple[float, int]:
    """Badness of widening text[q:b] by slack: spaces and 和欧間 first, then letter gaps."""
    if slack <= EPS:
        return 0.0, DECENT
    t = p.t
    first = SPACE_STRETCH * (p.space[b] - p.space[q]) + GLUE_STRETCH * (
        t.cum_glue[b] - t.cum_glue[q + 1]
    )
    if slack <= first:
        return 20.0 * (slack / first) ** 3, DECENT
    gaps = b - q - 1 - (p.inner[b] - p.inner[q + 1])
    em = (slack - first) / max(gaps, 1) / p.size
    cls = VERY_LOOSE if em > VERY_LOOSE_EM else LOOSE if em > LOOSE_EM else DECENT
    return 20.0 + 100.0 * (em / LOOSE_EM) ** 3, cls


def _spans(nodes: list[_Node], end: _Node, forced: bool) -> list[Span]:
    out: list[Span] = []
    nd, is_last = end, True
    while nd.prev >= 0:
        start = nodes[nd.prev].pos
        out.append(
            Span(
                start,
                nd.end,
                nd.pos,
                forced and is_last,
                nd.how == "hang",
                nd.how == "push",
                nd.kind == HYPHENATED,
            )
        )
        nd, is_last = nodes[nd.prev], False
    out.reverse()
    return out
