"""Versions as references plus permutations: never rewritten copies of questions."""

from __future__ import annotations

import string
from dataclasses import dataclass

from exampdf.model.student import Student

LETTERS = string.ascii_uppercase


@dataclass(frozen=True)
class VersionItem:
    """One printed question of a version and the order its choices are printed in."""

    question: int  # index into Bank.questions
    order: tuple[int, ...]  # printed position -> index into the question's choices

    def position(self, choice: int) -> int:
        """Where bank choice `choice` is printed (0-based)."""
        return self.order.index(choice)

    def printed_answer(self, answer: tuple[int, ...]) -> tuple[int, ...]:
        """Printed positions of the given bank choice indices, ascending."""
        where = {choice: pos for pos, choice in enumerate(self.order)}
        return tuple(sorted(where[a] for a in answer))


@dataclass(frozen=True)
class ExamVersion:
    """One version of the exam: its code and its questions in printed order."""

    code: str
    items: tuple[VersionItem, ...]
    student: Student | None = None  # set when the exam is made from a roster


def version_code(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA, 27 -> AB, … (spreadsheet-style column names)."""
    code = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        code = LETTERS[rem] + code
    return code


def letter(index: int) -> str:
    """The option letter for a 0-based position: A, B, … Z, AA, …"""
    return version_code(index)
