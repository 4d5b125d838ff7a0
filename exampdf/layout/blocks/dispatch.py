"""Markdown blocks to flowables through one dispatch table (unknown nodes print as text)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    Spacer,
)

from exampdf import memo
from exampdf.layout.blocks.codeblock import CodeBlockFlowable
from exampdf.layout.blocks.fit import fit_tall
from exampdf.layout.blocks.images import image_or
from exampdf.layout.blocks.inlines import body_style, to_runs
from exampdf.layout.blocks.labeled import Labeled
from exampdf.layout.blocks.mathblock import DisplayMath
from exampdf.layout.blocks.place import share
from exampdf.layout.blocks.quote import QuoteBox
from exampdf.layout.blocks.shrinks import building, origin
from exampdf.layout.blocks.stack import Stack
from exampdf.layout.blocks.tables import table_flowables
from exampdf.layout.text.paragraphs import ParaStyle, make_paragraph
from exampdf.layout.text.textrun import Run
from exampdf.layout.theme import RULE_GREY, Theme
from exampdf.model import (
    Block,
    CodeBlock,
    Heading,
    ListBlock,
    MathBlock,
    Paragraph,
    Quote,
    Rule,
    Text,
)
from exampdf.model import (
    Table as TableNode,
)

Builder = Callable[[Any, Theme], list[Flowable]]


def block_flowables(
    blocks: Sequence[Block], theme: Theme, source: str | None = None
) -> list[Flowable]:
    """Each block's flowables, marked with where they come from (`source`: the question
    file; nested blocks inherit it), so one printed scaled down is named (W112)."""
    if source is not None:
        with building(source):
            return block_flowables(blocks, theme)
    out: list[Flowable] = []
    for block in blocks:
        made = _BUILDERS.get(type(block), _fallback)(block, theme)
        where = origin(getattr(block, "line", 0), _WHAT.get(type(block), "block"))
        for f in made:
            if getattr(f, "origin", None) is None:  # nested blocks keep their own
                f.origin = where
        out.extend(made)
    return out


def _paragraph(block: Paragraph, theme: Theme) -> list[Flowable]:
    spec = ParaStyle(leading=theme.leading, space_after=theme.size * 0.5)
    return [make_paragraph(to_runs(block.inlines, body_style(theme)), spec)]


def _heading(block: Heading, theme: Theme) -> list[Flowable]:
    size = theme.heading_size(block.level)
    spec = ParaStyle(
        leading=size * 1.5,
        align="left",
        space_before=size * 0.6,
        space_after=size * 0.25,
        phrases=True,
    )
    return [make_paragraph(to_runs(block.inlines, body_style(theme, size, bold=True)), spec)]


def _code(block: CodeBlock, theme: Theme) -> list[Flowable]:
    code = CodeBlockFlowable(block.code, block.lang, theme, numbered=block.numbered)
    return [code, Spacer(1, theme.size * 0.6)]


def _list(block: ListBlock, theme: Theme) -> list[Flowable]:
    """Items with the marker in a gutter, so wrapped lines and nested blocks hang under the text."""
    gutter = theme.size * (2.0 if block.ordered else 1.4)
    out: list[Flowable] = []
    for n, item in enumerate(block.items):
        marker = f"{block.start + n}." if block.ordered else "・"
        label = _marker(marker, theme.fonts.body, theme.size, theme.leading)
        inner = block_flowables(item, theme) or [Spacer(1, theme.leading)]
        if len(inner) == 1:  # list items sit closer than paragraphs
            out.append(Labeled(label, inner[0], gutter, theme.size * 0.2))
        else:  # nested lists and further paragraphs hang under the item's text
            out.append(Labeled(label, Stack(inner), gutter, 0.0))
    return out


# A list's markers recur all through a booklet (「・」 600 times in a 30-question key): one
# paragraph per marker, shared, so that once it is a form it is only placed (place.share).
_MARKERS: memo.Memo[tuple[str, str, float, float], Flowable] = memo.Memo(
    "layout.blocks.dispatch.markers", 1024
)


def _marker(text: str, font: str, size: float, leading: float) -> Flowable:
    key = (text, font, size, leading)
    label = _MARKERS.get(key)
    if label is None:
        label = _MARKERS.put(
            key, share(make_paragraph([Run(text, font, size)], ParaStyle(leading=leading)))
        )
    return label


def _quote(block: Quote, theme: Theme) -> list[Flowable]:
    inner = block_flowables(block.blocks, theme)
    return [QuoteBox(inner, 4 * mm)] if inner else []


def _rule(block: Rule, theme: Theme) -> list[Flowable]:
    return [HRFlowable(width="100%", thickness=0.5, color=RULE_GREY, spaceBefore=4, spaceAfter=6)]


def _math(block: MathBlock, theme: Theme) -> list[Flowable]:
    spec = ParaStyle(
        leading=theme.leading,
        align="center",
        space_before=theme.size * 0.3,
        space_after=theme.size * 0.8,
    )
    return [DisplayMath(block.latex, theme.fonts.body, theme.size, spec)]


def _fallback(block: Any, theme: Theme) -> list[Flowable]:
    return _paragraph(Paragraph((Text(str(block)),), 0), theme)


_BUILDERS: dict[type, Builder] = {
    Paragraph: image_or(_paragraph),  # a paragraph of one image draws the image
    Heading: _heading,
    CodeBlock: _code,
    ListBlock: _list,
    TableNode: fit_tall(table_flowables),  # a row taller than a page shrinks, never fails
    Quote: _quote,
    Rule: _rule,
    MathBlock: _math,
}

# What W112 calls a block of each kind printed scaled down (W112.<what> in the catalogue).
_WHAT: dict[type, str] = {
    Paragraph: "paragraph",
    Heading: "heading",
    CodeBlock: "code",
    ListBlock: "list",
    TableNode: "table-row",
    Quote: "quote",
    MathBlock: "formula",
}
