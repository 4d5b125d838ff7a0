"""The one place that configures markdown-it-py: CommonMark + tables + $math$, no HTML, CJK
emphasis."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.dollarmath import dollarmath_plugin

from exampdf import memo
from exampdf.parse.emphasis import CjkParserInline


@memo.once
def parser() -> MarkdownIt:
    """CommonMark with GFM tables; raw HTML stays literal text; no linkify or typographer."""
    md = MarkdownIt("commonmark")
    md.inline = CjkParserInline()
    md.configure("commonmark", options_update={"html": False, "linkify": False})
    md.enable("table")
    # $…$ and $$…$$: no space just inside the dollars and no digit right after the closing
    # one, so 「費用は$5」 and 「$5 と $10」 stay text; \$ is a dollar; code is never math.
    md.use(dollarmath_plugin, allow_space=False, allow_digits=False, double_inline=True)
    md.core.ruler.before("inline", "zenkaku_indent", _keep_zenkaku_indent)
    return md


_INDENT = re.compile(r" {0,3}(\u3000+)")


def _keep_zenkaku_indent(state: StateCore) -> None:
    """A paragraph's leading full-width spaces (字下げ) are text, not indentation: put back
    what the block parser stripped."""
    lines = state.src.split("\n")
    for i, tok in enumerate(state.tokens[:-1]):
        if tok.type != "paragraph_open" or not tok.map or tok.map[0] >= len(lines):
            continue
        m = _INDENT.match(lines[tok.map[0]])
        inline = state.tokens[i + 1]
        if m and inline.type == "inline" and not inline.content.startswith(m.group(1)):
            inline.content = m.group(1) + inline.content


def parse_tree(text: str) -> SyntaxTreeNode:
    """The syntax tree of a Markdown text; every block node keeps its source line map."""
    return SyntaxTreeNode(parser().parse(text))
