"""Splitting a file's syntax tree into its title and `##` sections, heading synonyms included."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from exampdf.diagnostics import Diagnostic, error, warning
from exampdf.i18n import msg
from exampdf.model import plain_text
from exampdf.parse.blocks import line_of
from exampdf.parse.inlines import inlines_of

if TYPE_CHECKING:  # markdown-it is imported only when a file is parsed (not on cache hits)
    from markdown_it.tree import SyntaxTreeNode

SYNONYMS: dict[str, tuple[str, ...]] = {
    "stem": ("問題", "設問", "問い", "問", "問題文", "question", "problem"),
    "choices": ("選択肢", "choices", "options", "option"),
    "answer": ("正解", "解答", "答え", "正答", "答", "answer", "answers", "correct answer"),
    "explanation": ("解説", "説明", "explanation", "explanations", "rationale"),
}
NAMES = {"stem": "問題", "choices": "選択肢", "answer": "正解", "explanation": "解説"}
_LOOKUP = {word: kind for kind, words in SYNONYMS.items() for word in words}


@dataclass
class Section:
    kind: str
    line: int  # line of the `##` heading
    nodes: list[SyntaxTreeNode] = field(default_factory=list)


@dataclass
class Sections:
    title: str = ""
    title_line: int = 0
    preamble: list[SyntaxTreeNode] = field(default_factory=list)
    found: dict[str, Section] = field(default_factory=dict)
    extra_title_line: int = 0  # a second `#` heading: another question in the same file


def heading_kind(text: str) -> str | None:
    """Which section a `##` heading names, forgiving spaces, colons, brackets, numbers
    (`## 問1`), a trailing note in brackets (`## 正解（2点）`) and letter case."""
    norm = unicodedata.normalize("NFKC", text).strip().lower()
    norm = re.sub(r"(?<=.)\s*\([^()]*\)$", "", norm)
    norm = re.sub(r"^[\[【(「]\s*|\s*[\]】)」]$", "", norm)
    norm = re.sub(r"[\s:：.。0-9]+$", "", norm).strip()
    return _LOOKUP.get(norm)


def _heading_text(node: SyntaxTreeNode) -> str:
    return plain_text(inlines_of(node)).strip()


def split(root: SyntaxTreeNode, source: str) -> tuple[Sections, list[Diagnostic]]:
    """Title, preamble and sections; unknown `##` headings stay in the section they follow."""
    out = Sections()
    diags: list[Diagnostic] = []
    current: list[SyntaxTreeNode] = out.preamble
    for node in root.children:
        if node.type == "heading" and node.tag == "h1":
            if out.title_line:
                out.extra_title_line = line_of(node)
                break  # another question: E013; the rest of the file is not read
            out.title, out.title_line = _heading_text(node), line_of(node)
            continue
        if node.type == "heading" and node.tag == "h2":
            kind = heading_kind(_heading_text(node))
            if kind is not None:
                current = _open(out, kind, node, source, diags)
                continue
            if out.found:
                diags.append(_unknown(node, source))
        current.append(node)
    return out, diags


def _open(
    out: Sections, kind: str, node: SyntaxTreeNode, source: str, diags: list[Diagnostic]
) -> list[SyntaxTreeNode]:
    line = line_of(node)
    if kind in out.found:
        diags.append(
            warning(
                "W013",
                msg("W013", name=NAMES[kind]),
                source,
                line,
                msg("W013.hint"),
            )
        )
        return out.found[kind].nodes
    out.found[kind] = Section(kind, line)
    return out.found[kind].nodes


def _unknown(node: SyntaxTreeNode, source: str) -> Diagnostic:
    known = "、".join(f"## {n}" for n in NAMES.values())
    return warning(
        "W007",
        msg("W007", name=_heading_text(node)),
        source,
        line_of(node),
        msg("W007.hint", known=known),
    )


def missing(kind: str, source: str, line: int) -> Diagnostic:
    return error(
        "E003",
        msg("E003", name=NAMES[kind]),
        source,
        line,
        msg("E003.hint", name=NAMES[kind], also=", ".join(f"## {w}" for w in SYNONYMS[kind][1:3])),
    )
