"""Pygments' tokens kept between runs: the same tokens as lexing, or lexing again."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pygments.lexer import Lexer

from exampdf.layout.blocks import lexcache
from exampdf.layout.blocks.codeblock import _lexer
from exampdf.model import Bank
from exampdf.parse import parse_bank

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


CODE_Q = (
    "# c\n\n## 問題\n次は？\n\n```python\nx = 1\n```\n\n"
    "## 選択肢\nA. 一\nB. 二\n\n## 正解\nA\n\n"
    "## 解説\n- 項目\n\n  ```SQL\n  SELECT\t1;\n  ```\n\n```\nplain\n```\n"
)


def _bank(tmp_path: Path) -> Bank:
    (tmp_path / "q.md").write_text(CODE_Q, encoding="utf-8")
    return parse_bank([tmp_path / "q.md"]).bank


def test_a_banks_code_is_lexed_ahead_and_read_back_without_lexing(
    cache: Path, tmp_path: Path
) -> None:
    bank = _bank(tmp_path)
    assert list(lexcache._code_blocks(bank)) == [
        ("x = 1\n", "python"),
        ("SELECT\t1;\n", "SQL"),  # in a list item of the explanation
        ("plain\n", ""),
    ]
    lexcache.lex_ahead(bank, stop=lambda: False)
    assert len(list(cache.glob("*.json"))) == 3
    for code, lang in lexcache._code_blocks(bank):  # as codeblock.tokenize asks
        text, name = lexcache.expand_tabs(code), lang.lower()
        assert lexcache.lexed(text, name, _refusing) == list(_lexer(name).get_tokens(text))


def test_lexing_ahead_stops_when_asked(cache: Path, tmp_path: Path) -> None:
    asked: list[int] = []

    def stop() -> bool:  # False twice, then True
        asked.append(1)
        return len(asked) > 2

    lexcache.lex_ahead(_bank(tmp_path), stop=stop)
    assert len(list(cache.glob("*.json"))) == 2


def test_pygments_lexers_are_imported_only_to_lex_a_block() -> None:
    code = (
        "import sys, exampdf.pipeline, exampdf.cli.make;"
        "before = 'pygments.lexers' in sys.modules;"
        "from exampdf.layout.blocks.lexcache import source_lexer;"
        "name = type(source_lexer('python')).__name__;"
        "sys.stdout.write(f'{before} {name}')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "False PythonLexer"
