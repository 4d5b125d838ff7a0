"""CJK-friendly emphasis: markdown-it delimiter scanning with the CommonMark CJK amendment."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace
from markdown_it.parser_inline import ParserInline
from markdown_it.rules_inline.state_inline import Scanned, StateInline
from markdown_it.token import Token
from markdown_it.utils import EnvType

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


def cjk_wide(ch: str) -> bool:
    """A wide/full-width/half-width character that is not an emoji, or any Hangul."""
    code = ord(ch)
    if 0x1F000 <= code <= 0x1FAFF or 0x2600 <= code <= 0x27BF:
        return False  # emoji and pictographs: wide but not text
    if 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF:
        return True
    return unicodedata.east_asian_width(ch) in ("W", "F", "H")


def is_punct(ch: str) -> bool:
    return isMdAsciiPunct(ord(ch)) or isPunctChar(ch)


def is_non_cjk_punct(ch: str) -> bool:
    return is_punct(ch) and not cjk_wide(ch)


def _is_variation_selector(ch: str) -> bool:
    code = ord(ch)
    return 0xFE00 <= code <= 0xFE0E or 0xE0100 <= code <= 0xE01EF


def _previous_char(src: str, start: int) -> str:
    """The character before a delimiter run, looking through a variation selector."""
    if start <= 0:
        return " "
    prev = src[start - 1]
    if _is_variation_selector(prev) and start > 1:
        return src[start - 2]
    return prev


class CjkStateInline(StateInline):
    """StateInline whose flanking rule relaxes punctuation next to CJK characters."""

    def scanDelims(self, start: int, canSplitWord: bool) -> Scanned:
        marker = self.src[start]
        pos = start
        while pos < self.posMax and self.src[pos] == marker:
            pos += 1
        last = _previous_char(self.src, start)
        nxt = self.src[pos] if pos < self.posMax else " "
        last_white, next_white = isWhiteSpace(ord(last)), isWhiteSpace(ord(nxt))
        left = not next_white and (
            not is_non_cjk_punct(nxt) or last_white or is_non_cjk_punct(last) or cjk_wide(last)
        )
        right = not last_white and (
            not is_non_cjk_punct(last) or next_white or is_non_cjk_punct(nxt) or cjk_wide(nxt)
        )
        can_open = left and (canSplitWord or not right or is_punct(last))
        can_close = right and (canSplitWord or not left or is_punct(nxt))
        return Scanned(can_open, can_close, pos - start)


class CjkParserInline(ParserInline):
    """The inline parser, creating CjkStateInline instead of StateInline."""

    def parse(self, src: str, md: MarkdownIt, env: EnvType, tokens: list[Token]) -> list[Token]:
        state = CjkStateInline(src, md, env, tokens)
        self.tokenize(state)
        for rule in self.ruler2.getRules(""):
            rule(state)
        return state.tokens
