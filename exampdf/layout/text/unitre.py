"""The Japanese segmenter's unbreakable units (JLREQ), found by one regex over a paragraph."""

from __future__ import annotations

import re

from exampdf.layout.text import jlreq as J

Unit = tuple[int, int, int]  # start, content end, end (after droppable spaces)

W = J.WORD_RANGES
_NS_WORD = J.class_chars("".join(sorted(c for c in J.NOT_AT_LINE_START if J.is_word_char(c))))
_NS_OTHER = J.class_chars("".join(sorted(c for c in J.NOT_AT_LINE_START if not J.is_word_char(c))))
_NE = J.RE_NOT_END
_DIGIT = "0-9０-９"
# A word may not end on an opening bracket: "f(引数" keeps the bracket with what follows.
_WORD = rf"(?:[{W}]+(?:(?<=[{_NE}])[^ \t\n])?)+"
_CORE = (
    rf"{_WORD}(?:(?<=[{_DIGIT}])(?:[\u4e00-\u9fff々ヶ]|[{J.RE_POSTFIX}]))?"
    rf"|[{J.RE_INSEPARABLE}]+|[^\n]"
)
_LEAD = rf"(?:(?:[{_NE}]|[{J.RE_PREFIX}](?=[{_DIGIT}]))[ \t]*)*"
_TRAIL = rf"(?:[ \t]*(?:[{_NS_OTHER}]+|[{_NS_WORD}][{W}]*)|\u200d[^\n])*"
# One unbreakable unit (content, then the spaces a line may drop after it), or a newline.
UNIT = rf"(\n|{_LEAD}(?:{_CORE}){_TRAIL})[ \t]*"
# A character no part of UNIT joins to a neighbour (kana and kanji, mostly): not a word
# character, an opening bracket, a prefix, an inseparable, a non-starter, a space or a
# newline. Of two such in a row the first is a unit by itself, so a run of them but its last
# is found in one match (group 1), not a match per character; anything else is UNIT's.
# (UNIT alone is not compiled: a regex this size takes ~2 ms to compile in every process.)
_PLAIN = rf"[^{W}{_NE}{J.RE_PREFIX}{J.RE_INSEPARABLE}{_NS_WORD}{_NS_OTHER} \t\n]"
_UNITS_RE = re.compile(rf"({_PLAIN}+(?={_PLAIN}))|{UNIT}")


def raw_units(text: str) -> list[Unit]:
    """UNIT's matches in `text` as units (start, content end, end), in order."""
    out: list[Unit] = []
    for m in _UNITS_RE.finditer(text):
        a, b = m.span(1)
        if a >= 0:  # single characters: a to b - 1
            ends = range(a + 1, b + 1)
            out.extend(zip(range(a, b), ends, ends, strict=True))
        else:
            out.append((*m.span(2), m.end()))
    return out
