"""The one walker over the Markdown tree: every pass visits, rewrites or folds nodes through here.

Each `match` below ends in `assert_never`, so adding a node type to `Inline` or `Block` in
nodes.py makes mypy --strict fail here until the walker handles it (pandoc's `Walk`). Passes
then supply only what they do at the nodes they care about:

- `children`, `spans`, `inner_blocks`: what a node holds (the structure, stated once);
- `iter_blocks`, `iter_spans`, `iter_inlines`: every node, with its depth or place;
- `map_blocks`, `map_inlines`, `rebuild`, `with_children`: new frozen trees, sharing every
  node that did not change (a pass that changes nothing copies nothing);
- `fold_inline(s)`, `fold_block(s)` with an `InlineFold`/`Fold`: renderers (HTML, Markdown,
  plain text) that must say what every node becomes. A new node type adds an abstract
  method there, so every renderer that does not implement it fails type checking too.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Generic, TypeVar, assert_never

from exampdf.model.nodes import (
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
)

T = TypeVar("T")
R = TypeVar("R")

# ------------------------------------------------------------------ structure


def children(node: Inline) -> tuple[Inline, ...]:
    """The inlines `node` contains (bold, emphasis and link text); () for a leaf."""
    match node:
        case Strong() | Emph() | Link():
            return node.children
        case Text() | CodeSpan() | Image() | SoftBreak() | HardBreak() | Ruby() | MathInline():
            return ()
        case _:
            assert_never(node)


def with_children(node: Inline, new: tuple[Inline, ...]) -> Inline:
    """`node` holding `new` as its children; `node` itself when they are its very children."""
    match node:
        case Strong() | Emph() | Link():
            return node if new is node.children else replace(node, children=new)
        case Text() | CodeSpan() | Image() | SoftBreak() | HardBreak() | Ruby() | MathInline():
            return node
        case _:
            assert_never(node)


@dataclass(frozen=True, slots=True)
class Span:
    """One run of inlines in a block: a paragraph's or heading's text (`row` None), or a table
    cell (`row` 0 is the header, then the body rows from 1)."""

    block: Block
    inlines: tuple[Inline, ...]
    row: int | None = None

    @property
    def line(self) -> int:
        return self.block.line

    @property
    def source_line(self) -> int:
        """The span's own line: a table row's in GFM (header, delimiter row, body rows)."""
        r = self.row or 0
        return self.block.line + r + (1 if r else 0)


def spans(block: Block) -> Iterator[Span]:
    """The runs of inlines `block` itself holds (not those of blocks nested in it)."""
    match block:
        case Paragraph() | Heading():
            yield Span(block, block.inlines)
        case Table():
            for r, row in enumerate((block.header, *block.rows)):
                for cell in row:
                    yield Span(block, cell, r)
        case CodeBlock() | ListBlock() | Quote() | Rule() | MathBlock():
            pass
        case _:
            assert_never(block)


def inner_blocks(block: Block) -> tuple[tuple[Block, ...], ...]:
    """The sequences of blocks nested in `block`: a list's items, a quote's body."""
    match block:
        case ListBlock():
            return block.items
        case Quote():
            return (block.blocks,)
        case Paragraph() | Heading() | CodeBlock() | Table() | Rule() | MathBlock():
            return ()
        case _:
            assert_never(block)


# ------------------------------------------------------------------ visiting


def iter_blocks(blocks: tuple[Block, ...], depth: int = 0) -> Iterator[tuple[Block, int]]:
    """Every block in document order with its nesting depth (a list or quote adds one)."""
    for block in blocks:
        yield block, depth
        for inner in inner_blocks(block):
            yield from iter_blocks(inner, depth + 1)


def iter_spans(blocks: tuple[Block, ...]) -> Iterator[Span]:
    """Every run of inlines at any depth, in document order."""
    for block, _ in iter_blocks(blocks):
        yield from spans(block)


def iter_inlines(nodes: tuple[Inline, ...]) -> Iterator[Inline]:
    """Every inline, each before its children, in document order."""
    for node in nodes:
        yield node
        yield from iter_inlines(children(node))


# ------------------------------------------------------------------ rewriting


def same(new: tuple[T, ...], old: tuple[T, ...]) -> tuple[T, ...]:
    """`old` when `new` holds the very same objects, else `new` (so unchanged trees are shared)."""
    return old if all(a is b for a, b in zip(new, old, strict=True)) else new


BlocksMap = Callable[[tuple[Block, ...]], tuple[Block, ...]]
SpanMap = Callable[[Span], tuple[Inline, ...]]


def rebuild(block: Block, blocks: BlocksMap, inlines: SpanMap) -> Block:
    """`block` with each nested block sequence put through `blocks` and each of its own spans
    through `inlines`; `block` itself when nothing came back changed."""
    match block:
        case Paragraph() | Heading():
            new = inlines(Span(block, block.inlines))
            return block if new is block.inlines else replace(block, inlines=new)
        case Table():
            header = same(tuple(inlines(Span(block, c, 0)) for c in block.header), block.header)
            rows = same(
                tuple(
                    same(tuple(inlines(Span(block, c, r)) for c in row), row)
                    for r, row in enumerate(block.rows, start=1)
                ),
                block.rows,
            )
            if header is block.header and rows is block.rows:
                return block
            return replace(block, header=header, rows=rows)
        case ListBlock():
            items = same(tuple(blocks(item) for item in block.items), block.items)
            return block if items is block.items else replace(block, items=items)
        case Quote():
            body = blocks(block.blocks)
            return block if body is block.blocks else replace(block, blocks=body)
        case CodeBlock() | Rule() | MathBlock():
            return block
        case _:
            assert_never(block)


def map_blocks(blocks: tuple[Block, ...], inlines: SpanMap) -> tuple[Block, ...]:
    """Every block at every depth with each span rewritten by `inlines` (shared if unchanged)."""

    def each(bs: tuple[Block, ...]) -> tuple[Block, ...]:
        return same(tuple(rebuild(b, each, inlines) for b in bs), bs)

    return each(blocks)


def map_inlines(nodes: tuple[Inline, ...], f: Callable[[Inline], Inline]) -> tuple[Inline, ...]:
    """Bottom up: each node's children are rewritten first, then the node goes through `f`."""
    return same(tuple(f(with_children(n, map_inlines(children(n), f))) for n in nodes), nodes)


# ------------------------------------------------------------------ folding


class InlineFold(ABC, Generic[R]):
    """What a renderer makes of each inline, its children already made."""

    @abstractmethod
    def text(self, node: Text) -> R: ...
    @abstractmethod
    def strong(self, node: Strong, children: list[R]) -> R: ...
    @abstractmethod
    def emph(self, node: Emph, children: list[R]) -> R: ...
    @abstractmethod
    def code_span(self, node: CodeSpan) -> R: ...
    @abstractmethod
    def link(self, node: Link, children: list[R]) -> R: ...
    @abstractmethod
    def image(self, node: Image) -> R: ...
    @abstractmethod
    def soft_break(self, node: SoftBreak) -> R: ...
    @abstractmethod
    def hard_break(self, node: HardBreak) -> R: ...
    @abstractmethod
    def ruby(self, node: Ruby) -> R: ...
    @abstractmethod
    def math_inline(self, node: MathInline) -> R: ...


class Fold(InlineFold[R]):
    """What a renderer makes of each block and inline, nested content already made: `cells`
    are rows of cells, each a list of the cell's inlines made."""

    @abstractmethod
    def paragraph(self, node: Paragraph, inlines: list[R]) -> R: ...
    @abstractmethod
    def heading(self, node: Heading, inlines: list[R]) -> R: ...
    @abstractmethod
    def code_block(self, node: CodeBlock) -> R: ...
    @abstractmethod
    def list_block(self, node: ListBlock, items: list[list[R]]) -> R: ...
    @abstractmethod
    def table(self, node: Table, cells: list[list[list[R]]]) -> R: ...
    @abstractmethod
    def quote(self, node: Quote, blocks: list[R]) -> R: ...
    @abstractmethod
    def rule(self, node: Rule) -> R: ...
    @abstractmethod
    def math_block(self, node: MathBlock) -> R: ...


def fold_inline(node: Inline, f: InlineFold[R]) -> R:
    match node:
        case Text():
            return f.text(node)
        case Strong():
            return f.strong(node, fold_inlines(node.children, f))
        case Emph():
            return f.emph(node, fold_inlines(node.children, f))
        case CodeSpan():
            return f.code_span(node)
        case Link():
            return f.link(node, fold_inlines(node.children, f))
        case Image():
            return f.image(node)
        case SoftBreak():
            return f.soft_break(node)
        case HardBreak():
            return f.hard_break(node)
        case Ruby():
            return f.ruby(node)
        case MathInline():
            return f.math_inline(node)
        case _:
            assert_never(node)


def fold_inlines(nodes: tuple[Inline, ...], f: InlineFold[R]) -> list[R]:
    return [fold_inline(n, f) for n in nodes]


def fold_block(block: Block, f: Fold[R]) -> R:
    match block:
        case Paragraph():
            return f.paragraph(block, fold_inlines(block.inlines, f))
        case Heading():
            return f.heading(block, fold_inlines(block.inlines, f))
        case CodeBlock():
            return f.code_block(block)
        case ListBlock():
            return f.list_block(block, [fold_blocks(item, f) for item in block.items])
        case Table():
            rows = (block.header, *block.rows)
            return f.table(block, [[fold_inlines(c, f) for c in row] for row in rows])
        case Quote():
            return f.quote(block, fold_blocks(block.blocks, f))
        case Rule():
            return f.rule(block)
        case MathBlock():
            return f.math_block(block)
        case _:
            assert_never(block)


def fold_blocks(blocks: tuple[Block, ...], f: Fold[R]) -> list[R]:
    return [fold_block(b, f) for b in blocks]
