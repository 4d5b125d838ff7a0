"""Characters no shipped font can draw, as warnings at the question file and line (W101)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from exampdf.diagnostics import Diagnostic, warning
from exampdf.i18n import msg
from exampdf.layout.text.fonts import FontSet
from exampdf.layout.text.glyphs import cmap, drawable
from exampdf.model import (
    Bank,
    Block,
    CodeBlock,
    CodeSpan,
    HardBreak,
    Inline,
    Ruby,
    SoftBreak,
    plain_text,
    walk,
)
from exampdf.model.student import Student

Source = tuple[str, int, str]  # text, line, "text" or "code"


def glyph_diagnostics(bank: Bank, fonts: FontSet) -> list[Diagnostic]:
    """One W101 per source line that holds characters neither the text font, the code font
    nor the symbol fallback has; they would print as 〓."""
    chains = {
        "text": (fonts.body, fonts.bold, *fonts.fallback),
        "code": (fonts.mono, *fonts.fallback),
    }
    out: list[Diagnostic] = []
    for q in bank.questions:
        found: dict[int, list[str]] = {}
        for text, line, kind in _sources(q.title, q.line, q.stem, q.explanation, q.model_answer):
            _collect(text, line, chains[kind], found)
        for choice in q.choices:
            for text, line, kind in _inline_sources(choice.content, choice.line):
                _collect(text, line, chains[kind], found)
        out.extend(_warn(q.source, line, chars) for line, chars in sorted(found.items()))
    return out


def roster_glyph_diagnostics(
    students: Sequence[Student], fonts: FontSet, path: str
) -> list[Diagnostic]:
    """W102 for a roster row whose name, class or number holds a character the name boxes'
    fonts lack (𠮷): it would print as an empty box on the cover and the answer sheet."""
    out: list[Diagnostic] = []
    chain = (fonts.bold, fonts.body)
    for s in students:
        text = s.name + s.klass + s.number + s.id
        missing = [ch for ch in dict.fromkeys(text) if not all(drawable(ch, (f,)) for f in chain)]
        if missing:
            chars = ", ".join(f"{c} (U+{ord(c):04X})" for c in missing)
            message = msg("W102", chars=chars, name=s.name or s.id)
            out.append(warning("W102", message, path, s.line, msg("W102.hint")))
    return out


def _collect(text: str, line: int, chain: tuple[str, ...], found: dict[int, list[str]]) -> None:
    if cmap(chain[0]).issuperset(text):
        return  # the common case: one set test instead of a lookup per character
    for ch in text:
        if not drawable(ch, chain) and ch not in found.get(line, []):
            found.setdefault(line, []).append(ch)


def _warn(path: str, line: int, chars: list[str]) -> Diagnostic:
    names = ", ".join(f"{c} (U+{ord(c):04X})" for c in chars)
    return warning(
        "W101",
        msg("W101", chars=names),
        path,
        line,
        msg("W101.hint"),
    )


def _sources(title: str, line: int, *groups: tuple[Block, ...]) -> Iterator[Source]:
    yield title, line, "text"
    for blocks in groups:
        yield from _blocks(blocks)


def _blocks(blocks: tuple[Block, ...]) -> Iterator[Source]:
    for b, _ in walk.iter_blocks(blocks):
        if isinstance(b, CodeBlock):
            # The fence is line b.line; code starts on the next one.
            for i, text in enumerate(b.code.split("\n"), start=1):
                yield text, b.line + i, "code"
        for span in walk.spans(b):
            yield from _inline_sources(span.inlines, span.source_line)


def _inline_sources(inlines: tuple[Inline, ...], line: int) -> Iterator[Source]:
    """Text of a paragraph: code spans checked against the code font, the rest as text;
    soft breaks advance the line, so the warning points at the right source line."""
    for part_line, part in _by_line(inlines, line):
        for node in part:
            if isinstance(node, CodeSpan):
                yield node.text, part_line, "code"
            else:
                yield plain_text((node,)), part_line, "text"
                if isinstance(node, Ruby):
                    yield node.text, part_line, "text"


def _by_line(inlines: tuple[Inline, ...], line: int) -> Iterator[tuple[int, list[Inline]]]:
    part: list[Inline] = []
    for node in inlines:
        if isinstance(node, SoftBreak | HardBreak):
            yield line, part
            part, line = [], line + 1
        else:
            part.append(node)
    yield line, part
