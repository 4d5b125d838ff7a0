"""Hyphen points: pyphen's en_US patterns read lazily give pyphen's own positions."""

from __future__ import annotations

import marshal
from pathlib import Path

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
    _same_as_pyphen(*hyphenate._patterns())


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("EXAMPDF_NO_CACHE", raising=False)
    return tmp_path / "exampdf"


def test_the_table_kept_between_runs_is_read_back_the_same(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read = hyphenate._patterns.__wrapped__  # type: ignore[attr-defined]
    first = read()  # reads pyphen's file and keeps the table
    assert len(list(cache.glob("hyph-*.marshal"))) == 1
    monkeypatch.setattr(hyphenate, "_PATTERN", None)  # the file is not parsed again
    assert read() == first
    _same_as_pyphen(*read())


@pytest.mark.parametrize(
    "content", [b"junk", marshal.dumps(("other key", {"ab": "a1b"})), marshal.dumps(None)]
)
def test_a_bad_kept_table_means_reading_the_file(cache: Path, content: bytes) -> None:
    read = hyphenate._patterns.__wrapped__  # type: ignore[attr-defined]
    read()
    (file,) = cache.glob("hyph-*.marshal")
    file.write_bytes(content)
    _same_as_pyphen(*read())
    key, table = marshal.loads(file.read_bytes())  # written again, whole
    table["ab"] = 1
    file.write_bytes(marshal.dumps((key, table)))  # the right key, a value not a string
    _same_as_pyphen(*read())


def _same_as_pyphen(table: dict[str, str], longest: int) -> None:
    ours = {letters: hyphenate._digits(p) for letters, p in table.items()}
    theirs = pyphen.HyphDict(pyphen.LANGUAGES["en_US"]).patterns
    assert ours.keys() == theirs.keys()
    for letters, (start, values) in theirs.items():
        assert ours[letters] == tuple((start + i, v) for i, v in enumerate(values) if v)
    assert longest == max(map(len, theirs))
