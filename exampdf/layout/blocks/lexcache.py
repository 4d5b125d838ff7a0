"""Pygments' tokens for a code block, kept between runs in the user's cache folder.

Highlighting is a fifth of an answer key's layout (Pygments tries its rules at every
position), and a bank's code blocks come back unchanged build after build. An entry is keyed
by the SHA-256 of Pygments' version, the language and the code, and holds that key, so a
file that does not match is ignored; tokens are stored as JSON (names and texts), never as
pickles. Any failure, or EXAMPDF_NO_CACHE=1, means lexing as usual.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from unicodedata import east_asian_width

import pygments
from pygments.token import Token as Root
from pygments.token import _TokenType

from exampdf import memo
from exampdf.cache import cache_dir, write_atomic
from exampdf.model import Bank
from exampdf.model.nodes import CodeBlock
from exampdf.model.walk import iter_blocks

if TYPE_CHECKING:  # Pygments' lexers (~3 ms to import) only when a block is not cached
    from pygments.lexer import Lexer

FORMAT = 1
TAB = 4
ENTRIES_MAX = 4096  # beyond this many blocks the older half is dropped
Token = tuple[_TokenType, str]


def lexed(code: str, lang: str, lexer: Callable[[str], Lexer]) -> list[Token]:
    """`lexer(lang).get_tokens(code)`, from the cache when it holds this block."""
    folder = cache_dir()
    if folder is None:
        return list(lexer(lang).get_tokens(code))
    file, key = _entry(folder, code, lang)
    tokens = _read(file, key)
    if tokens is None:
        tokens = list(lexer(lang).get_tokens(code))
        _write(file, key, tokens)
    return tokens


def lex_ahead(bank: Bank, stop: Callable[[], bool]) -> None:
    """Store the tokens of the bank's code blocks the cache lacks, in the bank's order, until
    `stop()`. `make` does it beside the workers (the bank's process, or the CLI while it waits
    for the first exam slice): on a first run the answer key's worker (the longest job) then
    finds them instead of lexing them; on later runs every block is there already (a hash and
    a stat each)."""
    folder = cache_dir()
    if folder is None:
        return
    for code, lang in _code_blocks(bank):
        if stop():
            return
        text, name = expand_tabs(code), lang.lower()  # as codeblock.tokenize asks
        file, key = _entry(folder, text, name)
        if not file.exists():
            _write(file, key, list(source_lexer(name).get_tokens(text)))


def _code_blocks(bank: Bank) -> Iterator[tuple[str, str]]:
    """Every code block's text and language (stems, explanations, model answers), in order."""
    for q in bank.questions:
        for part in (q.stem, q.explanation, q.model_answer):
            for block, _ in iter_blocks(part):
                if isinstance(block, CodeBlock):
                    yield block.code, block.lang


def _entry(folder: Path, code: str, lang: str) -> tuple[Path, str]:
    key = hashlib.sha256(f"{FORMAT}\0{pygments.__version__}\0{lang}\0{code}".encode()).hexdigest()
    return folder / "lex" / f"{key[:32]}.json", key


@memo.cached(maxsize=256)
def source_lexer(lang: str) -> Lexer:
    """Pygments' lexer for a code block's language; plain text for none or an unknown one."""
    from pygments.lexers import TextLexer, get_lexer_by_name
    from pygments.util import ClassNotFound

    plain: Lexer = TextLexer(stripnl=False)
    if not lang:
        return plain
    try:
        lexer: Lexer = get_lexer_by_name(lang, stripnl=False, ensurenl=True)
    except ClassNotFound:
        return plain
    return lexer


def expand_tabs(code: str) -> str:
    """Tabs to spaces at every TAB cells, a full-width character counting as two cells."""
    if "\t" not in code:
        return code
    out: list[str] = []
    for line in code.split("\n"):
        col, row = 0, []
        for ch in line:
            if ch == "\t":
                n = TAB - col % TAB
                row.append(" " * n)
                col += n
            else:
                row.append(ch)
                col += 2 if east_asian_width(ch) in "WF" else 1
        out.append("".join(row))
    return "\n".join(out)


def _read(file: Path, key: str) -> list[Token] | None:
    try:
        data = json.loads(file.read_bytes())
        if data["key"] != key:
            return None
        known = _KINDS.get  # a hit without a call of _kind (a block has ~100 tokens)
        return [(known(tuple(kind)) or _kind(kind), text) for kind, text in data["tokens"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None


# A block's every token was a walk down Token's attributes (half of reading an entry);
# a booklet's blocks share a few dozen token types.
_KINDS: memo.Memo[tuple[str, ...], _TokenType] = memo.Memo("layout.blocks.lexcache.kinds", 4096)


def _kind(parts: list[str]) -> _TokenType:
    """Token.Name.Builtin from ["Name", "Builtin"] (a token type is the tuple of its parts)."""
    key = tuple(parts)
    kind = _KINDS.get(key)
    if kind is None:
        kind = Root
        for part in parts:
            if not part[:1].isupper():
                raise ValueError(part)  # token types are capitalised; anything else is not ours
            kind = getattr(kind, part)
        _KINDS.put(key, kind)
    return kind


def _write(file: Path, key: str, tokens: list[Token]) -> None:
    data = {"key": key, "tokens": [[list(kind), text] for kind, text in tokens]}
    try:
        write_atomic(file, json.dumps(data, ensure_ascii=False).encode())
        _prune(file.parent)
    except OSError:
        pass


def _prune(folder: Path) -> None:
    names = os.listdir(folder)
    if len(names) <= ENTRIES_MAX:
        return
    entries = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime)
    for old in entries[: len(entries) // 2]:
        old.unlink(missing_ok=True)
