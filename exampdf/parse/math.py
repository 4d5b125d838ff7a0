"""Checks a formula against the accepted LaTeX subset: unknown commands (with the closest
known name), unbalanced braces, `\\left` without `\\right`, `\\begin` without `\\end`."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from exampdf.parse.mathsubset import COMMANDS, ENVIRONMENTS, SPACES

_TOKEN = re.compile(r"\\([A-Za-z]+|.)|[{}]|\\$", re.S)
_ENV = re.compile(r"\s*\{([A-Za-z*]*)\}")


@dataclass(frozen=True)
class MathProblem:
    code: str  # E101 unknown command or environment, E102 braces, E103 \left/\begin pairs
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
                out.append(MathProblem("E102", "unbalanced braces in math: `}` without `{`", line))
            else:
                braces.pop()
        elif tok == "\\":
            out.append(MathProblem("E101", "a lone `\\` at the end of a formula", line))
        else:
            _command(m, latex, line, lefts, envs, out)
    out += [MathProblem("E102", "unbalanced braces in math: `{` not closed", n) for n in braces]
    out += [MathProblem("E103", "`\\left` without `\\right` in math", n) for n in lefts]
    out += [
        MathProblem("E103", f"`\\begin{{{e}}}` without `\\end{{{e}}}` in math", n) for e, n in envs
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
            out.append(MathProblem("E101", f"unknown command \\{name} in math", line))
        return
    if name not in COMMANDS:
        out.append(_unknown("command", name, COMMANDS, line))
    elif name == "left":
        lefts.append(line)
    elif name == "right":
        if lefts:
            lefts.pop()
        else:
            out.append(MathProblem("E103", "`\\right` without `\\left` in math", line))
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
            MathProblem("E103", f"`\\end{{{env}}}` without `\\begin{{{env}}}` in math", line)
        )


def _unknown(kind: str, name: str, known: frozenset[str], line: int) -> MathProblem:
    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
    hint = f"did you mean \\{close[0]}?" if close and kind == "command" else ""
    if close and kind == "environment":
        hint = f"did you mean {{{close[0]}}}?"
    shown = f"\\{name}" if kind == "command" else f"{{{name}}}"
    return MathProblem("E101", f"unknown {kind} {shown} in math", line, hint)
