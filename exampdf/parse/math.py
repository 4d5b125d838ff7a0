"""Checks formulas against the accepted LaTeX subset: unknown commands (with the closest
known name), unbalanced braces, `\\left` without `\\right`, `\\begin` without `\\end`,
and `$$` never closed; each problem at the file and line of its formula."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from exampdf.diagnostics import Diagnostic, error, warning
from exampdf.i18n import Msg, msg
from exampdf.model import (
    Block,
    HardBreak,
    Inline,
    MathBlock,
    MathInline,
    Paragraph,
    Question,
    SoftBreak,
    Text,
    walk,
)
from exampdf.parse.mathsubset import COMMANDS, ENVIRONMENTS, SPACES

if TYPE_CHECKING:
    from markdown_it.token import Token

_TOKEN = re.compile(r"\\([A-Za-z]+|.)|[{}]|\\$", re.S)
_ENV = re.compile(r"\s*\{([A-Za-z*]*)\}")


@dataclass(frozen=True)
class MathProblem:
    code: str  # E110 unknown command or environment, E111 braces, E112 \left/\begin pairs
    message: Msg
    line: int  # 0-based line inside the formula
    hint: Msg | None = None


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
                out.append(MathProblem("E111", msg("E111.close"), line))
            else:
                braces.pop()
        elif tok == "\\":
            out.append(MathProblem("E110", msg("E110.backslash"), line))
        else:
            _command(m, latex, line, lefts, envs, out)
    out += [MathProblem("E111", msg("E111.open"), n) for n in braces]
    out += [MathProblem("E112", msg("E112.left"), n) for n in lefts]
    out += [MathProblem("E112", msg("E112.begin", env=e), n) for e, n in envs]
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
            out.append(MathProblem("E110", msg("E110.command", name=f"\\{name}"), line))
        return
    if name not in COMMANDS:
        out.append(_unknown("command", name, COMMANDS, line))
    elif name == "left":
        lefts.append(line)
    elif name == "right":
        if lefts:
            lefts.pop()
        else:
            out.append(MathProblem("E112", msg("E112.right"), line))
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
        out.append(MathProblem("E112", msg("E112.end", env=env), line))


def _unknown(kind: str, name: str, known: frozenset[str], line: int) -> MathProblem:
    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
    command = kind == "command"
    hint = (
        msg("E110.hint", name=f"\\{close[0]}" if command else f"{{{close[0]}}}") if close else None
    )
    shown = f"\\{name}" if command else f"{{{name}}}"
    return MathProblem("E110", msg(f"E110.{kind}", name=shown), line, hint)


def formula_diagnostics(q: Question) -> list[Diagnostic]:
    """E110–E113 for every formula of a question, at the line the formula is on."""
    out: list[Diagnostic] = []
    for latex, line in _formulas(q):
        for p in check_latex(latex):
            out.append(error(p.code, p.message, q.source, line + p.line, p.hint))
    for line in _unclosed(q.stem + q.explanation + q.model_answer):
        out.append(error("E113", msg("E113"), q.source, line, msg("E113.hint")))
    if _title_has_math(q.title):
        out.append(warning("W111", msg("W111"), q.source, q.line, msg("W111.hint")))
    return out


def _title_has_math(title: str) -> bool:
    """A `# title` is plain text (bookmarks, the key's headings): say so rather than print a
    formula there as its LaTeX without a word."""
    if "$" not in title:
        return False
    from exampdf.parse.markdown import parser  # markdown-it: only for a title with a `$`

    return any(t.type.startswith("math") for t in _inline_tokens(parser().parse(title)))


def _inline_tokens(tokens: list[Token]) -> Iterator[Token]:
    for t in tokens:
        yield t
        yield from t.children or ()


def _formulas(q: Question) -> Iterator[tuple[str, int]]:
    yield from _in_blocks(q.stem + q.explanation + q.model_answer)
    for c in q.choices:
        yield from _in_inlines(c.content, c.line)


def _in_blocks(blocks: tuple[Block, ...]) -> Iterator[tuple[str, int]]:
    for b, _ in walk.iter_blocks(blocks):
        if isinstance(b, MathBlock):
            yield b.latex, b.line
        for span in walk.spans(b):
            yield from _in_inlines(span.inlines, span.source_line)


def _in_inlines(inlines: tuple[Inline, ...], line: int) -> Iterator[tuple[str, int]]:
    """Formulas with their lines: soft and hard breaks (and formulas over several lines)
    move down one line each."""
    for node in inlines:
        if isinstance(node, SoftBreak | HardBreak):
            line += 1
        elif isinstance(node, MathInline):
            yield node.latex, line
            line += node.latex.count("\n")
        else:  # inside bold, emphasis and links (leaves have no children)
            yield from _in_inlines(walk.children(node), line)


def _unclosed(blocks: tuple[Block, ...]) -> Iterator[int]:
    """A paragraph that starts with `$$` is a display formula markdown-it found no end to."""
    for b, _ in walk.iter_blocks(blocks):
        if isinstance(b, Paragraph) and b.inlines:
            first = b.inlines[0]
            if isinstance(first, Text) and first.text.startswith("$$"):
                yield b.line
