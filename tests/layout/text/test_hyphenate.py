"""Hyphen points: pyphen's en_US patterns read lazily give pyphen's own positions."""

from __future__ import annotations

import pyphen
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exampdf.layout.text import hyphenate
from exampdf.layout.text.hyphenate import word_points

PYPHEN = pyphen.Pyphen(lang="en_US", left=2, right=3)
WORDS = [
    "hyphenation",
    "Infrastructure",
    "documentation",
    "transformer",
    "normalization",
    "regularization",
    "precision",
    "associate",
    "deadlock",
    "encyclopaedia",
    "supercalifragilisticexpialidocious",
    "Self",
    "a",
    "",
]


@pytest.mark.parametrize("word", WORDS)
def test_points_are_pyphens(word: str) -> None:
    assert word_points(word) == tuple(PYPHEN.positions(word))


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABC", max_size=24))
def test_points_are_pyphens_for_any_letters(word: str) -> None:
    assert word_points(word) == tuple(PYPHEN.positions(word))


def test_the_table_holds_pyphens_patterns_from_its_own_file() -> None:
    table, longest = hyphenate._patterns()
    ours = {letters: hyphenate._digits(p) for letters, p in table.items()}
    theirs = pyphen.HyphDict(pyphen.LANGUAGES["en_US"]).patterns
    assert ours.keys() == theirs.keys()
    for letters, (start, values) in theirs.items():
        assert ours[letters] == tuple((start + i, v) for i, v in enumerate(values) if v)
    assert longest == max(map(len, theirs))
