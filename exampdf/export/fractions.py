"""Moodle answer fractions: single 100/0; multi +100/k per correct, -100/k per wrong option."""

from __future__ import annotations

from collections.abc import Sequence


def fractions(options: int, answer: Sequence[int], multi: bool) -> list[float]:
    """Percent of the question's points for marking each option. For multi questions a wrong
    mark cancels one correct one, which is exactly exampdf's partial-credit rule; every value
    is one Moodle's grade menu offers for k = 1…10."""
    correct = set(answer)
    if not multi or not correct:
        return [100.0 if i in correct else 0.0 for i in range(options)]
    share = 100.0 / len(correct)
    return [share if i in correct else -share for i in range(options)]


def moodle_number(value: float) -> str:
    """Moodle writes fractions with five decimals: 33.33333, 50, -25."""
    return f"{value:.5f}".rstrip("0").rstrip(".")
