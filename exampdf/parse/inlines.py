"""Inline syntax-tree nodes → model Inline nodes, through a dispatch table by node type."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from exampdf.model import (
    CodeSpan,
    Emph,
    HardBreak,
    Image,
    Inline,
    Link,
    MathInline,
    Ruby,
    SoftBreak,
    Strong,
    Text,
    plain_text,
)

if TYPE_CHECKING:  # markdown-it is imported only when a file is parsed (not on cache hits)
    from markdown_it.tree import SyntaxTreeNode

InlineRule = Callable[["SyntaxTreeNode"], list[Inline]]

# Ruby {漢字|かんじ}: the base holds a kana or kanji (so set notation {x|x>0} stays text);
# no spaces or braces inside, so `{漢字 | かんじ}` is the way to print the braces literally.
_KANA_KANJI = "\u3041-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヶ"
_RUBY = re.compile(rf"\{{([^{{}}|\s]*[{_KANA_KANJI}][^{{}}|\s]*)\|([^{{}}|\s]+)\}}")


def _text(node: SyntaxTreeNode) -> list[Inline]:
    return split_ruby(node.content)


def split_ruby(text: str) -> list[Inline]:
    """Text with each `{base|ruby}` turned into a Ruby node."""
    out: list[Inline] = []
    pos = 0
    for m in _RUBY.finditer(text):
        if m.start() > pos:
            out.append(Text(text[pos : m.start()]))
        out.append(Ruby(m.group(1), m.group(2)))
        pos = m.end()
    if pos < len(text):
        out.append(Text(text[pos:]))
    return out


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


def _math(node: SyntaxTreeNode) -> list[Inline]:
    return [MathInline(node.content.strip(), display=node.type == "math_inline_double")]


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
    "math_inline": _math,
    "math_inline_double": _math,
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
