"""Model blocks and inlines back to Markdown text (for GIFT's [markdown] format; pure)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from exampdf.model import (
    Block,
    CodeBlock,
    CodeSpan,
    Emph,
    HardBreak,
    Heading,
    Image,
    Inline,
    Link,
    ListBlock,
    MathBlock,
    MathInline,
    Paragraph,
    Quote,
    Ruby,
    Rule,
    SoftBreak,
    Strong,
    Table,
    Text,
    walk,
)

# What Markdown (Moodle's Markdown Extra) reads as a backslash escape or as emphasis: escaped
# inside a formula, so `\\(a_1 * b_1\\)` reaches MathJax as written.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<])")


def _math_md(latex: str, display: bool) -> str:
    opening, closing = ("\\\\[", "\\\\]") if display else ("\\\\(", "\\\\)")
    return opening + _MD_SPECIAL.sub(r"\\\1", latex) + closing


def inline_md(nodes: Iterable[Inline]) -> str:
    return "".join(walk.fold_inlines(tuple(nodes), _MD))


def blocks_md(blocks: Iterable[Block]) -> str:
    return "\n\n".join(walk.fold_blocks(tuple(blocks), _MD))


class _Markdown(walk.Fold[str]):
    """Each node as Markdown text, its content already made."""

    def text(self, node: Text) -> str:
        return node.text

    def strong(self, node: Strong, children: list[str]) -> str:
        return f"**{''.join(children)}**"

    def emph(self, node: Emph, children: list[str]) -> str:
        return f"*{''.join(children)}*"

    def code_span(self, node: CodeSpan) -> str:
        fence = "``" if "`" in node.text else "`"
        return f"{fence}{node.text}{fence}"

    def link(self, node: Link, children: list[str]) -> str:
        return f"[{''.join(children)}]({node.href})"

    def image(self, node: Image) -> str:
        return f"![{node.alt}]({node.src})"

    def soft_break(self, node: SoftBreak) -> str:
        return "\n"

    def hard_break(self, node: HardBreak) -> str:
        return "  \n"

    def ruby(self, node: Ruby) -> str:
        return node.base  # GIFT's Markdown has no ruby: the base text

    def math_inline(self, node: MathInline) -> str:
        return _math_md(node.latex, node.display)

    def paragraph(self, node: Paragraph, inlines: list[str]) -> str:
        return "".join(inlines)

    def heading(self, node: Heading, inlines: list[str]) -> str:
        return f"{'#' * node.level} {''.join(inlines)}"

    def code_block(self, node: CodeBlock) -> str:
        return f"```{node.lang}\n{node.code.rstrip()}\n```"

    def list_block(self, node: ListBlock, items: list[list[str]]) -> str:
        out = []
        for n, item in enumerate(items):
            mark = f"{node.start + n}. " if node.ordered else "- "
            out.append(mark + "\n\n".join(item).replace("\n", "\n" + " " * len(mark)))
        return "\n".join(out)

    def table(self, node: Table, cells: list[list[list[str]]]) -> str:
        lines = ["| " + " | ".join("".join(c) for c in row) + " |" for row in cells]
        lines.insert(1, "|" + " --- |" * len(node.header))
        return "\n".join(lines)

    def quote(self, node: Quote, blocks: list[str]) -> str:
        return "\n".join(f"> {line}" for line in "\n\n".join(blocks).split("\n"))

    def rule(self, node: Rule) -> str:
        return "---"

    def math_block(self, node: MathBlock) -> str:
        return _math_md(node.latex, True)


_MD = _Markdown()
