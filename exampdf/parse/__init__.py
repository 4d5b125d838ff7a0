"""Markdown question files → the model: `parse_bank(paths)` is the entry point."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from exampdf.parse.bank import ParseResult, parse_bank, parse_bytes, parse_file

if TYPE_CHECKING:
    from exampdf.parse.question import parse_text

__all__ = ["ParseResult", "parse_bank", "parse_bytes", "parse_file", "parse_text"]


def __getattr__(name: str) -> Any:
    """`parse_text` on first use: a run whose files all come from the parse cache never loads
    the parser (exampdf.parse.question and the modules below it, ~15 ms)."""
    if name != "parse_text":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from exampdf.parse.question import parse_text

    return parse_text
