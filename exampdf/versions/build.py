"""Build the exam versions: question order within sections and option order per question."""

from __future__ import annotations

from dataclasses import dataclass

from exampdf.model import Bank, Question
from exampdf.versions.seeding import rank, shuffled
from exampdf.versions.types import ExamVersion, VersionItem, version_code


@dataclass(frozen=True)
class VersionSpec:
    count: int = 1
    seed: int = 0
    shuffle: bool = False


def build_versions(bank: Bank, spec: VersionSpec) -> tuple[ExamVersion, ...]:
    return tuple(_version(bank, spec, version_code(i)) for i in range(spec.count))


def _version(bank: Bank, spec: VersionSpec, code: str) -> ExamVersion:
    order = list(range(len(bank.questions)))
    if spec.shuffle:
        order = _shuffle_within_sections(bank, order, spec.seed, code)
    items = tuple(VersionItem(i, option_order(bank.questions[i], spec, code)) for i in order)
    return ExamVersion(code, items)


def _shuffle_within_sections(bank: Bank, order: list[int], seed: int, code: str) -> list[int]:
    """Sections (groups) keep their place; questions shuffle inside each one."""
    sections: dict[str, list[int]] = {}  # first appearance decides a section's place
    for i in order:
        sections.setdefault(bank.questions[i].group, []).append(i)
    out: list[int] = []
    for members in sections.values():
        # Sorting by a per-question hash (not shuffling positions) means adding or removing
        # one question leaves the relative order of all the others unchanged.
        out.extend(
            sorted(members, key=lambda i: rank("questions", seed, code, bank.questions[i].id))
        )
    return out


def option_order(question: Question, spec: VersionSpec, code: str) -> tuple[int, ...]:
    """Printed position -> choice index. Pinned choices stay last, in their written order."""
    n = len(question.choices)
    if not spec.shuffle or not question.shuffle:
        return tuple(range(n))
    free = [i for i in range(n) if i not in question.pinned]
    pinned = sorted(question.pinned)
    return (*shuffled(free, "options", spec.seed, code, question.id), *pinned)
