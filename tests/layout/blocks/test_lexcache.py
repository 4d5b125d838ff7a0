"""Pygments' tokens kept between runs: the same tokens as lexing, or lexing again."""

from __future__ import annotations

from pathlib import Path

import pytest
from pygments.lexer import Lexer

from exampdf.layout.blocks import lexcache
from exampdf.layout.blocks.codeblock import _lexer

CODE = {
    "python": 'def f(x):\n    # 日本語のコメント\n    return print(f"{x!r}", 0x1F)\n',
    "sql": "SELECT 氏名 FROM 生徒 WHERE 点数 >= 80 ORDER BY 点数 DESC;\n",
    "": "plain text\twith a tab\n",
    "no-such-language": "x = 1\n",
}


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("EXAMPDF_NO_CACHE", raising=False)
    return tmp_path / "exampdf" / "lex"


def _refusing(lang: str) -> Lexer:
    raise AssertionError("lexed again although the cache holds the block")


@pytest.mark.parametrize("lang", list(CODE))
def test_cached_tokens_are_pygments_tokens(cache: Path, lang: str) -> None:
    fresh = list(_lexer(lang).get_tokens(CODE[lang]))
    assert lexcache.lexed(CODE[lang], lang, _lexer) == fresh  # stored on the way
    again = lexcache.lexed(CODE[lang], lang, _refusing)
    assert again == fresh
    assert [type(kind) for kind, _ in again] == [type(kind) for kind, _ in fresh]
    assert all(a is b for (a, _), (b, _) in zip(again, fresh, strict=True))  # the same types


def test_a_damaged_or_foreign_entry_is_lexed_again(cache: Path) -> None:
    code = CODE["python"]
    lexcache.lexed(code, "python", _lexer)
    (entry,) = cache.iterdir()
    for bad in (b"{not json", b'{"key": "other", "tokens": []}', b'{"key": 1}'):
        entry.write_bytes(bad)
        assert lexcache.lexed(code, "python", _lexer) == list(_lexer("python").get_tokens(code))
    data = entry.read_text(encoding="utf-8").replace('["Name"', '["name"')
    entry.write_text(data, encoding="utf-8")  # not a token type: never made up
    assert lexcache.lexed(code, "python", _lexer) == list(_lexer("python").get_tokens(code))


def test_turned_off_nothing_is_written(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXAMPDF_NO_CACHE", "1")
    lexcache.lexed(CODE["sql"], "sql", _lexer)
    assert not cache.exists()


def test_the_folder_is_kept_small(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lexcache, "ENTRIES_MAX", 4)
    for n in range(6):
        lexcache.lexed(f"x = {n}\n", "python", _lexer)
    assert 2 <= len(list(cache.iterdir())) <= 4
