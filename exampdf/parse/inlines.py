"""Inline syntax-tree nodes → model Inline nodes, through a dispatch table by node type."""

from __future__ import annotations

from collections.abc import Callable

from markdown_it.tree import SyntaxTreeNode

from exampdf.model import (
    CodeSpan,
    Emph,
    HardBreak,
    Image,
    Inline,
    Link,
    SoftBreak,
    Strong,
    Text,
    plain_text,
)

InlineRule = Callable[[SyntaxTreeNode], list[Inline]]


def _text(node: SyntaxTreeNode) -> list[Inline]:
    return [Text(node.content)] if node.content else []


def _strong(node: SyntaxTreeNode) -> list[Inline]:
    return [Strong(convert_children(node))]


def _em(node: SyntaxTreeNode) -> list[Inline]:
    return [Emph(convert_children(node))]


def _code(node: SyntaxTreeNode) -> list[Inline]:
    return [CodeSpan(node.content)]


def _link(node: SyntaxTreeNode) -> list[Inline]:
    return [Link(convert_children(node), str(node.attrs.get("href", "")))]


def _image(node: SyntaxTreeNode) -> list[Inline]:
    alt = plain_text(convert_children(node))
    return [Image(str(node.attrs.get("src", "")), alt)]


def _softbreak(node: SyntaxTreeNode) -> list[Inline]:
    return [SoftBreak()]


def _hardbreak(node: SyntaxTreeNode) -> list[Inline]:
    return [HardBreak()]


def _fallback(node: SyntaxTreeNode) -> list[Inline]:
    """Unknown inline: keep its children, else its literal content."""
    if node.children:
        return list(convert_children(node))
    return _text(node)


INLINE_RULES: dict[str, InlineRule] = {
    "text": _text,
    "text_special": _text,
    "html_inline": _text,
    "strong": _strong,
    "em": _em,
    "code_inline": _code,
    "link": _link,
    "image": _image,
    "softbreak": _softbreak,
    "hardbreak": _hardbreak,
}


def merge_text(nodes: list[Inline]) -> tuple[Inline, ...]:
    """Join adjacent Text nodes and drop empty ones."""
    out: list[Inline] = []
    for node in nodes:
        if isinstance(node, Text):
            if not node.text:
                continue
            if out and isinstance(out[-1], Text):
                out[-1] = Text(out[-1].text + node.text)
                continue
        out.append(node)
    return tuple(out)


def convert_children(node: SyntaxTreeNode) -> tuple[Inline, ...]:
    """The model inlines for the children of `node`."""
    out: list[Inline] = []
    for child in node.children:
        out.extend(INLINE_RULES.get(child.type, _fallback)(child))
    return merge_text(out)


def inlines_of(block: SyntaxTreeNode) -> tuple[Inline, ...]:
    """The inlines of a block holding one `inline` child (paragraph, heading, table cell)."""
    for child in block.children:
        if child.type == "inline":
            return convert_children(child)
    return ()
