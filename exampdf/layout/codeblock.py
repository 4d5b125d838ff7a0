"""Highlighted code blocks: wrapped at a measured width with a visible mark, split by lines."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from pygments.lexer import Lexer
from pygments.lexers import TextLexer, get_lexer_by_name
from pygments.util import ClassNotFound
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from exampdf.layout.codetheme import look
from exampdf.layout.glyphs import printable
from exampdf.layout.textrun import RGB
from exampdf.layout.theme import BOX_GREY, RULE_GREY, Theme

CONTINUATION = "»"  # drawn in the gutter of a wrapped line's continuation
PAD = 5.0
TAB = 4


@dataclass(frozen=True)
class Piece:
    text: str
    color: RGB
    bold: bool


Line = tuple[Piece, ...]


@dataclass(frozen=True)
class CodeLine:
    pieces: Line
    continued: bool  # a continuation of the previous source line


def tokenize(code: str, lang: str) -> list[Line]:
    """Source lines as pieces with their print look, tabs expanded."""
    lines: list[list[Piece]] = [[]]
    for token, value in _lexer(lang.lower()).get_tokens(printable(code.expandtabs(TAB))):
        tl = look(token)
        for i, part in enumerate(value.split("\n")):
            if i:
                lines.append([])
            if part:
                lines[-1].append(Piece(part, tl.color, tl.bold))
    if lines and not lines[-1]:
        lines.pop()  # Pygments ends every text with a newline
    return [tuple(line) for line in lines]


@cache
def _lexer(lang: str) -> Lexer:
    plain: Lexer = TextLexer(stripnl=False)
    if not lang:
        return plain
    try:
        lexer: Lexer = get_lexer_by_name(lang, stripnl=False, ensurenl=True)
    except ClassNotFound:
        return plain
    return lexer


@cache
def _char_width(ch: str, font: str, size: float) -> float:
    return float(stringWidth(ch, font, size))


def wrap_lines(
    lines: list[Line], width: float, fonts: tuple[str, str], size: float
) -> list[CodeLine]:
    """Break each source line where the next character would pass `width`."""
    out: list[CodeLine] = []
    for line in lines:
        current: list[Piece] = []
        used = 0.0
        continued = False
        for piece in line:
            font = fonts[1] if piece.bold else fonts[0]
            start = 0
            for i, ch in enumerate(piece.text):
                w = _char_width(ch, font, size)
                if used + w > width and (current or i > start):
                    if i > start:
                        current.append(Piece(piece.text[start:i], piece.color, piece.bold))
                    out.append(CodeLine(tuple(current), continued))
                    current, used, continued, start = [], 0.0, True, i
                used += w
            if start < len(piece.text):
                current.append(Piece(piece.text[start:], piece.color, piece.bold))
        out.append(CodeLine(tuple(current), continued))
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
    ) -> None:
        super().__init__()
        self.code, self.lang, self.theme = code, lang, theme
        self.fonts = (theme.fonts.mono, theme.fonts.mono_bold)
        self._source = tokenize(code, lang) if lines is None else []
        self._lines = lines
        self.top, self.bottom = top, bottom
        self.gutter = _char_width(CONTINUATION, self.fonts[0], theme.code_size) + 2

    def _text_width(self, avail: float) -> float:
        return max(avail - 2 * PAD - self.gutter, 4 * self.theme.code_size)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._lines is None:
            self._lines = wrap_lines(
                self._source, self._text_width(avail_width), self.fonts, self.theme.code_size
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
        head = CodeBlockFlowable(
            self.code, self.lang, self.theme, self._lines[:fit], self.top, False
        )
        tail = CodeBlockFlowable(
            self.code, self.lang, self.theme, self._lines[fit:], False, self.bottom
        )
        return [head, tail]

    def draw(self) -> None:
        assert self._lines is not None
        c = self.canv
        c.saveState()
        c.setFillColorRGB(*BOX_GREY)
        c.setStrokeColorRGB(*RULE_GREY)
        c.setLineWidth(0.4)
        c.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        c.line(0, 0, 0, self.height)  # a left rule marks the block on any copier
        size = self.theme.code_size
        y = self.height - (PAD if self.top else 0) - size
        for line in self._lines:
            if line.continued:
                c.setFillColorRGB(*RULE_GREY)
                c.setFont(self.fonts[0], size)
                c.drawString(PAD, y, CONTINUATION)
            x = PAD + self.gutter
            for piece in line.pieces:
                font = self.fonts[1] if piece.bold else self.fonts[0]
                c.setFont(font, size)
                c.setFillColorRGB(*piece.color)
                c.drawString(x, y, piece.text)
                x += sum(_char_width(ch, font, size) for ch in piece.text)
            y -= self.theme.code_leading
        c.restoreState()
