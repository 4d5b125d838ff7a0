"""Units found a run of plain characters at a time are UNIT's matches, one per unit."""

from __future__ import annotations

import random
import re

from exampdf.layout.text import jlreq as J
from exampdf.layout.text.unitre import UNIT, raw_units

# Every class the regex treats apart, and characters of none (kana, kanji, symbols).
ALPHABET = (
    J.CL01_OPENING
    + J.CL02_CLOSING
    + J.CL03_HYPHENS
    + J.CL04_DIVIDING
    + J.CL05_MIDDLE_DOTS
    + J.CL06_FULL_STOPS
    + J.CL07_COMMAS
    + J.CL08_INSEPARABLE
    + J.CL09_ITERATION
    + J.CL10_PROLONGED
    + J.CL11_SMALL_KANA
    + J.PREFIXES
    + J.POSTFIXES
    + J.COMBINING
    + "あいう漢字人円年カナｶﾅabcXYZ0123456789０１２ＡＢａｂ \t\n　\ufffc/.-_?&=#%éΩЖ→"
)


UNIT_RE = re.compile(UNIT)


def _one_by_one(text: str) -> list[tuple[int, int, int]]:
    return [(*m.span(1), m.end()) for m in UNIT_RE.finditer(text)]


def test_units_are_the_regex_matches_on_random_text() -> None:
    rnd = random.Random(11)
    for _ in range(30_000):
        text = "".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(0, 14)))
        assert raw_units(text) == _one_by_one(text), repr(text)


def test_a_japanese_sentence_is_a_unit_per_character_but_its_joins() -> None:
    text = "「機械学習」では、3人が100円で（GPU）を使う。"
    assert raw_units(text) == _one_by_one(text)
    starts = [a for a, _, _ in raw_units(text)]
    assert text[starts[0] : starts[1]] == "「機"  # the bracket stays with what it opens
    assert "3人" in [text[a:c] for a, c, _ in raw_units(text)]  # a counter with its number
