"""JParagraph: a ReportLab flowable that sets Japanese runs with our own line breaker."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import repeat
from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.platypus.flowables import Flowable

from exampdf import memo
from exampdf.layout.text import mathrun
from exampdf.layout.text.jsegment import RUBY_SCALE, min_width
from exampdf.layout.text.linebreak import Align, Line, Piece, break_lines
from exampdf.layout.text.textrun import ASCENT, Run, run_flags
from exampdf.pdf.forms import inherited_form, new_form_name
from exampdf.pdf.ops import content, text_content, text_subset
from exampdf.pdf.state import paint_state
from exampdf.pdf.textshow import encodings, show

MIN_SPLIT = 2  # widow/orphan control: lines kept together at either side of a page break
FORM_MARGIN = 24.0  # room around a painted paragraph for hanging punctuation and ruby


LineKey = tuple[tuple[Run, ...], float, float, str, bool, bool]
# Every version prints the same stems and options: their lines are broken once per process.
_LINES: memo.Memo[LineKey, tuple[Line, ...]] = memo.Memo("layout.text.jparagraph.lines", 50_000)
# Longer ones print once (the key's 「出題位置」): kept, they grew with the versions (70 MB).
_MEMO_CHARS_MAX = 2000


@dataclass(eq=True)
class ParaStyle:
    """How a paragraph is set: leading, indents, alignment and spacing (never changed)."""

    leading: float
    first_indent: float = 0.0
    left_indent: float = 0.0
    right_indent: float = 0.0
    align: Align = "justify"
    space_before: float = 0.0
    space_after: float = 0.0
    hanging: bool = False  # let 、。，． hang into the right margin
    phrases: bool = False  # prefer BudouX phrase boundaries (headings, options, cells)

    def __hash__(self) -> int:  # equal styles share these; forms' keys hash it on each lookup
        return hash((self.leading, self.first_indent, self.left_indent, self.align))


class JParagraph(Flowable):  # type: ignore[misc]
    """A paragraph of runs, broken by JLREQ rules and justified character by character."""

    def __init__(
        self, runs: Sequence[Run], style: ParaStyle, _fixed: tuple[Line, ...] | None = None
    ) -> None:
        super().__init__()
        self.runs = tuple(runs)
        self.style = style
        # _linked is asked on every draw of every version; with _math lines grow for formulas
        self._linked, self._backs, self._ruby, self._underlined, self._math = run_flags(self.runs)
        self.spaceBefore = style.space_before
        self.spaceAfter = style.space_after
        self._fixed = _fixed  # a split's first part keeps exactly its lines
        self._cache: dict[float, tuple[Line, ...]] = {}
        self.width = 0.0
        self.height = 0.0

    def lines(self, avail_width: float) -> tuple[Line, ...]:
        if self._fixed is not None:
            return self._fixed
        if avail_width not in self._cache:
            self._cache[avail_width] = self._break(avail_width)
        return self._cache[avail_width]

    def _break(self, avail_width: float) -> tuple[Line, ...]:
        st = self.style
        width = avail_width - st.left_indent - st.right_indent
        key = (self.runs, width, st.first_indent, st.align, st.hanging, st.phrases)
        lines = _LINES.get(key)
        if lines is None:
            lines = break_lines(
                self.runs,
                width,
                st.first_indent,
                align=st.align,
                hanging=st.hanging,
                phrases=st.phrases,
            )
            if sum(len(r.text) for r in self.runs) <= _MEMO_CHARS_MAX:
                _LINES.put(key, lines)  # bounded memory on huge banks
        return lines

    def first_drop(self) -> float:
        """How far formulas lowered the first baseline (after wrap; 0 without math)."""
        if not self._math or not self.width:
            return 0.0
        return mathrun.first_drop(self.runs, self.lines(self.width), self.style.leading)

    def minWidth(self) -> float:
        """Narrowest width without breaking inside a word (ReportLab tables ask this)."""
        st = self.style
        return min_width(self.runs) + st.left_indent + st.right_indent + max(0.0, st.first_indent)

    def line_texts(self, width: float) -> list[str]:
        return [ln.text for ln in self.lines(width)]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        lines = self.lines(availWidth)
        if self._math:
            self.height = mathrun.height(self.runs, lines, self.style.leading)
        else:
            self.height = len(lines) * self.style.leading
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        lines = self.lines(availWidth)
        fit = int((availHeight + 1e-6) // self.style.leading)
        if self._math:
            fit = mathrun.lines_within(self.runs, lines, self.style.leading, availHeight)
        if len(lines) < 2 * MIN_SPLIT or fit >= len(lines):
            return []
        n = min(fit, len(lines) - MIN_SPLIT)
        if n < MIN_SPLIT:
            return []
        first = JParagraph(self.runs, replace(self.style, space_after=0.0), lines[:n])
        return [first, self._rest(availWidth, lines, n)]

    def _rest(self, width: float, lines: tuple[Line, ...], n: int) -> JParagraph:
        """The continuation: runs from line n on, with the lines already broken reused."""
        offset, pos, k0 = lines[n].start, 0, 0
        for k0, r in enumerate(self.runs):  # noqa: B007 - k0 is the run holding offset
            if pos + len(r.text) > offset:
                break
            pos += len(r.text)
        runs = (
            replace(self.runs[k0], text=self.runs[k0].text[offset - pos :]),
            *self.runs[k0 + 1 :],
        )
        style = replace(self.style, first_indent=0.0, space_before=0.0)
        rest = JParagraph(runs, style)
        rest._cache[width] = tuple(_rebase(ln, offset, k0) for ln in lines[n:])
        return rest

    def draw(self) -> None:
        """A paragraph that recurs in a document (the same option in forty versions) is
        painted once as a form XObject and then only placed; one that appears once (most of
        an answer key) is painted in the page itself, without a form's overhead."""
        canv = self.canv
        lines = self.lines(self.width)
        state = paint_state(canv)
        key = (self.runs, self.style, self.width, len(lines))  # a split's head: fewer lines
        name = state.forms.get(key) or inherited_form(canv, key)
        placed = self._placed(lines) if name is None or self._linked else []
        count = len(state.seen)
        if name is None and not state.eager:
            state.seen.add(key)  # one hash where `in` then `add` took two
        if len(state.seen) > count:  # its first time: painted in the page
            self._paint(placed)
        else:
            if name is None:
                name = new_form_name(canv, key)
                m = FORM_MARGIN
                canv.beginForm(name, -m, -m, self.width + m, self.height + m)
                self._paint(placed)
                canv.endForm()
            canv.doForm(name)  # already painted: placing it needs no glyph positions
        if self._linked:
            _draw_links(canv, placed, self.style.left_indent)  # annotations: page, not form

    def _paint(self, placed: list[tuple[Piece, Run, float]]) -> None:
        canv, left = self.canv, self.style.left_indent
        if self._backs:
            _draw_backs(canv, placed, left)
        _draw_text(canv, placed, left)
        if self._math:
            mathrun.draw_math(canv, placed, left)
        if self._ruby:
            _draw_ruby(canv, placed, left, self.width - left - self.style.right_indent)
        if self._underlined:
            _draw_decorations(canv, placed, left)

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        """Without links, a bare `q cm … Q` instead of ReportLab's saveState/translate (it
        copies the graphics state); links need ReportLab's tracking of the transform."""
        if self._linked:
            super().drawOn(canvas, x, y, _sW)
            return
        x = self._hAlignAdjust(x, _sW)
        code = content(canvas)
        code.append(f"q 1 0 0 1 {fp_str(x, y)} cm")
        self.canv = canvas
        self.draw()
        del self.canv
        code.append("Q")

    def _placed(self, lines: tuple[Line, ...]) -> list[tuple[Piece, Run, float]]:
        lead = self.style.leading
        placed: list[tuple[Piece, Run, float]] = []
        if self._math:
            return mathrun.placed_math(self.runs, lines, lead, self.height)
        runs = self.runs
        for i, ln in enumerate(lines):
            if len(runs) == 1:  # most paragraphs: every piece in the one run
                size = runs[0].size if ln.pieces else 0.0
                base = self.height - i * lead - (lead - size) / 2 - ASCENT * size
                placed.extend(zip(ln.pieces, repeat(runs[0]), repeat(base)))
                continue
            size = max((runs[p.run].size for p in ln.pieces), default=0.0)
            base = self.height - i * lead - (lead - size) / 2 - ASCENT * size
            placed.extend((p, runs[p.run], base) for p in ln.pieces)
        return placed


def _rebase(ln: Line, offset: int, k0: int) -> Line:
    pieces = (
        ln.pieces  # still the first run: the pieces stay as they are
        if k0 == 0
        else tuple(Piece(p.run - k0, p.text, p.x, p.width, p.char_space) for p in ln.pieces)
    )
    return replace(
        ln, pieces=pieces, start=ln.start - offset, end=ln.end - offset, next=ln.next - offset
    )


def _draw_backs(canv: Any, placed: list[tuple[Piece, Run, float]], left: float) -> None:
    """Tint behind inline code, one rectangle per run per line, before any text."""
    spans: list[tuple[Run, float, float, float]] = []  # run, baseline, x0, x1
    last: tuple[int, float] | None = None
    for p, r, base in placed:
        if r.back is None:
            last = None
            continue
        if last == (p.run, base):
            spans[-1] = (r, base, spans[-1][2], p.x + p.width)
        else:
            spans.append((r, base, p.x, p.x + p.width))
        last = (p.run, base)
    pad = 1.0
    for r, base, x0, x1 in spans:
        canv.setFillColorRGB(*(r.back or (1.0, 1.0, 1.0)))
        canv.rect(
            left + x0 - pad,
            base - 0.22 * r.size,
            x1 - x0 + 2 * pad,
            1.12 * r.size,
            stroke=0,
            fill=1,
        )


def _draw_text(canv: Any, placed: list[tuple[Piece, Run, float]], left: float) -> None:
    """One text object for the paragraph; font, colour and char space set only on change."""
    to = canv.beginText()
    code = text_content(to)  # joined with spaces: "Tm" and "Tj" may share an entry
    known = encodings(canv)
    font: tuple[str, float] | None = None
    color: tuple[float, float, float] | None = None
    cs = 0.0
    y, base_s = None, ""
    run: Run | None = None
    for p, r, base in placed:
        if r.math:
            continue  # a formula's box: draw_math paints it
        if r is not run:  # pieces of one run follow one another
            run = r
            if (r.font, r.size) != font:
                font = (r.font, r.size)
                to.setFont(r.font, r.size)
            if r.color != color:
                color = r.color
                to.setFillColorRGB(*r.color)
        if p.char_space != cs:
            cs = p.char_space
            to.setCharSpace(cs)
        if base != y:
            y, base_s = base, f"{base:.3f}"
        # Absolute text matrix and no cursor tracking: ReportLab's setTextOrigin/textOut
        # format floats and re-measure every string, the main drawing cost on long texts.
        tm = f"1 0 0 1 {left + p.x:.3f} {base_s} Tm"
        chunks = known.get((r.font, p.text))
        if chunks is not None and len(chunks) == 1 and chunks[0][0] == text_subset(to):
            code.append(f"{tm} {chunks[0][1]}")  # a string shown before in this subset
        else:
            code.append(tm)
            show(to, p.text)
    canv.drawText(to)


def _draw_ruby(
    canv: Any, placed: list[tuple[Piece, Run, float]], left: float, right: float
) -> None:
    """Each ruby centred in half size over its base (kept on one line by the breaker),
    just above the em box, within the paragraph's edges."""
    spans: list[tuple[Run, int, float, float, float]] = []  # run, index, baseline, x0, x1
    for p, r, base in placed:
        if not r.ruby:
            continue
        if spans and spans[-1][1] == p.run and spans[-1][2] == base:
            spans[-1] = (*spans[-1][:4], p.x + p.width)
        else:
            spans.append((r, p.run, base, p.x, p.x + p.width))
    for r, _, base, x0, x1 in spans:
        size = r.size * RUBY_SCALE
        w = canv.stringWidth(r.ruby, r.font, size)
        x = min(max((x0 + x1 - w) / 2, 0.0), max(right - w, 0.0))
        canv.setFont(r.font, size)
        canv.setFillColorRGB(*r.color)
        canv.drawString(left + x, base + ASCENT * r.size + 0.1 * size, r.ruby)


def _draw_decorations(canv: Any, placed: list[tuple[Piece, Run, float]], left: float) -> None:
    """Underlines."""
    for p, r, base in placed:
        x = left + p.x
        if r.underline:
            canv.setStrokeColorRGB(*r.color)
            canv.setLineWidth(0.05 * r.size)
            canv.line(x, base - 0.12 * r.size, x + p.width, base - 0.12 * r.size)


def _draw_links(canv: Any, placed: list[tuple[Piece, Run, float]], left: float) -> None:
    """Clickable areas over linked runs."""
    for p, r, base in placed:
        x = left + p.x
        if r.link:
            rect = (x, base - 0.2 * r.size, x + p.width, base + 0.9 * r.size)
            canv.linkURL(r.link, rect, relative=1, thickness=0)
