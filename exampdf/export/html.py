"""Model blocks and inlines to the small HTML subset Moodle's editor shows (escaped, pure)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape

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

# src of an image as written -> the URL to print (Moodle: @@PLUGINFILE@@/name)
ImageUrl = Callable[[Image], str]


def inline_html(nodes: Iterable[Inline], image_url: ImageUrl) -> str:
    out: list[str] = []
    for node in nodes:
        if isinstance(node, Text):
            out.append(escape(node.text, quote=False))
        elif isinstance(node, Strong):
            out.append(f"<strong>{inline_html(node.children, image_url)}</strong>")
        elif isinstance(node, Emph):
            out.append(f"<em>{inline_html(node.children, image_url)}</em>")
        elif isinstance(node, CodeSpan):
            out.append(f"<code>{escape(node.text, quote=False)}</code>")
        elif isinstance(node, Link):
            href = escape(node.href)
            out.append(f'<a href="{href}">{inline_html(node.children, image_url)}</a>')
        elif isinstance(node, Image):
            out.append(f'<img src="{escape(image_url(node))}" alt="{escape(node.alt)}">')
        elif isinstance(node, SoftBreak):
            out.append("\n")
        elif isinstance(node, HardBreak):
            out.append("<br>")
        else:  # nodes added to the model later (ruby, …) still show their text
            out.append(escape(plain_text((node,)), quote=False))
    return "".join(out)


def blocks_html(blocks: Iterable[Block], image_url: ImageUrl) -> str:
    return "\n".join(_block(b, image_url) for b in blocks)


def _block(block: Block, image_url: ImageUrl) -> str:
    if isinstance(block, Paragraph):
        return f"<p>{inline_html(block.inlines, image_url)}</p>"
    if isinstance(block, Heading):
        level = min(6, block.level + 2)  # below Moodle's own page headings
        return f"<h{level}>{inline_html(block.inlines, image_url)}</h{level}>"
    if isinstance(block, CodeBlock):
        return f"<pre><code>{escape(block.code.rstrip(), quote=False)}</code></pre>"
    if isinstance(block, ListBlock):
        tag = "ol" if block.ordered else "ul"
        items = "".join(f"<li>{blocks_html(item, image_url)}</li>" for item in block.items)
        return f"<{tag}>{items}</{tag}>"
    if isinstance(block, Table):
        head = "".join(f"<th>{inline_html(c, image_url)}</th>" for c in block.header)
        rows = "".join(
            "<tr>" + "".join(f"<td>{inline_html(c, image_url)}</td>" for c in row) + "</tr>"
            for row in block.rows
        )
        return f"<table><tr>{head}</tr>{rows}</table>"
    if isinstance(block, Quote):
        return f"<blockquote>{blocks_html(block.blocks, image_url)}</blockquote>"
    if isinstance(block, Rule):
        return "<hr>"
    return ""
