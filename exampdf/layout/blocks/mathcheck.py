"""W110: display formulas wider than the exam's column, found with the bank's checks (layout
then sets them smaller, layout/blocks/mathblock.py); every formula is laid out here. `make`
runs the checks in its bank process (exampdf/prepare), beside the PDF writers' start; a
worker that starts on a later exam slice registers the fonts its seed names itself (the
math font, even in a worker that drew no formula: render/examset.py)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from exampdf.diagnostics import Diagnostic, warning
from exampdf.i18n import msg
from exampdf.layout.text.fonts import FontSet
from exampdf.model import Bank, Block, Choice, ListBlock, MathBlock, MathInline, Quote, walk

GUTTER_EM = 3.0  # the 問N label column a question's text is set beside


def math_width_diagnostics(
    bank: Bank, fonts: FontSet, size: float, column_width: float
) -> list[Diagnostic]:
    from exampdf.layout.math.engine import lay_out  # a bank with formulas only (~2 ms)
    from exampdf.layout.math.font import math_font

    room = column_width - GUTTER_EM * size
    out: list[Diagnostic] = []
    found = False
    for q in bank.questions:
        found |= _lay_out_inline(q.stem + q.explanation + q.model_answer, q.choices, fonts, size)
        for b in _display(q.stem + q.explanation + q.model_answer):
            found = True
            width = lay_out(b.latex, True, size, fonts.body).width
            if width > room:
                message = msg("W110", width=width, room=room, scale=room / width)
                out.append(warning("W110", message, q.source, b.line, msg("W110.hint")))
    if found:
        math_font()
        from exampdf.layout.math.store import flush

        flush()  # a first run's workers may find them written before they need them
    return out


def _display(blocks: Iterable[Block]) -> Iterator[MathBlock]:
    for b in blocks:
        if isinstance(b, MathBlock):
            yield b
        elif isinstance(b, ListBlock):
            for item in b.items:
                yield from _display(item)
        elif isinstance(b, Quote):
            yield from _display(b.blocks)


def _lay_out_inline(
    blocks: tuple[Block, ...], choices: Iterable[Choice], fonts: FontSet, size: float
) -> bool:
    """Formulas in sentences, options and cells at the body size (as the sheets set them);
    whether there was any."""
    spans = [s.inlines for s in walk.iter_spans(blocks)] + [c.content for c in choices]
    found = False
    for inlines in spans:
        for node in walk.iter_inlines(inlines):
            if isinstance(node, MathInline):
                from exampdf.layout.math.engine import lay_out

                lay_out(node.latex, node.display, size, fonts.body)
                found = True
    return found
