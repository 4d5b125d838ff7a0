"""Highlighted code blocks: wrapped at a measured width with a visible mark, split by lines."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import reduce
from itertools import accumulate
from operator import add
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from exampdf import memo
from exampdf.layout.blocks.codetheme import look
from exampdf.layout.blocks.lexcache import expand_tabs, lexed
from exampdf.layout.blocks.lexcache import source_lexer as _lexer
from exampdf.layout.text.fallback import segments
from exampdf.layout.text.textrun import RGB
from exampdf.layout.theme import BOX_GREY, RULE_GREY, Theme
from exampdf.pdf.ops import text_content, text_subset
from exampdf.pdf.textshow import encodings, show

CONTINUATION = "»"  # drawn in the gutter of a wrapped line's continuation
PAD = 5.0


@dataclass(unsafe_hash=True)
class Piece:
    """Characters of a code line in one colour and font."""

    text: str
    color: RGB
    font: str  # resolved per character: mono, mono bold, or a fallback font


Line = tuple[Piece, ...]


@dataclass(unsafe_hash=True)
class CodeLine:
    """One printed row of a code block."""

    pieces: Line
    continued: bool  # a continuation of the previous source line
    number: int = 0  # source line number (1-based) on a line's first row, else 0


def tokenize(
    code: str, lang: str, fonts: tuple[str, str], fallback: tuple[str, ...] = ()
) -> list[Line]:
    """Source lines as pieces with their print look, tabs expanded to 4-cell stops."""
    lines: list[list[Piece]] = [[]]
    row = lines[-1]
    for token, value in lexed(expand_tabs(code), lang.lower(), _lexer):
        tl = look(token)
        font = fonts[1] if tl.bold else fonts[0]
        if "\n" not in value:  # most tokens
            if value:
                row.extend(_pieces(value, tl.color, font, fallback))
            continue
        for i, part in enumerate(value.split("\n")):
            if i:
                row = []
                lines.append(row)
            if part:
                row.extend(_pieces(part, tl.color, font, fallback))
    if lines and not lines[-1]:
        lines.pop()  # Pygments ends every text with a newline
    return [tuple(line) for line in lines]


_PIECES: memo.Memo[tuple[str, RGB, str, tuple[str, ...]], tuple[Piece, ...]] = memo.Memo(
    "layout.blocks.codeblock.pieces", 100_000
)


def _pieces(text: str, color: RGB, font: str, fallback: tuple[str, ...]) -> tuple[Piece, ...]:
    """A token's text in its look, split where a fallback font draws (memoised: names,
    operators and indents recur all through a booklet's code)."""
    key = (text, color, font, fallback)
    got = _PIECES.get(key)
    if got is None:
        got = _PIECES.put(key, tuple(Piece(t, color, f) for t, f in segments(text, font, fallback)))
    return got


class _Advances(dict[str, float]):
    """Glyph advances of one font at one size, as stringWidth gives them, measured once;
    and each token text's advances and width (names and indents recur in every block)."""

    def __init__(self, font: str, size: float) -> None:
        super().__init__()
        self.font, self.size = font, size
        self.runs: dict[str, tuple[float, ...]] = {}
        self.widths: dict[str, float] = {}

    def __missing__(self, ch: str) -> float:
        w = self[ch] = float(stringWidth(ch, self.font, self.size))
        return w

    def of(self, text: str) -> tuple[float, ...]:
        """The advances of `text`'s characters."""
        ws = self.runs.get(text)
        if ws is None:
            ws = self.runs[text] = tuple(map(self.__getitem__, text))
        return ws

    def width(self, text: str) -> float:
        """Sum of the advances, added left to right (as a generator sum would)."""
        w = self.widths.get(text)
        if w is None:
            w = self.widths[text] = sum(map(self.__getitem__, text))
        return w


@memo.cached(maxsize=1024)
def _advances(font: str, size: float) -> _Advances:
    return _Advances(font, size)


def _char_width(ch: str, font: str, size: float) -> float:
    return _advances(font, size)[ch]


def _text_width(text: str, font: str, size: float) -> float:
    """Sum of the advances, added left to right (as a generator sum would)."""
    return _advances(font, size).width(text)


def wrap_lines(lines: list[Line], width: float, size: float) -> list[CodeLine]:
    """Break each source line where the next character would pass `width`.
    Running widths are prefix sums over a piece (`accumulate` adds in the same order as a
    character loop would), and the first character that passes `width` is found by
    bisection: advances are never negative, so the sums only grow."""
    out: list[CodeLine] = []
    fonts: dict[str, _Advances] = {}
    for number, line in enumerate(lines, start=1):
        rows: list[list[Piece]] = []
        current: list[Piece] = []
        used = 0.0
        for piece in line:
            text, font = piece.text, piece.font
            adv = fonts.get(font)
            if adv is None:
                adv = fonts[font] = _advances(font, size)
            ws = adv.of(text)
            end = reduce(add, ws, used)  # the last prefix sum, added in the same order
            if text and end <= width:  # most pieces: the whole piece fits, no sums kept
                used = end
                current.append(piece)
                continue
            n = len(text)
            start = pos = 0  # start: first character of the current part; pos: next to add
            while pos < n:
                acc = list(accumulate(ws[pos:], initial=used))
                j = bisect_right(acc, width, 1)  # acc[j] > width: character pos + j - 1 passes
                if j == len(acc):
                    used = acc[-1]
                    break
                i = pos + j - 1
                if current or i > start:
                    if i > start:
                        current.append(Piece(text[start:i], piece.color, font))
                    rows.append(current)
                    current, used, start, pos = [], 0.0, i, i
                else:  # a character wider than the line: set it alone, then go on
                    used, pos = acc[j], i + 1
            if start < n:
                current.append(piece if start == 0 else Piece(text[start:], piece.color, font))
        rows.append(current)
        out.append(CodeLine(tuple(rows[0]), False, number))
        out.extend(CodeLine(tuple(row), True) for row in rows[1:])
    return out


class CodeBlockFlowable(Flowable):  # type: ignore[misc]
    """A tinted box of code lines; splits between lines and continues its background."""

    def __init__(
        self,
        code: str,
        lang: str,
        theme: Theme,
        lines: list[CodeLine] | None = None,
        top: bool = True,
        bottom: bool = True,
        numbered: bool = False,
    ) -> None:
        super().__init__()
        self.code, self.lang, self.theme, self.numbered = code, lang, theme, numbered
        f = theme.fonts
        self._source = (
            tokenize(code, lang, (f.mono, f.mono_bold), f.fallback) if lines is None else []
        )
        self._lines = lines
        self.top, self.bottom = top, bottom
        self.mark_w = _char_width(CONTINUATION, f.mono, theme.code_size) + 2
        self.gutter = self.mark_w + self._number_width()

    def _number_width(self) -> float:
        """Room for right-aligned line numbers: as many digits as the last number, plus a space."""
        if not self.numbered:
            return 0.0
        digits = len(str(max(1, self.code.count("\n") + 1)))
        return (digits + 1) * _char_width("0", self.theme.fonts.mono, self.theme.code_size)

    def _text_width(self, avail: float) -> float:
        return max(avail - 2 * PAD - self.gutter, 4 * self.theme.code_size)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._lines is None:
            self._lines = wrap_lines(
                self._source, self._text_width(avail_width), self.theme.code_size
            )
        self.width = avail_width
        self.height = self._height(len(self._lines))
        return self.width, self.height

    def _height(self, n: int) -> float:
        return n * self.theme.code_leading + PAD * (int(self.top) + int(self.bottom))

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        assert self._lines is not None
        fit = int((avail_height - PAD) // self.theme.code_leading)
        if fit < 2 or len(self._lines) - fit < 1:
            return []
        return [
            self._part(self._lines[:fit], self.top, False),
            self._part(self._lines[fit:], False, self.bottom),
        ]

    def _part(self, lines: list[CodeLine], top: bool, bottom: bool) -> CodeBlockFlowable:
        return CodeBlockFlowable(
            self.code, self.lang, self.theme, lines, top, bottom, numbered=self.numbered
        )

    def draw(self) -> None:
        assert self._lines is not None
        c = self.canv
        c.saveState()
        c.setFillColorRGB(*BOX_GREY)
        c.setStrokeColorRGB(*RULE_GREY)
        c.setLineWidth(0.4)
        c.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        c.line(0, 0, 0, self.height)  # a left rule marks the block on any copier
        c.drawText(self._text(c))
        c.restoreState()

    def _text(self, c: Any) -> Any:
        """One text object for the whole block; font and colour set only when they change.
        Pieces are placed with an absolute text matrix (as in jparagraph): ReportLab's
        drawString makes a text object per call, the main cost of a long answer key."""
        size, mono = self.theme.code_size, self.theme.fonts.mono
        to = c.beginText()
        code = text_content(to)  # joined with spaces: "Tm" and "Tj" may share an entry
        known = encodings(c)
        font: str | None = None
        color: RGB | None = None
        fonts: dict[str, _Advances] = {}
        numbers = PAD + self.gutter - self.mark_w - 2
        assert self._lines is not None
        y = self.height - (PAD if self.top else 0) - size
        for line in self._lines:
            ys = f"{y:.3f}"
            marks: list[tuple[float, str, str, RGB]] = []
            if line.number and self.numbered:
                num = str(line.number)
                marks.append((numbers - _text_width(num, mono, size), num, mono, RULE_GREY))
            if line.continued:
                marks.append((PAD + self.gutter - self.mark_w, CONTINUATION, mono, RULE_GREY))
            x = PAD + self.gutter
            for piece in line.pieces:
                marks.append((x, piece.text, piece.font, piece.color))
                adv = fonts.get(piece.font)
                if adv is None:
                    adv = fonts[piece.font] = _advances(piece.font, size)
                x += adv.width(piece.text)
            for x, text, f, rgb in marks:
                if f != font:
                    font = f
                    to.setFont(f, size)
                if rgb != color:
                    color = rgb
                    to.setFillColorRGB(*rgb)
                tm = f"1 0 0 1 {x:.3f} {ys} Tm"
                chunks = known.get((f, text))
                if chunks is not None and len(chunks) == 1 and chunks[0][0] == text_subset(to):
                    code.append(f"{tm} {chunks[0][1]}")  # a string shown before in this subset
                else:
                    code.append(tm)
                    show(to, text)
            y -= self.theme.code_leading
        return to
