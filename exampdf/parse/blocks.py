"""Block syntax-tree nodes → model Block nodes, through a dispatch table by node type."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Literal

from exampdf.model import (
    Block,
    Cell,
    CodeBlock,
    Heading,
    Inline,
    ListBlock,
    MathBlock,
    Paragraph,
    Quote,
    Rule,
    Table,
    Text,
    plain_text,
)
from exampdf.parse.inlines import inlines_of

if TYPE_CHECKING:  # markdown-it is imported only when a file is parsed (not on cache hits)
    from markdown_it.tree import SyntaxTreeNode

_COMMENT = re.compile(r"\s*<!--.*?-->\s*", re.S)
BlockRule = Callable[["SyntaxTreeNode"], list[Block]]
Align = Literal["left", "center", "right"]


def line_of(node: SyntaxTreeNode) -> int:
    """1-based source line of a block node (0 when markdown-it gave none)."""
    mapping = node.map
    return mapping[0] + 1 if mapping else 0


def is_comment(node: SyntaxTreeNode) -> bool:
    """A paragraph that is only an HTML comment (`<!-- メモ -->`): a note, not content."""
    return node.type == "paragraph" and _may_be_comment(node) and _only_comment(inlines_of(node))


def _may_be_comment(node: SyntaxTreeNode) -> bool:
    """False when the paragraph's source has no "<" and no "&": its text then cannot hold
    "<!--" (only a literal "<" or an entity such as &lt; prints one), so the inlines need
    not be converted just to look."""
    return any(c.type == "inline" and ("<" in c.content or "&" in c.content) for c in node.children)


def _only_comment(inlines: tuple[Inline, ...]) -> bool:
    return bool(_COMMENT.fullmatch(plain_text(inlines)))


def _paragraph(node: SyntaxTreeNode) -> list[Block]:
    inlines = inlines_of(node)  # converted once: the comment test reads the same inlines
    if _only_comment(inlines):
        return []
    return [Paragraph(inlines, line_of(node))]


def _heading(node: SyntaxTreeNode) -> list[Block]:
    level = int(node.tag[1:]) if node.tag[1:].isdigit() else 3
    return [Heading(level, inlines_of(node), line_of(node))]


def _code(node: SyntaxTreeNode) -> list[Block]:
    # Info string: an optional language, then options; {linenos} (or linenos) numbers the lines.
    words = node.info.split()
    flags = {w.strip("{}.").lower() for w in words if w.startswith("{") or w == "linenos"}
    lang = words[0] if words and not words[0].startswith("{") and words[0] != "linenos" else ""
    return [CodeBlock(node.content, lang, line_of(node), "linenos" in flags)]


def _list(node: SyntaxTreeNode) -> list[Block]:
    ordered = node.type == "ordered_list"
    start = node.attrs.get("start", 1)
    items = tuple(convert_blocks(item.children) for item in node.children)
    return [ListBlock(ordered, int(start) if ordered else 1, items, line_of(node))]


def _align(cell: SyntaxTreeNode) -> Align:
    style = str(cell.attrs.get("style", ""))
    if style.endswith("center"):
        return "center"
    return "right" if style.endswith("right") else "left"


def _rows(section: SyntaxTreeNode) -> list[tuple[Cell, ...]]:
    return [tuple(inlines_of(cell) for cell in row.children) for row in section.children]


def _table(node: SyntaxTreeNode) -> list[Block]:
    header: tuple[Cell, ...] = ()
    rows: list[tuple[Cell, ...]] = []
    aligns: tuple[Align, ...] = ()
    for section in node.children:
        if section.type == "thead":
            header = _rows(section)[0] if section.children else ()
            aligns = tuple(_align(c) for c in section.children[0].children)
        else:
            rows.extend(_rows(section))
    return [Table(header, tuple(rows), aligns, line_of(node))]


def _quote(node: SyntaxTreeNode) -> list[Block]:
    return [Quote(convert_blocks(node.children), line_of(node))]


def _rule(node: SyntaxTreeNode) -> list[Block]:
    return [Rule(line_of(node))]


def _math(node: SyntaxTreeNode) -> list[Block]:
    """`$$…$$` on its own lines (a `(label)` after the closing `$$` is dropped)."""
    first = line_of(node) + (1 if node.content.startswith("\n") else 0)  # the formula's line
    return [MathBlock(node.content.strip(), first)]


def _fallback(node: SyntaxTreeNode) -> list[Block]:
    """Unknown block: its children if any, else its literal text as a paragraph."""
    if node.children:
        return list(convert_blocks(node.children))
    text = node.content.strip()
    return [Paragraph((Text(text),), line_of(node))] if text else []


BLOCK_RULES: dict[str, BlockRule] = {
    "paragraph": _paragraph,
    "heading": _heading,
    "fence": _code,
    "code_block": _code,
    "bullet_list": _list,
    "ordered_list": _list,
    "table": _table,
    "blockquote": _quote,
    "hr": _rule,
    "math_block": _math,
    "math_block_label": _math,
}


def convert_block(node: SyntaxTreeNode) -> list[Block]:
    return BLOCK_RULES.get(node.type, _fallback)(node)


def convert_blocks(nodes: Sequence[SyntaxTreeNode]) -> tuple[Block, ...]:
    out: list[Block] = []
    for node in nodes:
        out.extend(convert_block(node))
    return tuple(out)
