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

# src of an image as written -> the URL to print (Moodle: @@PLUGINFILE@@/name)
ImageUrl = Callable[[Image], str]


def inline_html(nodes: Iterable[Inline], image_url: ImageUrl) -> str:
    return "".join(walk.fold_inlines(tuple(nodes), _Html(image_url)))


def blocks_html(blocks: Iterable[Block], image_url: ImageUrl) -> str:
    return "\n".join(walk.fold_blocks(tuple(blocks), _Html(image_url)))


class _Html(walk.Fold[str]):
    """Each node as HTML, its content already made; every piece of text escaped."""

    def __init__(self, image_url: ImageUrl) -> None:
        self.image_url = image_url

    def text(self, node: Text) -> str:
        return escape(node.text, quote=False)

    def strong(self, node: Strong, children: list[str]) -> str:
        return f"<strong>{''.join(children)}</strong>"

    def emph(self, node: Emph, children: list[str]) -> str:
        return f"<em>{''.join(children)}</em>"

    def code_span(self, node: CodeSpan) -> str:
        return f"<code>{escape(node.text, quote=False)}</code>"

    def link(self, node: Link, children: list[str]) -> str:
        return f'<a href="{escape(node.href)}">{"".join(children)}</a>'

    def image(self, node: Image) -> str:
        return f'<img src="{escape(self.image_url(node))}" alt="{escape(node.alt)}">'

    def soft_break(self, node: SoftBreak) -> str:
        return "\n"

    def hard_break(self, node: HardBreak) -> str:
        return "<br>"

    def ruby(self, node: Ruby) -> str:
        return escape(node.base, quote=False)  # Moodle's editor drops <ruby>: the base text

    def math_inline(self, node: MathInline) -> str:
        # MathJax delimiters, which Moodle's filter typesets; the LaTeX escaped like text.
        if node.display:
            return f"\\[{escape(node.latex, quote=False)}\\]"
        return f"\\({escape(node.latex, quote=False)}\\)"

    def paragraph(self, node: Paragraph, inlines: list[str]) -> str:
        return f"<p>{''.join(inlines)}</p>"

    def heading(self, node: Heading, inlines: list[str]) -> str:
        level = min(6, node.level + 2)  # below Moodle's own page headings
        return f"<h{level}>{''.join(inlines)}</h{level}>"

    def code_block(self, node: CodeBlock) -> str:
        return f"<pre><code>{escape(node.code.rstrip(), quote=False)}</code></pre>"

    def list_block(self, node: ListBlock, items: list[list[str]]) -> str:
        tag = "ol" if node.ordered else "ul"
        body = "".join("<li>" + "\n".join(item) + "</li>" for item in items)
        return f"<{tag}>{body}</{tag}>"

    def table(self, node: Table, cells: list[list[list[str]]]) -> str:
        head, *rows = cells
        out = "<tr>" + "".join(f"<th>{''.join(c)}</th>" for c in head) + "</tr>"
        for row in rows:
            out += "<tr>" + "".join(f"<td>{''.join(c)}</td>" for c in row) + "</tr>"
        return f"<table>{out}</table>"

    def quote(self, node: Quote, blocks: list[str]) -> str:
        return "<blockquote>" + "\n".join(blocks) + "</blockquote>"

    def rule(self, node: Rule) -> str:
        return "<hr>"

    def math_block(self, node: MathBlock) -> str:
        return f"<p>\\[{escape(node.latex, quote=False)}\\]</p>"
