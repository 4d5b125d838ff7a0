"""Model blocks and inlines back to Markdown text (for GIFT's [markdown] format; pure)."""

from __future__ import annotations

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
    Paragraph,
    Quote,
    Rule,
    SoftBreak,
    Strong,
    Table,
    Text,
    plain_text,
)


def inline_md(nodes: Iterable[Inline]) -> str:
    out: list[str] = []
    for node in nodes:
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, Strong):
            out.append(f"**{inline_md(node.children)}**")
        elif isinstance(node, Emph):
            out.append(f"*{inline_md(node.children)}*")
        elif isinstance(node, CodeSpan):
            fence = "``" if "`" in node.text else "`"
            out.append(f"{fence}{node.text}{fence}")
        elif isinstance(node, Link):
            out.append(f"[{inline_md(node.children)}]({node.href})")
        elif isinstance(node, Image):
            out.append(f"![{node.alt}]({node.src})")
        elif isinstance(node, SoftBreak):
            out.append("\n")
        elif isinstance(node, HardBreak):
            out.append("  \n")
        else:  # later model nodes (ruby, …) keep their text
            out.append(plain_text((node,)))
    return "".join(out)


def blocks_md(blocks: Iterable[Block]) -> str:
    return "\n\n".join(_block(b) for b in blocks)


def _block(block: Block) -> str:
    if isinstance(block, Paragraph):
        return inline_md(block.inlines)
    if isinstance(block, Heading):
        return f"{'#' * block.level} {inline_md(block.inlines)}"
    if isinstance(block, CodeBlock):
        return f"```{block.lang}\n{block.code.rstrip()}\n```"
    if isinstance(block, ListBlock):
        return "\n".join(_item(block, n, item) for n, item in enumerate(block.items))
    if isinstance(block, Table):
        rows = [block.header, *block.rows]
        lines = ["| " + " | ".join(inline_md(c) for c in row) + " |" for row in rows]
        lines.insert(1, "|" + " --- |" * len(block.header))
        return "\n".join(lines)
    if isinstance(block, Quote):
        return "\n".join(f"> {line}" for line in blocks_md(block.blocks).split("\n"))
    if isinstance(block, Rule):
        return "---"
    return ""


def _item(block: ListBlock, n: int, item: tuple[Block, ...]) -> str:
    mark = f"{block.start + n}. " if block.ordered else "- "
    body = blocks_md(item).replace("\n", "\n" + " " * len(mark))
    return mark + body
