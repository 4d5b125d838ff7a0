"""Source paths fit for outputs: relative to the bank folder, never naming the author's folders."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from exampdf.model import Bank
from exampdf.parse.files import display_path


def portable_source(source: str, inputs: Sequence[Path]) -> str:
    """`source` unchanged when it is below the working directory; else `<bank folder>/<rest>`.

    A path like `../../home/tanaka/2024/q01.md` or `/home/tanaka/…` would tell every reader
    of key.json or the key booklet how the author's machine is organised.
    """
    path = Path(source)
    if not path.is_absolute() and ".." not in path.parts:
        return source
    for given in inputs:
        base = Path(display_path(given))
        if given.is_dir() and path.is_relative_to(base):
            name = given.resolve().name or "bank"
            return (Path(name) / path.relative_to(base)).as_posix()
    return path.name


def portable_sources(bank: Bank, inputs: Sequence[Path]) -> Bank:
    """The bank with every question's `source` made portable (what outputs print)."""
    questions = tuple(replace(q, source=portable_source(q.source, inputs)) for q in bank.questions)
    return replace(bank, questions=questions)  # `files` stay readable (the fingerprint reads them)
