"""Inline Markdown nodes to font runs: bold, emphasis, code, links and ruby get their own look."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from operator import attrgetter
from typing import assert_never

from exampdf import memo
from exampdf.layout.blocks.links import pdf_link
from exampdf.layout.text.fallback import split_runs
from exampdf.layout.text.jlreq import is_cjk
from exampdf.layout.text.textrun import MATH_MARK, Run, with_text
from exampdf.layout.theme import CODE_TINT, LINK_BLUE, Theme
from exampdf.model import (
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


@dataclass(unsafe_hash=True)
class RunStyle:
    """The fonts and size inline Markdown is set in."""

    font: str
    size: float
    bold_font: str
    mono_font: str
    emph_font: str = ""  # defaults to the bold font
    fallback: tuple[str, ...] = ()  # fonts tried per character where a run's font has no glyph


def body_style(theme: Theme, size: float | None = None, bold: bool = False) -> RunStyle:
    f = theme.fonts
    font = f.bold if bold else f.body
    return RunStyle(font, size or theme.size, f.bold, f.mono, f.emph, f.fallback)


def to_runs(inlines: Iterable[Inline], style: RunStyle) -> list[Run]:
    return list(_runs(tuple(inlines), style))


@memo.cached(maxsize=20_000)
def _runs(inlines: tuple[Inline, ...], style: RunStyle) -> tuple[Run, ...]:
    """Cached: every version prints the same stems and options with the same runs."""
    runs: list[Run | None] = []  # None marks a soft break, resolved once neighbours are known
    _emit(inlines, Run("", style.font, style.size), style, runs)
    return tuple(_merge(split_runs(_soft_breaks(runs), style.fallback)))


def _emit(nodes: tuple[Inline, ...], base: Run, style: RunStyle, out: list[Run | None]) -> None:
    """Runs inherit their look from the nodes around them, so this walks top down; its
    `match` is exhaustive like the walker's (model/walk.py): a new node type fails mypy here."""
    for node in nodes:
        match node:
            case Text():
                out.append(with_text(base, node.text))
            case Strong():
                _emit(node.children, replace(base, font=style.bold_font), style, out)
            case Emph():
                _emit(node.children, replace(base, font=_emph_font(base, style)), style, out)
            case Ruby():
                out.append(replace(base, text=node.base, ruby=node.text))
            case MathInline():
                out.append(replace(base, text=MATH_MARK, math=node.latex, display=node.display))
            case CodeSpan():
                code = replace(base, font=style.mono_font, back=CODE_TINT, size=base.size * 0.92)
                out.append(with_text(code, node.text))
            case Link():
                link = replace(base, color=LINK_BLUE, link=pdf_link(node.href))
                _emit(node.children, link, style, out)
                if node.href and node.href != _plain(node.children):
                    out.append(with_text(link, f" ({node.href})"))
            case Image():
                out.append(with_text(base, f"[{node.alt or node.src}]"))
            case SoftBreak():
                out.append(None)
            case HardBreak():
                out.append(with_text(base, "\n"))
            case _:
                assert_never(node)


def _emph_font(base: Run, style: RunStyle) -> str:
    """Japanese type has no italic and a fake slant looks broken: *emphasis* switches to the
    other face (Gothic in Mincho text, Mincho in Gothic text); inside bold it stays bold."""
    if base.font == style.bold_font or not style.emph_font:
        return style.bold_font
    return style.emph_font


def _plain(nodes: tuple[Inline, ...]) -> str:
    return "".join(n.text for n in nodes if isinstance(n, Text))


def _soft_breaks(runs: list[Run | None]) -> list[Run]:
    """A soft break joins Japanese directly and Latin words with a space."""
    out: list[Run] = []
    for i, run in enumerate(runs):
        if run is not None:
            out.append(run)
            continue
        before = next((r for r in reversed(runs[:i]) if r is not None and r.text), None)
        after = next((r for r in runs[i + 1 :] if r is not None and r.text), None)
        if before and after and not (is_cjk(before.text[-1]) or is_cjk(after.text[0])):
            out.append(replace(before, text=" ", back=None))
    return out


# Every field of a run but its text: two runs that agree on these look the same.
_look = attrgetter(*(f.name for f in fields(Run) if f.name != "text"))


def _merge(runs: list[Run]) -> list[Run]:
    """Adjacent runs with the same look become one (fewer pieces to measure and draw)."""
    out: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        if out and not run.ruby and not run.math and _look(out[-1]) == _look(run):
            out[-1] = with_text(out[-1], out[-1].text + run.text)
        else:
            out.append(run)
    return out
