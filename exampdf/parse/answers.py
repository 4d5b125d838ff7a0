"""The `## 正解` section → indices of the correct options, or a written question's model answer."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from exampdf.model import plain_text
from exampdf.parse.blocks import line_of
from exampdf.parse.inlines import inlines_of
from exampdf.parse.labels import classify, match_label

if TYPE_CHECKING:  # markdown-it is imported only when a file is parsed (not on cache hits)
    from markdown_it.tree import SyntaxTreeNode

_PREFIX = re.compile(
    r"^(?:正解|解答|答え|正答|答|correct answers?|answers?)\s*(?:[:：]|は)?\s*", re.I
)
_ALL_WORDS = r"すべて|全て|全部|すべて正解|全て正解|すべて正しい|all|all of them|all of the above"
_ALL_NOTE = re.compile(rf"[(（]\s*(?:{_ALL_WORDS})\s*[)）]\s*$", re.I)
_ALL_ONLY = re.compile(rf"(?:{_ALL_WORDS})", re.I)
_SEPARATORS = re.compile(r"[\s、,，・/／&＆;；と]+|および|及び|\band\b")
_PAREN_NOTE = re.compile(r"[(（][^()（）]*[)）]\s*$")
_TRIM = "「」【】『』[]()（）.．。:：*"


@dataclass(frozen=True)
class ReadAnswer:
    """What the answer line says: some labels, every option, or free text (None, False)."""

    labels: tuple[str, ...] | None
    every: bool
    line: int
    text: str


def answer_text(node: SyntaxTreeNode) -> str | None:
    """The text of the block that states the answer (a paragraph or a short list)."""
    if node.type == "paragraph":
        return plain_text(inlines_of(node))
    if node.type in ("bullet_list", "ordered_list"):
        items = [plain_text(inlines_of(p)) for item in node.children for p in item.children]
        return "、".join(items)
    return None


def _tokens(text: str) -> tuple[str, ...] | None:
    parts = [p.strip(_TRIM) for p in _SEPARATORS.split(text) if p.strip(_TRIM)]
    if parts and all(classify(p) is not None for p in parts):
        return tuple(parts)
    return None


def read_answer(node: SyntaxTreeNode) -> ReadAnswer:
    """Labels named by the first block of the answer section, forgiving the usual wrappers."""
    raw = answer_text(node) or ""
    line = line_of(node)
    text = _PREFIX.sub("", unicodedata.normalize("NFC", raw).strip()).strip().strip("。.")
    text = text.strip("「」【】*").strip()
    every = bool(_ALL_NOTE.search(text))
    text = _ALL_NOTE.sub("", text).strip()
    text = _PAREN_NOTE.sub("", text).strip() or text
    if _ALL_ONLY.fullmatch(text):
        return ReadAnswer((), True, line, raw)
    labels = _tokens(text)
    if labels is None:
        first = text.split("\n")[0]
        label = match_label(first)
        labels = (label.written,) if label is not None else None
    return ReadAnswer(labels, every, line, raw)
