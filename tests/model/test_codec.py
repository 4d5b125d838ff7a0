"""The model codec: nested nodes come back equal; a wrong value anywhere is refused."""

from __future__ import annotations

import pytest

from exampdf.model import (
    Block,
    Emph,
    ListBlock,
    Paragraph,
    Question,
    Quote,
    SoftBreak,
    Strong,
    Table,
    Text,
)
from exampdf.model.codec import decode, encode

_STRONG = ["Strong", [["Emph", [["Text", "b"], ["SoftBreak"]]]]]  # a node: its name, its fields


def _blocks() -> tuple[Block, ...]:
    inner = (Text("a"), Strong((Emph((Text("b"), SoftBreak())),)))
    table = Table(((Text("h"),),), (((Text("c"),),),), ("center",), 3)
    return (ListBlock(True, 2, ((Paragraph(inner, 1), Quote((table,), 2)),), 1),)


def test_nested_nodes_round_trip() -> None:
    blocks = _blocks()
    assert encode(blocks[0].items[0][0]) == ["Paragraph", [["Text", "a"], _STRONG], 1]
    assert decode(encode(blocks), tuple[Block, ...]) == blocks
    q = Question("q1", "q.md", "t", blocks, (), (), blocks, tags=("x",))
    assert decode(encode(q), Question | None) == q
    assert decode(None, Question | None) is None


@pytest.mark.parametrize(
    "bad",
    [
        ["ListBlock", True, 2, [[["Paragraph", [["Text", 5]], 1]]], 1],  # a number as text
        ["ListBlock", True, 2, [[["Paragraph", [["Nope", "x"]], 1]]], 1],  # no such node
        ["ListBlock", True, 2, [[["Paragraph", [["Text", "x"]]]]], 1],  # a field missing
        ["ListBlock", True, 2, [[["Table", [], [], ["middle"], 1]]], 1],  # not an alignment
        ["ListBlock", "yes", 2, [], 1],  # a string as a flag
        ["ListBlock", True, 2, "items", 1],  # not a list
    ],
)
def test_a_wrong_value_anywhere_is_refused(bad: object) -> None:
    with pytest.raises(ValueError):
        decode([bad], tuple[Block, ...])
