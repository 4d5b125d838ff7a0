"""The question bank as plain frozen data: questions, choices and Markdown nodes (no I/O)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, Literal

# ---------------------------------------------------------------- inline nodes


@dataclass(frozen=True)
class Text:
    """Plain text."""

    text: str


@dataclass(frozen=True)
class Strong:
    """**Strong** text: set bold."""

    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Emph:
    """*Emphasised* text: set in the other Japanese face."""

    children: tuple[Inline, ...]


@dataclass(frozen=True)
class CodeSpan:
    """`Inline code`: set in the monospaced face."""

    text: str


@dataclass(frozen=True)
class Link:
    """A link: its text and where it points."""

    children: tuple[Inline, ...]
    href: str


@dataclass(frozen=True)
class Image:
    """An image: its source as written, alt text and the checked file."""

    src: str
    alt: str
    file: str = ""  # the checked file to draw, set by parse/images.py; "" prints the alt text


@dataclass(frozen=True)
class SoftBreak:
    """A newline inside a paragraph: joins Japanese without a space, Latin with one."""


@dataclass(frozen=True)
class HardBreak:
    """An explicit line break (two trailing spaces or a backslash)."""


@dataclass(frozen=True)
class Ruby:
    """Furigana: `{漢字|かんじ}` prints `text` in half size above `base`."""

    base: str
    text: str


@dataclass(frozen=True)
class MathInline:
    """`$…$`: a formula set in the line (`display` for `$$…$$` written inside a paragraph)."""

    latex: str
    display: bool = False


Inline = Text | Strong | Emph | CodeSpan | Link | Image | SoftBreak | HardBreak | Ruby | MathInline

# ----------------------------------------------------------------- block nodes


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of inline content."""

    inlines: tuple[Inline, ...]
    line: int


@dataclass(frozen=True)
class Heading:
    """A Markdown heading (# …) inside a question."""

    level: int
    inlines: tuple[Inline, ...]
    line: int


@dataclass(frozen=True)
class CodeBlock:
    """A fenced code block."""

    code: str
    lang: str
    line: int
    numbered: bool = False  # ```python {linenos}: print line numbers


@dataclass(frozen=True)
class ListBlock:
    """A bulleted or numbered list; each item is a tuple of blocks."""

    ordered: bool
    start: int
    items: tuple[tuple[Block, ...], ...]
    line: int


Cell = tuple[Inline, ...]


@dataclass(frozen=True)
class Table:
    """A Markdown table: header, rows and each column's alignment."""

    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    aligns: tuple[Literal["left", "center", "right"], ...]
    line: int


@dataclass(frozen=True)
class Quote:
    """A block quote."""

    blocks: tuple[Block, ...]
    line: int


@dataclass(frozen=True)
class Rule:
    """A horizontal rule (---)."""

    line: int


@dataclass(frozen=True)
class MathBlock:
    """`$$…$$` on lines of its own: a display formula, centred."""

    latex: str
    line: int


Block = Paragraph | Heading | CodeBlock | ListBlock | Table | Quote | Rule | MathBlock

# ------------------------------------------------------------------- questions

Kind = Literal["single", "multi", "written"]


@dataclass(frozen=True)
class Choice:
    """One option. `letter` is the bank's canonical letter (A, B, … by written position);
    `written_label` is the label exactly as the author typed it (`A`, `ア`, `1`, `①`)."""

    letter: str
    written_label: str
    content: tuple[Inline, ...]
    line: int


@dataclass(frozen=True)
class Question:
    """One question of the bank, as read from its file."""

    id: str
    source: str  # path as the user named it, relative where possible
    title: str
    stem: tuple[Block, ...]
    choices: tuple[Choice, ...]
    answer: tuple[int, ...]  # indices into `choices`, ascending
    explanation: tuple[Block, ...]
    line: int = 1
    model_answer: tuple[Block, ...] = ()  # written-answer questions
    multi: bool = False
    points: int = 1
    shuffle: bool = True
    pinned: tuple[int, ...] = ()  # indices kept last, in written order, when shuffling
    answer_lines: int = 5  # ruled lines in a written-answer box
    group: str = ""
    tags: tuple[str, ...] = ()

    @property
    def kind(self) -> Kind:
        if not self.choices:
            return "written"
        return "multi" if self.multi else "single"


@dataclass(frozen=True)
class Bank:
    """The question bank: every question in file order, and the files read."""

    questions: tuple[Question, ...]
    files: tuple[str, ...] = field(default=())  # as the OS names them (openable, maybe not UTF-8)


def to_dict(node: Any) -> Any:
    """A JSON-ready dump of any model value, with each node's class name under `type`."""
    if is_dataclass(node) and not isinstance(node, type):
        out: dict[str, Any] = {"type": type(node).__name__}
        for f in fields(node):
            out[f.name] = to_dict(getattr(node, f.name))
        return out
    if isinstance(node, tuple | list):
        return [to_dict(x) for x in node]
    return node
