"""The one place that configures markdown-it-py: CommonMark + tables, no HTML, CJK emphasis."""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from exampdf.parse.emphasis import CjkParserInline


@cache
def parser() -> MarkdownIt:
    """CommonMark with GFM tables; raw HTML stays literal text; no linkify or typographer."""
    md = MarkdownIt("commonmark")
    md.inline = CjkParserInline()
    md.configure("commonmark", options_update={"html": False, "linkify": False})
    md.enable("table")
    return md


def parse_tree(text: str) -> SyntaxTreeNode:
    """The syntax tree of a Markdown text; every block node keeps its source line map."""
    return SyntaxTreeNode(parser().parse(text))
