"""`exampdf check`: parse the bank (bank-wide checks included) and summarise it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from exampdf.diagnostics import Diagnostic
from exampdf.i18n import percent, t
from exampdf.model import Bank
from exampdf.parse import parse_bank


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
    result = parse_bank(paths)
    return CheckReport(result.bank, result.diagnostics, summarize(result.bank))


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
            t(
                "check_counts",
                files=self.files,
                questions=self.questions,
                single=self.single,
                multi=self.multi,
                written=self.written,
            )
        ]
        total = sum(count for _, count in self.positions)
        if total:
            shares = ", ".join(
                f"{letter} {count} ({percent(count, total)}%)" for letter, count in self.positions
            )
            out.append(t("check_positions", shares=shares))
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
