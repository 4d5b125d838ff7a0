"""The `## 選択肢` section → options, from paragraphs (one line per option) and list items."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from exampdf.diagnostics import Diagnostic, warning
from exampdf.i18n import msg
from exampdf.model import CodeSpan, Emph, HardBreak, Inline, SoftBreak, Strong, Text
from exampdf.parse.blocks import is_comment, line_of
from exampdf.parse.inlines import inlines_of, merge_text
from exampdf.parse.labels import Label, classify, match_label

if TYPE_CHECKING:  # markdown-it is imported only when a file is parsed (not on cache hits)
    from markdown_it.tree import SyntaxTreeNode


@dataclass
class Draft:
    """An option being collected: its label (None for an unlabelled bullet), content, line."""

    label: Label | None
    line: int
    content: list[Inline] = field(default_factory=list)


@dataclass
class _State:
    source: str
    options: list[Draft] = field(default_factory=list)
    style: str = ""
    diags: list[Diagnostic] = field(default_factory=list)

    def start(self, label: Label | None, line: int, content: tuple[Inline, ...]) -> None:
        if label is not None and not self.style:
            self.style = label.style
        self.options.append(Draft(label, line, list(content)))

    def extend(self, content: tuple[Inline, ...], joiner: Inline) -> None:
        if content:
            self.options[-1].content.extend([joiner, *content])


def split_lines(inlines: tuple[Inline, ...]) -> list[tuple[int, tuple[Inline, ...]]]:
    """(line offset, inlines) for each source line of a paragraph, split at top-level breaks."""
    lines: list[tuple[int, tuple[Inline, ...]]] = []
    current: list[Inline] = []
    offset = 0
    for node in inlines:
        if isinstance(node, SoftBreak | HardBreak):
            lines.append((offset, tuple(current)))
            current, offset = [], offset + 1
        else:
            current.append(node)
    lines.append((offset, tuple(current)))
    return lines


def _lstrip(inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
    if inlines and isinstance(inlines[0], Text):
        rest = inlines[0].text.lstrip(" \t　")
        return ((Text(rest),) if rest else ()) + inlines[1:]
    return inlines


def strip_label(inlines: tuple[Inline, ...]) -> tuple[Label | None, tuple[Inline, ...]]:
    """The leading label of an option line (also inside leading bold) and the rest of the line."""
    if not inlines:
        return None, inlines
    first = inlines[0]
    if isinstance(first, Text):
        label = match_label(first.text)
        if label is None:
            return None, inlines
        rest = first.text[label.length :]
        return label, _lstrip(((Text(rest),) if rest else ()) + inlines[1:])
    if isinstance(first, Strong | Emph):
        label, inner = strip_label(first.children)
        if label is None:
            return None, inlines
        head: tuple[Inline, ...] = (type(first)(inner),) if inner else ()
        return label, _lstrip(head + inlines[1:])
    return None, inlines


def _feed(base: int, inlines: tuple[Inline, ...], state: _State, continues: bool) -> None:
    """Lines of a paragraph (or sub-point): a labelled line starts an option, others join one.

    `continues`: the first line carries on the option above (a sub-point), so only a label
    in the established style starts a new option, as on any later line."""
    for index, (offset, line) in enumerate(split_lines(inlines)):
        label, rest = strip_label(line)
        first = index == 0 and not continues
        if label is not None and (first or not state.style or label.style == state.style):
            state.start(label, base + offset, rest)
        elif state.options:
            state.extend(line, SoftBreak() if index else HardBreak())
        elif line:
            state.diags.append(_stray(base + offset, state.source))


def _paragraph(node: SyntaxTreeNode, state: _State) -> None:
    _feed(line_of(node), inlines_of(node), state, continues=False)


def _stray(line: int, source: str) -> Diagnostic:
    return warning(
        "W010",
        msg("W010"),
        source,
        line,
        msg("W010.hint"),
    )


def _item_content(item: SyntaxTreeNode, state: _State) -> tuple[Inline, ...]:
    parts: list[Inline] = []
    for child in item.children:
        content = inlines_of(child) if child.type == "paragraph" else _flatten(child, state)
        if parts and content:
            parts.append(SoftBreak())
        parts.extend(content)
    return merge_text(parts)


def _list(node: SyntaxTreeNode, state: _State) -> None:
    items = [(_item_content(item, state), item) for item in node.children]
    if node.type == "bullet_list" and state.style and not any(strip_label(c)[0] for c, _ in items):
        for content, item in items:  # sub-points of the option above, not options of their own
            _feed(line_of(item), merge_text([Text("・"), *content]), state, continues=True)
        return
    for content, item in items:
        label, rest = strip_label(content)
        if label is None and node.type == "ordered_list" and classify(item.info):
            kind = classify(item.info) or ("digit", 0)
            label = Label(item.info, kind[0], kind[1], 0)
        state.start(label, line_of(item), rest if label else content)


def _flatten(node: SyntaxTreeNode, state: _State) -> tuple[Inline, ...]:
    """Block content inside an option: code as inline code lines; anything else is dropped."""
    if node.type in ("fence", "code_block"):
        lines = node.content.rstrip("\n").split("\n")
        out: list[Inline] = []
        for index, text in enumerate(lines):
            out.extend([HardBreak(), CodeSpan(text)] if index else [CodeSpan(text)])
        return tuple(out)
    state.diags.append(
        warning(
            "W012",
            msg("W012", kind=node.type.replace("_", " ")),
            state.source,
            line_of(node),
            msg("W012.hint"),
        )
    )
    return ()


def parse_choices(nodes: list[SyntaxTreeNode], source: str) -> tuple[list[Draft], list[Diagnostic]]:
    """Draft options in written order, and warnings about content that is not an option."""
    state = _State(source)
    for node in nodes:
        if is_comment(node):
            continue
        if node.type == "paragraph":
            _paragraph(node, state)
        elif node.type in ("ordered_list", "bullet_list"):
            _list(node, state)
        elif node.type in ("fence", "code_block"):
            if state.options:
                state.extend(_flatten(node, state), HardBreak())
            else:
                state.diags.append(_stray(line_of(node), source))
        else:
            _flatten(node, state)
    for draft in state.options:
        draft.content = list(merge_text(draft.content))
    return state.options, state.diags
