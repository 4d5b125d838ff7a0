"""Checks that need the whole bank (duplicates, answer positions) and the summary `check` prints."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from exampdf.diagnostics import Diagnostic, error, warning
from exampdf.model import Bank, Block, Question, plain_text

MIN_FOR_DISTRIBUTION = 6
MAX_SHARE = 0.5


@dataclass(frozen=True)
class CheckReport:
    """What `exampdf check` prints: every diagnostic, then the summary lines."""

    bank: Bank
    diagnostics: tuple[Diagnostic, ...]
    summary: CheckSummary

    def summary_lines(self) -> list[str]:
        return self.summary.lines()


def check_bank(paths: Sequence[Path | str]) -> CheckReport:
    """Parse the bank at `paths` (bank checks included) and summarize it."""
    from exampdf.parse import parse_bank  # parse imports bank_diagnostics from here

    result = parse_bank(paths)
    return CheckReport(result.bank, result.diagnostics, summarize(result.bank))


def bank_diagnostics(bank: Bank, where: str = "") -> list[Diagnostic]:
    """Duplicate ids, duplicate question stems, answers piling up on one position, and option
    letters in explanations that shuffled keys cannot rewrite for certain (W014)."""
    from exampdf.parse.letterrefs import letter_diagnostics  # parse imports this module

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
                    f"question id “{q.id}” is also used by {first[q.id].source}",
                    q.source,
                    1,
                    "give one of them `id: another-name` in front matter",
                )
            )
        first.setdefault(q.id, q)
    return diags


def _block_text(block: Block) -> str:
    inlines = getattr(block, "inlines", None)
    if inlines is not None:
        return plain_text(inlines)
    if hasattr(block, "code"):
        return str(block.code)
    return ""


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
                    f"same question text as {other.source}:"
                    f"{other.stem[0].line if other.stem else other.line}",
                    q.source,
                    line,
                    "delete one copy, or reword it if both are wanted",
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
    path = where or (bank.files[0] if bank.files else "")
    return [
        warning(
            "W006",
            f"{count} of {total} single answers ({count * 100 // total}%) are "
            f"option {letter} as written",
            path,
            0,
            "move some correct options to other positions (shuffled exams are fine, "
            "but the source-order exam and students' guesses are not)",
        )
    ]


@dataclass(frozen=True)
class CheckSummary:
    files: int
    questions: int
    single: int
    multi: int
    written: int
    positions: tuple[tuple[str, int], ...]  # (letter, answers at that written position)

    def lines(self) -> list[str]:
        """Human-readable lines for the end of `exampdf check`."""
        out = [
            f"{self.files} files, {self.questions} questions "
            f"({self.single} single, {self.multi} multi, {self.written} written)",
        ]
        total = sum(count for _, count in self.positions)
        if total:
            shares = ", ".join(
                f"{letter} {count} ({count * 100 // total}%)" for letter, count in self.positions
            )
            out.append(f"correct answers by written position: {shares}")
        return out


def summarize(bank: Bank) -> CheckSummary:
    """Counts by kind and where the correct answers sit (every correct option counts once)."""
    kinds = Counter(q.kind for q in bank.questions)
    width = max((len(q.choices) for q in bank.questions), default=0)
    counts = Counter(i for q in bank.questions for i in q.answer)
    positions = tuple(
        (chr(ord("A") + i) if i < 26 else str(i + 1), counts[i]) for i in range(width)
    )
    return CheckSummary(
        len(bank.files),
        len(bank.questions),
        kinds["single"],
        kinds["multi"],
        kinds["written"],
        positions,
    )
