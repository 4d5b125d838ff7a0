"""Fit one broken line to its width: inter-character justification or push-in compression."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from exampdf.layout.text import jlreq as J
from exampdf.layout.text.jsegment import Text
from exampdf.layout.text.textrun import Run

_TOK = re.compile(rf"([{J.WORD_RANGES}]+)|( +)|\u3000|[^{J.WORD_RANGES}\u3000 ]+")
# We set U+3000 a full em; the font's own advance is 2/3 em, so nothing may follow it
# inside one piece.
_IDEO_SPACE = "\u3000"
_WRUN = re.compile(rf"[{J.WORD_RANGES}]+")
_SHRINK_LEFT = frozenset(c for c in J.CL01_OPENING if J.is_cjk(c))
_SHRINK_RIGHT = frozenset(
    c for c in J.CL02_CLOSING + J.CL06_FULL_STOPS + J.CL07_COMMAS if J.is_cjk(c)
)
_SHRINK_BOTH = frozenset(c for c in J.CL05_MIDDLE_DOTS if J.is_cjk(c))
SPACE_SHRINK = 0.25  # a Latin word space may lose a quarter of its width
GLUE_SHRINK = 0.5  # 和欧間 may shrink from 1/4 em to 1/8 em
# JLREQ justification widens word spaces and 和欧間 first, then every character gap.
SPACE_STRETCH = 0.5  # a word space may grow by half its width
GLUE_STRETCH = 1.0  # 和欧間 may grow from 1/4 em to 1/2 em


@dataclass(unsafe_hash=True, slots=True)
class Stretch:
    """How a justified line takes up its slack."""

    gap: float = 0.0  # added after every character outside Latin words
    space: float = 0.0  # fraction of its own width added to each word space
    glue: float = 0.0  # fraction added to each 和欧間

    def total(self, t: Text, a: int, b: int) -> float:
        """Width this stretch adds to text[a:b]."""
        return (
            self.gap * stretch_gaps(t, a, b)
            + self.space * _space_width(t, a, b)
            + self.glue * (t.cum_glue[b] - t.cum_glue[a + 1])
        )


def plan_stretch(t: Text, a: int, b: int, slack: float) -> Stretch:
    """Spread `slack` over text[a:b]: spaces and 和欧間 up to their limits, then all gaps."""
    first = SPACE_STRETCH * _space_width(t, a, b) + GLUE_STRETCH * (
        t.cum_glue[b] - t.cum_glue[a + 1]
    )
    if first >= slack:
        f = slack / first
        return Stretch(0.0, SPACE_STRETCH * f, GLUE_STRETCH * f)
    gaps = stretch_gaps(t, a, b)
    return Stretch((slack - first) / gaps if gaps else 0.0, SPACE_STRETCH, GLUE_STRETCH)


def _space_width(t: Text, a: int, b: int) -> float:
    s, cum, total = t.text, t.cum, 0.0
    i = s.find(" ", a, b)
    while i >= 0:
        total += cum[i + 1] - cum[i]
        i = s.find(" ", i + 1, b)
    return total


class Piece(NamedTuple):
    """Characters of one run drawn from x with char_space after each glyph.
    A named tuple rather than a frozen dataclass: a long answer key makes 100,000 of
    them and keeps them in the line cache; tuples are built faster and, holding only
    numbers and strings, drop out of the garbage collector's traversals."""

    run: int
    text: str
    x: float
    width: float  # from the first glyph's left to the last glyph's right edge
    char_space: float = 0.0


def stretch_gaps(t: Text, a: int, b: int) -> int:
    """Gaps that justification may widen: every pair except two Latin-word characters."""
    inside = sum(m.end() - m.start() - 1 for m in _WRUN.finditer(t.text, a, b))
    return max(0, b - a - 1 - inside)


def word_pairs(t: Text) -> list[int]:
    """1 at each position whose character and the one before it are in one Latin word:
    the pairs stretch_gaps() leaves out, as a list to sum over."""
    out = [0] * len(t.text)
    for m in _WRUN.finditer(t.text):
        out[m.start() + 1 : m.end()] = [1] * (m.end() - m.start() - 1)
    return out


@dataclass(slots=True)
class _Acc:
    """A piece of a line being gathered: a run's characters with one spacing."""

    run: int
    text: str
    x: float
    advance: float  # including char_space after every glyph
    char_space: float

    def piece(self) -> Piece:
        return Piece(self.run, self.text, self.x, self.advance - self.char_space, self.char_space)


def justified(t: Text, a: int, b: int, x0: float, st: Stretch) -> list[Piece]:
    """Pieces of text[a:b] positioned from x0 with the stretch applied."""
    if not (st.gap or st.space or st.glue):
        return _unstretched(t, a, b, x0)
    return by_tokens(t, a, b, x0, st)


def by_tokens(t: Text, a: int, b: int, x0: float, st: Stretch) -> list[Piece]:
    """justified() token by token: Latin words, word spaces, ideographic spaces and other
    characters, each with its own char space, merged while they continue one another."""
    s, cum, starts = t.text, t.cum, t.run_starts
    out: list[_Acc] = []
    x, prev_word, gap = x0, False, st.gap
    k = t.run_at(a)
    pos = a
    while pos < b:
        end = min(b, starts[k + 1]) if k + 1 < len(starts) else b
        for m in _TOK.finditer(s, pos, end):
            i, j = m.span()
            word = m.group(1) is not None
            if i != a:
                x += t.glue.get(i, 0.0) * (1 + st.glue) + (gap if prev_word and not word else 0.0)
            cs = 0.0 if word else gap
            if m.group(2):  # word spaces: one width within a run
                cs += st.space * (cum[i + 1] - cum[i])
            adv = cum[j] - cum[i] + (j - i) * cs
            last = out[-1] if out else None
            if (
                last
                and last.run == k
                and last.char_space == cs
                and abs(x - last.x - last.advance) < 1e-9
                and not last.text.endswith(_IDEO_SPACE)
            ):
                last.text += s[i:j]
                last.advance += adv
            else:
                out.append(_Acc(k, s[i:j], x, adv, cs))
            x += adv
            prev_word = word
        pos, k = end, k + 1
    return [acc.piece() for acc in out]


def _unstretched(t: Text, a: int, b: int, x0: float) -> list[Piece]:
    """What justified() gives without stretch, found without visiting every token.
    With no char space anywhere, tokens merge into one piece unless a run starts, 和欧間
    opens a gap (every 和欧間 is where a token starts, see `Text.glue_at`) or an
    ideographic space ends the piece; so only those positions are visited."""
    s, cum, starts, glue, at = t.text, t.cum, t.run_starts, t.glue, t.glue_at
    k = t.run_at(a)
    cuts = at[bisect_right(at, a) : bisect_left(at, b)]  # a piece ends before each
    extra = [r for r in starts[k + 1 : bisect_left(starts, b)] if r > a]
    i = s.find(_IDEO_SPACE, a, b - 1)
    while i >= 0:
        extra.append(i + 1)
        i = s.find(_IDEO_SPACE, i + 1, b - 1)
    if extra:
        cuts = tuple(sorted({*cuts, *extra}))
    many = len(starts) > 1
    gap = glue.get
    out: list[Piece] = []
    x, p = x0, a
    for q in cuts:
        adv = cum[q] - cum[p]
        out.append(Piece(k, s[p:q], x, adv))
        x += adv
        x += gap(q, 0.0)  # 和欧間 (or ruby room) where the next token starts
        p = q
        if many:
            k = t.run_at(q)
    adv = cum[b] - cum[p]
    out.append(Piece(k, s[p:b], x, adv))
    return out


def _shrinks(t: Text, runs: Sequence[Run], a: int, b: int) -> dict[int, tuple[str, float]]:
    """Where push-in may take space: punctuation blanks, word spaces, 和欧間."""
    s, cum = t.text, t.cum
    out: dict[int, tuple[str, float]] = {}
    for i in range(a, b):
        c = s[i]
        if c in _SHRINK_LEFT or c in _SHRINK_RIGHT or c in _SHRINK_BOTH or c == " ":
            w = cum[i + 1] - cum[i]
            if c == " ":
                if runs[t.run_at(i)].back is None:  # inline code keeps its spaces whole
                    out[i] = ("R", w * SPACE_SHRINK)
                continue
            blank = w - 0.5 * runs[t.run_at(i)].size
            if blank > 0:
                side = "L" if c in _SHRINK_LEFT else "C" if c in _SHRINK_BOTH else "R"
                out[i] = (side, blank)
    return out


def shrink_amounts(t: Text, runs: Sequence[Run]) -> list[float]:
    """Push-in room at each character of the text (what capacity() sums, 和欧間 aside)."""
    out = [0.0] * len(t.text)
    for i, (_, v) in _shrinks(t, runs, 0, len(t.text)).items():
        out[i] = v
    return out


def capacity(t: Text, runs: Sequence[Run], a: int, b: int) -> float:
    glue = sum(g for p, g in t.glue.items() if a < p < b) * GLUE_SHRINK
    return glue + sum(v for _, v in _shrinks(t, runs, a, b).values())


def compressed(t: Text, runs: Sequence[Run], a: int, b: int, x0: float, need: float) -> list[Piece]:
    """Pieces of an overfull line, every shrinkable blank reduced by the same ratio."""
    shr = _shrinks(t, runs, a, b)
    ratio = min(1.0, need / max(capacity(t, runs, a, b), 1e-9))
    s, cum = t.text, t.cum
    out: list[_Acc] = []  # advance: the font's; set_end below: where the set glyph box ends
    ends: list[float] = []
    x = x0
    for i in range(a, b):
        if i != a:
            x += t.glue.get(i, 0.0) * (1 - GLUE_SHRINK * ratio)
        side, amount = shr.get(i, ("", 0.0))
        cut = amount * ratio
        dx = cut if side == "L" else cut / 2 if side == "C" else 0.0
        w = cum[i + 1] - cum[i]
        k = t.run_at(i)
        p = out[-1] if out else None
        if (
            p
            and p.run == k
            and abs(p.x + p.advance - (x - dx)) < 1e-9
            and p.text[-1] != _IDEO_SPACE
        ):
            p.text += s[i]
            p.advance += w
        else:
            out.append(_Acc(k, s[i], x - dx, w, 0.0))
            ends.append(0.0)
        x += w - cut
        ends[-1] = x  # a squeezed closing mark's blank lies beyond the set width
    return [Piece(q.run, q.text, q.x, end - q.x) for q, end in zip(out, ends, strict=True)]
