"""Markdown question files → the model: `parse_bank(paths)` is the entry point."""

from exampdf.parse.bank import ParseResult, parse_bank, parse_bytes, parse_file
from exampdf.parse.question import parse_text

__all__ = ["ParseResult", "parse_bank", "parse_bytes", "parse_file", "parse_text"]
