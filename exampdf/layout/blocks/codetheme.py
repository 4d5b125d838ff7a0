"""A print theme for code: weight and grey levels that survive a black-and-white copier."""

from __future__ import annotations

from dataclasses import dataclass

from pygments.token import (
    Comment,
    Keyword,
    Name,
    Number,
    Operator,
    String,
    _TokenType,
    is_token_subtype,
)

from exampdf import memo
from exampdf.layout.text.textrun import RGB


@dataclass(unsafe_hash=True)
class TokenLook:
    """How a kind of code token is printed."""

    color: RGB
    bold: bool = False


_PLAIN = TokenLook((0.0, 0.0, 0.0))

# Most specific first: the first entry a token type belongs to wins.
PRINT_THEME: tuple[tuple[_TokenType, TokenLook], ...] = (
    (Comment, TokenLook((0.38, 0.38, 0.38))),
    (String.Doc, TokenLook((0.38, 0.38, 0.38))),
    (String, TokenLook((0.22, 0.22, 0.22))),
    (Keyword, TokenLook((0.0, 0.0, 0.0), bold=True)),
    (Name.Builtin, TokenLook((0.0, 0.0, 0.0), bold=True)),
    (Name.Function, TokenLook((0.0, 0.0, 0.0), bold=True)),
    (Name.Class, TokenLook((0.0, 0.0, 0.0), bold=True)),
    (Name.Decorator, TokenLook((0.25, 0.25, 0.25), bold=True)),
    (Number, TokenLook((0.0, 0.0, 0.0))),
    (Operator.Word, TokenLook((0.0, 0.0, 0.0), bold=True)),
)


@memo.cached(maxsize=4096)
def look(token: _TokenType) -> TokenLook:
    """The first theme entry `token` belongs to (cached: a block has thousands of tokens)."""
    for kind, style in PRINT_THEME:
        if is_token_subtype(token, kind):
            return style
    return _PLAIN
