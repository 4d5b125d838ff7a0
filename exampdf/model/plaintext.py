"""plain_text: the text a reader sees, as one more fold over the inlines (model/walk.py)."""

from __future__ import annotations

from exampdf.model.nodes import (
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
)
from exampdf.model.walk import InlineFold, fold_inlines


class _PlainText(InlineFold[str]):
    """The text a reader sees: images by their alt text, ruby by its base, breaks as newlines."""

    def text(self, node: Text) -> str:
        return node.text

    def strong(self, node: Strong, children: list[str]) -> str:
        return "".join(children)

    def emph(self, node: Emph, children: list[str]) -> str:
        return "".join(children)

    def code_span(self, node: CodeSpan) -> str:
        return node.text

    def link(self, node: Link, children: list[str]) -> str:
        return "".join(children)

    def image(self, node: Image) -> str:
        return node.alt

    def soft_break(self, node: SoftBreak) -> str:
        return "\n"

    def hard_break(self, node: HardBreak) -> str:
        return "\n"

    def ruby(self, node: Ruby) -> str:
        return node.base

    def math_inline(self, node: MathInline) -> str:
        return f"${node.latex}$"  # as written: what a reader of the source would type


_PLAIN = _PlainText()


def plain_text(inlines: tuple[Inline, ...]) -> str:
    """The text a reader sees, without markup (soft breaks kept as newlines)."""
    return "".join(fold_inlines(inlines, _PLAIN))
