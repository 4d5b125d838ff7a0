"""The print theme for code: the most specific token type decides weight and grey."""

from __future__ import annotations

from pygments.token import Comment, Keyword, Name, Operator, String, Text

from exampdf.layout.blocks.codetheme import TokenLook, look

BLACK = (0.0, 0.0, 0.0)


def test_docstrings_are_grey_like_comments_other_strings_darker() -> None:
    assert look(Comment.Single) == look(String.Doc) == TokenLook((0.38, 0.38, 0.38))
    assert look(String.Double) == TokenLook((0.22, 0.22, 0.22))


def test_keywords_and_definitions_are_bold_black() -> None:
    for token in (Keyword, Keyword.Constant, Name.Builtin, Name.Function, Name.Class):
        assert look(token) == TokenLook(BLACK, bold=True), token
    assert look(Name.Decorator) == TokenLook((0.25, 0.25, 0.25), bold=True)
    assert look(Operator.Word).bold and not look(Operator).bold


def test_everything_else_is_plain_black() -> None:
    for token in (Text, Name, Name.Variable, Operator):
        assert look(token) == TokenLook(BLACK), token
