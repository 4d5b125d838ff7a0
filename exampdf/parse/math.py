"""Checks formulas against the accepted LaTeX subset: unknown commands (with the closest
known name), unbalanced braces, `\\left` without `\\right`, `\\begin` without `\\end`,
and `$$` never closed; each problem at the file and line of its formula."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from exampdf.diagnostics import Diagnostic, error
from exampdf.model import (
    Block,
    Emph,
    HardBreak,
    Heading,
    Inline,
    Link,
    ListBlock,
    MathBlock,
    MathInline,
    Paragraph,
    Question,
    Quote,
    SoftBreak,
    Strong,
    Table,
    Text,
)
from exampdf.parse.mathsubset import COMMANDS, ENVIRONMENTS, SPACES

_TOKEN = re.compile(r"\\([A-Za-z]+|.)|[{}]|\\$", re.S)
_ENV = re.compile(r"\s*\{([A-Za-z*]*)\}")


@dataclass(frozen=True)
class MathProblem:
    code: str  # E110 unknown command or environment, E111 braces, E112 \left/\begin pairs
    message: str
    line: int  # 0-based line inside the formula
    hint: str = ""


def check_latex(latex: str) -> list[MathProblem]:
    """Every problem in one formula, in source order (empty when it is in the subset)."""
    out: list[MathProblem] = []
    braces: list[int] = []
    lefts: list[int] = []
    envs: list[tuple[str, int]] = []
    for m in _TOKEN.finditer(latex):
        line = latex.count("\n", 0, m.start())
        tok = m.group(0)
        if tok == "{":
            braces.append(line)
        elif tok == "}":
            if not braces:
                out.append(MathProblem("E111", "unbalanced braces in math: `}` without `{`", line))
            else:
                braces.pop()
        elif tok == "\\":
            out.append(MathProblem("E110", "a lone `\\` at the end of a formula", line))
        else:
            _command(m, latex, line, lefts, envs, out)
    out += [MathProblem("E111", "unbalanced braces in math: `{` not closed", n) for n in braces]
    out += [MathProblem("E112", "`\\left` without `\\right` in math", n) for n in lefts]
    out += [
        MathProblem("E112", f"`\\begin{{{e}}}` without `\\end{{{e}}}` in math", n) for e, n in envs
    ]
    return out


def _command(
    m: re.Match[str],
    latex: str,
    line: int,
    lefts: list[int],
    envs: list[tuple[str, int]],
    out: list[MathProblem],
) -> None:
    name = m.group(1)
    if not name.isalpha():
        if name not in SPACES:
            out.append(MathProblem("E110", f"unknown command \\{name} in math", line))
        return
    if name not in COMMANDS:
        out.append(_unknown("command", name, COMMANDS, line))
    elif name == "left":
        lefts.append(line)
    elif name == "right":
        if lefts:
            lefts.pop()
        else:
            out.append(MathProblem("E112", "`\\right` without `\\left` in math", line))
    elif name in ("begin", "end"):
        _environment(name, _ENV.match(latex, m.end()), line, envs, out)


def _environment(
    name: str,
    arg: re.Match[str] | None,
    line: int,
    envs: list[tuple[str, int]],
    out: list[MathProblem],
) -> None:
    env = arg.group(1) if arg else ""
    if env not in ENVIRONMENTS:
        if name == "begin":  # its \end is not reported again
            out.append(_unknown("environment", env, ENVIRONMENTS, line))
    elif name == "begin":
        envs.append((env, line))
    elif envs and envs[-1][0] == env:
        envs.pop()
    else:
        out.append(
            MathProblem("E112", f"`\\end{{{env}}}` without `\\begin{{{env}}}` in math", line)
        )


def _unknown(kind: str, name: str, known: frozenset[str], line: int) -> MathProblem:
    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
    hint = f"did you mean \\{close[0]}?" if close and kind == "command" else ""
    if close and kind == "environment":
        hint = f"did you mean {{{close[0]}}}?"
    shown = f"\\{name}" if kind == "command" else f"{{{name}}}"
    return MathProblem("E110", f"unknown {kind} {shown} in math", line, hint)


def formula_diagnostics(q: Question) -> list[Diagnostic]:
    """E110–E113 for every formula of a question, at the line the formula is on."""
    out: list[Diagnostic] = []
    for latex, line in _formulas(q):
        for p in check_latex(latex):
            out.append(error(p.code, p.message, q.source, line + p.line, p.hint))
    for line in _unclosed(q.stem + q.explanation + q.model_answer):
        hint = "close it with `$$` on a line of its own, or write \\$\\$ for dollar signs"
        out.append(error("E113", "`$$` is not closed", q.source, line, hint))
    return out


def _formulas(q: Question) -> Iterator[tuple[str, int]]:
    yield from _in_blocks(q.stem + q.explanation + q.model_answer)
    for c in q.choices:
        yield from _in_inlines(c.content, c.line)


def _in_blocks(blocks: Iterable[Block]) -> Iterator[tuple[str, int]]:
    for b in blocks:
        if isinstance(b, MathBlock):
            yield b.latex, b.line
        elif isinstance(b, Paragraph | Heading):
            yield from _in_inlines(b.inlines, b.line)
        elif isinstance(b, ListBlock):
            for item in b.items:
                yield from _in_blocks(item)
        elif isinstance(b, Quote):
            yield from _in_blocks(b.blocks)
        elif isinstance(b, Table):
            for r, row in enumerate((b.header, *b.rows)):  # GFM: one line per row, then
                for cell in row:  # the delimiter row after the header
                    yield from _in_inlines(cell, b.line + r + (1 if r else 0))


def _in_inlines(inlines: tuple[Inline, ...], line: int) -> Iterator[tuple[str, int]]:
    """Formulas with their lines: soft and hard breaks (and formulas over several lines)
    move down one line each."""
    for node in inlines:
        if isinstance(node, SoftBreak | HardBreak):
            line += 1
        elif isinstance(node, MathInline):
            yield node.latex, line
            line += node.latex.count("\n")
        elif isinstance(node, Strong | Emph | Link):
            yield from _in_inlines(node.children, line)


def _unclosed(blocks: Iterable[Block]) -> Iterator[int]:
    """A paragraph that starts with `$$` is a display formula markdown-it found no end to."""
    for b in blocks:
        if isinstance(b, Paragraph) and b.inlines:
            first = b.inlines[0]
            if isinstance(first, Text) and first.text.startswith("$$"):
                yield b.line
        elif isinstance(b, ListBlock):
            for item in b.items:
                yield from _unclosed(item)
        elif isinstance(b, Quote):
            yield from _unclosed(b.blocks)
