"""Input limits: oversized, malformed or absurd question files become diagnostics, not hangs."""

from __future__ import annotations

import re
from pathlib import Path

from exampdf.diagnostics import Diagnostic, error, warning
from exampdf.i18n import msg
from exampdf.model import Block, CodeBlock, Question, Table, walk

# Generous for any real question (a typical file is a few KiB); small enough that the worst
# Markdown inputs of this size still parse in seconds, not minutes.
MAX_FILE_BYTES = 128 * 1024  # markdown-it takes ~4 s per 100 KiB of the worst inline markup
MAX_LINE_CHARS = 5_000  # a longer line is pasted data (minified code, base64), not prose
# markdown-it's block rules are superlinear in the number of table rows and list items
# (8,000 rows: ~10 s); 3,000 lines parse in about a second whatever they hold, and hold
# three full 1,000-line code blocks.
MAX_LINES = 3_000
MAX_CODE_LINES = 1_000  # about 16 printed pages of code in one block
MAX_OPTIONS = 26  # A–Z
MAX_DEPTH = 8  # lists and quotes inside each other; markdown-it drops content past ~10
MAX_COLUMNS = 20  # more cannot be printed legibly across a page

# C0 controls except tab and newline, DEL, C1 controls, and the bidirectional overrides
# that can make a line display differently from what it says ("Trojan Source").
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def read_limited(path: Path) -> bytes:
    """At most MAX_FILE_BYTES + 1 bytes of the file: enough to tell that it is too big."""
    with path.open("rb") as f:
        return f.read(MAX_FILE_BYTES + 1)


def check_size(data: bytes, source: str) -> list[Diagnostic]:
    if len(data) <= MAX_FILE_BYTES:
        return []
    message = msg("E101", kib=MAX_FILE_BYTES // 1024)
    return [error("E101", message, source, 0, msg("E101.hint"))]


def clean_text(text: str, source: str) -> tuple[str | None, list[Diagnostic]]:
    """The text without control characters (W101), or None for lone surrogates or long lines."""
    if m := _SURROGATE.search(text):
        return None, [error("E107", msg("E107"), source, _line(text, m))]
    diags: list[Diagnostic] = []
    if m := _CONTROL.search(text):
        found = sorted({f"U+{ord(c):04X}" for c in _CONTROL.findall(text)})
        message = msg("W120", chars=", ".join(found[:5]))
        diags.append(warning("W120", message, source, _line(text, m), msg("W120.hint")))
        text = _CONTROL.sub("", text)
    lines = text.count("\n") + 1
    if lines > MAX_LINES:  # before markdown-it: what it would take long over is refused
        message = msg("E114", lines=lines, limit=MAX_LINES)
        return None, [*diags, error("E114", message, source, MAX_LINES + 1, msg("E114.hint"))]
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE_CHARS:
            message = msg("E102", length=len(line), limit=MAX_LINE_CHARS)
            return None, [*diags, error("E102", message, source, number, msg("E102.hint"))]
    return text, diags


def _line(text: str, m: re.Match[str]) -> int:
    return text.count("\n", 0, m.start()) + 1


def check_question(q: Question) -> list[Diagnostic]:
    """Structure a page cannot hold: deep nesting, wide tables, huge code (too many options:
    E104, found while the options are collected, before they are compared)."""
    diags: list[Diagnostic] = []
    seen: set[str] = set()
    for block, depth in walk.iter_blocks(q.stem + q.explanation + q.model_answer):
        for d in _check_block(block, depth, q.source):
            if d.code not in seen:  # the first place is enough to find the problem
                seen.add(d.code)
                diags.append(d)
    return diags


def _check_block(block: Block, depth: int, source: str) -> list[Diagnostic]:
    if depth > MAX_DEPTH:
        message = msg("E105", limit=MAX_DEPTH)
        return [error("E105", message, source, block.line, msg("E105.hint"))]
    if isinstance(block, Table):
        width = max([len(block.header), *(len(r) for r in block.rows)])
        if width > MAX_COLUMNS:
            message = msg("E106", width=width, limit=MAX_COLUMNS)
            return [error("E106", message, source, block.line, msg("E106.hint"))]
    if isinstance(block, CodeBlock):
        lines = block.code.count("\n")
        if lines > MAX_CODE_LINES:
            message = msg("E103", lines=lines, limit=MAX_CODE_LINES)
            return [error("E103", message, source, block.line, msg("E103.hint"))]
    return []
