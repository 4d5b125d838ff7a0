"""What every page carries: running title, version code, page n / N, continuation notes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from exampdf.layout.page.pages import PageInfo
from exampdf.layout.page.paper import PageGeometry
from exampdf.layout.theme import RULE_GREY, Theme
from exampdf.pdf.ops import font_state, replayed
from exampdf.pdf.state import paint_state

CONTINUES = "（次のページに続く）"
BLANK = "（白紙）"


@dataclass(frozen=True)
class Decor:
    """The page furniture drawn on every page: running title, version code, page n / N."""

    geometry: PageGeometry
    theme: Theme
    title: str
    label: str  # "" on exam sheets (the version code is shown); e.g. 解答・解説 on the key

    def __call__(self, c: Canvas, page: PageInfo) -> None:
        if page.cover:
            return  # the cover carries its own title and version code
        c.saveState()
        _part(c, (id(self), "head", page.blank), lambda: self._head(c, page))
        if page.section:
            _part(c, (id(self), "box", page.section), lambda: self._version_box(c, page.section))
        key = (id(self), "foot", page.index, page.count, page.last, page.blank)
        _part(c, key, lambda: self._foot(c, page))
        c.restoreState()

    def _head(self, c: Canvas, page: PageInfo) -> None:
        g = self.geometry
        if not page.blank:
            self._column_rules(c)
        c.setFont(self.theme.fonts.bold, 9)
        _text(c, "drawString", g.left, self._top, f"{self.title}　{self.label}".strip())

    def _foot(self, c: Canvas, page: PageInfo) -> None:
        g, f, top = self.geometry, self.theme.fonts, self._top
        c.setStrokeColorRGB(*RULE_GREY)
        c.setLineWidth(0.5)
        c.line(g.left, top - 2.5 * mm, g.width - g.right, top - 2.5 * mm)
        c.setFont(f.body, 9)
        number = f"{page.index} / {page.count}"
        _text(c, "drawCentredString", g.width / 2, g.bottom - 10 * mm, number)
        if not page.last and not page.blank:
            _text(c, "drawRightString", g.width - g.right, g.bottom - 4 * mm, CONTINUES)
        if page.blank:
            c.setFont(f.body, 12)
            _text(c, "drawCentredString", g.width / 2, g.height / 2, BLANK)

    @property
    def _top(self) -> float:
        g = self.geometry
        top: float = g.height - g.top + 6 * mm
        return top

    def _column_rules(self, c: Canvas) -> None:
        g = self.geometry
        c.setStrokeColorRGB(*RULE_GREY)
        c.setLineWidth(0.5)
        for x in g.rule_xs():
            c.line(x, g.bottom, x, g.bottom + g.frame_height)

    def _version_box(self, c: Canvas, code: str) -> None:
        right, baseline = self.geometry.width - self.geometry.right, self._top
        text = f"{code} 版"
        width = c.stringWidth(text, self.theme.fonts.bold, 10) + 4 * mm
        c.setLineWidth(0.8)
        c.rect(right - width, baseline - 1.6 * mm, width, 5.6 * mm)
        c.setFont(self.theme.fonts.bold, 10)
        _text(c, "drawCentredString", right - width / 2, baseline, text)


def _part(c: Canvas, key: tuple[Any, ...], draw: Callable[[], None]) -> None:
    """Run `draw` once per document for `key` and copy its operators on every later page.

    Each part sets the font, colour and line width it uses, so its operators do not depend
    on what was drawn before it; what it changes in the canvas's state is undone by the
    restoreState that ends the decoration, so skipping the calls on a copy changes nothing."""
    replayed(c, paint_state(c).decor_parts, key, draw)


def _text(c: Canvas, how: str, x: float, y: float, text: str) -> None:
    """c.drawString (or drawCentredString, drawRightString) at x, y in the current font.

    Every page of a long exam repeats the same few strings (title, 「n / N」, 続く) in the same
    places; once a string is drawn, its glyphs have their codes in this document and drawing
    it again writes the same operators, so they are copied instead of set again."""
    key = (how, x, y, text, *font_state(c))
    replayed(c, paint_state(c).decor, key, lambda: getattr(c, how)(x, y, text))
