"""Checks that need the whole bank: duplicate ids and stems, answers piling up on one position."""

from __future__ import annotations

import unicodedata
from collections import Counter
from pathlib import Path

from exampdf.diagnostics import Diagnostic, error, warning
from exampdf.i18n import msg, percent
from exampdf.model import Bank, Block, CodeBlock, Question, plain_text, walk
from exampdf.parse.files import display_path
from exampdf.parse.letterrefs import letter_diagnostics

MIN_FOR_DISTRIBUTION = 6
MAX_SHARE = 0.5


def bank_diagnostics(
    bank: Bank, where: str = "", letters: list[Diagnostic] | None = None
) -> list[Diagnostic]:
    """Duplicate ids, duplicate question stems, answers piling up on one position, and option
    letters in explanations that shuffled keys cannot rewrite for certain (W014; `letters`:
    those of every question, in bank order, when already known from the parse cache)."""
    if letters is None:
        letters = [d for q in bank.questions for d in letter_diagnostics(q)]
    return _duplicate_ids(bank) + _duplicate_stems(bank) + _distribution(bank, where) + letters


def _duplicate_ids(bank: Bank) -> list[Diagnostic]:
    first: dict[str, Question] = {}
    diags: list[Diagnostic] = []
    for q in bank.questions:
        if q.id in first:
            diags.append(
                error(
                    "E009",
                    msg("E009", id=q.id, other=first[q.id].source),
                    q.source,
                    1,
                    msg("E009.hint"),
                )
            )
        first.setdefault(q.id, q)
    return diags


def _block_text(block: Block) -> str:
    """A paragraph's or heading's text, a code block's code; nothing of lists, tables, quotes."""
    if isinstance(block, CodeBlock):
        return block.code
    return "".join(plain_text(s.inlines) for s in walk.spans(block) if s.row is None)


def stem_key(question: Question) -> str:
    """The stem reduced to what a reader compares: NFKC, no spaces or line breaks, lower case."""
    text = "".join(_block_text(b) for b in question.stem)
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


def _duplicate_stems(bank: Bank) -> list[Diagnostic]:
    first: dict[str, Question] = {}
    diags: list[Diagnostic] = []
    for q in bank.questions:
        key = stem_key(q)
        if key and key in first and first[key].source != q.source:
            other = first[key]
            line = q.stem[0].line if q.stem else q.line
            diags.append(
                warning(
                    "W001",
                    msg(
                        "W001",
                        other=other.source,
                        line=other.stem[0].line if other.stem else other.line,
                    ),
                    q.source,
                    line,
                    msg("W001.hint"),
                )
            )
        first.setdefault(key, q)
    return diags


def _distribution(bank: Bank, where: str) -> list[Diagnostic]:
    positions = Counter(q.answer[0] for q in bank.questions if q.kind == "single" and q.answer)
    total = sum(positions.values())
    if total < MIN_FOR_DISTRIBUTION:
        return []
    index, count = max(positions.items(), key=lambda item: (item[1], -item[0]))
    if count / total < MAX_SHARE:
        return []
    letter = chr(ord("A") + index) if index < 26 else str(index + 1)
    path = where or (display_path(Path(bank.files[0])) if bank.files else "")
    return [
        warning(
            "W006",
            msg("W006", count=count, total=total, share=percent(count, total), letter=letter),
            path,
            0,
            msg("W006.hint"),
        )
    ]
