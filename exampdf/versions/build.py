"""Build the exam versions: picks per section, question order within sections, option order."""

from __future__ import annotations

from dataclasses import dataclass
from hashlib import sha256

from exampdf.config import SectionPick
from exampdf.model import Bank, Question
from exampdf.model.student import Student
from exampdf.versions.balance import Shape, balance_shaped, interned, shape
from exampdf.versions.seeding import rank, shuffled_key
from exampdf.versions.types import ExamVersion, VersionItem, version_code


@dataclass(frozen=True)
class VersionSpec:
    """How many versions to build and how (built by specs.py from the settings)."""

    count: int = 1
    seed: int = 0
    shuffle: bool = False
    picks: tuple[SectionPick, ...] = ()  # `pick = k` questions of a group; the rest all
    students: tuple[Student, ...] = ()  # one version per student (codes from ids); wins over count
    balance: bool = True  # spread correct answers over printed positions within each version

    def codes(self) -> tuple[str, ...]:
        if self.students:
            return tuple(s.code for s in self.students)
        return tuple(version_code(i) for i in range(self.count))


def build_versions(bank: Bank, spec: VersionSpec) -> tuple[ExamVersion, ...]:
    return VersionBuilder(bank, spec).part(0, len(spec.codes()))


class VersionBuilder:
    """The versions, any run of them at a time (make's two first processes share the work):
    what does not depend on the version code is worked out once for all versions."""

    def __init__(self, bank: Bank, spec: VersionSpec) -> None:
        self.bank, self.spec, self.codes = bank, spec, spec.codes()
        self.students: tuple[Student | None, ...] = spec.students or (None,) * spec.count
        vary = any(p.vary for p in spec.picks if p.pick > 0)
        self.fixed = None if vary else picked(bank, spec, "")
        self.plans = tuple(_OptionPlan.of(q, spec) for q in bank.questions)
        self.shapes = tuple(shape(q) for q in bank.questions)
        # Versions share equal items (W2: 9,000 distinct of 20,000): made once, they are
        # pickled once (prepare.Ahead) and cost one object each.
        self.made: dict[tuple[int, tuple[int, ...]], VersionItem] = {}

    def part(self, start: int, stop: int) -> tuple[ExamVersion, ...]:
        """Versions start to stop - 1, in order."""
        return tuple(
            _version(
                self.bank, self.spec, code, student, self.fixed, self.plans, self.shapes, self.made
            )
            for code, student in zip(self.codes[start:stop], self.students[start:stop], strict=True)
        )


@dataclass(unsafe_hash=True)
class _OptionPlan:
    """One question's option shuffle with the version code left out: `option_order` in parts."""

    free: tuple[int, ...] | None  # None: printed as written
    pinned: tuple[int, ...]
    prefix: str  # the shuffle key up to the version code
    suffix: str  # the shuffle key after it

    @classmethod
    def of(cls, question: Question, spec: VersionSpec) -> _OptionPlan:
        n = len(question.choices)
        if not spec.shuffle or not question.shuffle:
            return cls(None, tuple(range(n)), "", "")
        free = tuple(i for i in range(n) if i not in question.pinned)
        return cls(
            free,
            tuple(sorted(question.pinned)),
            f"options\x1f{spec.seed}\x1f",
            f"\x1f{question.id}",
        )

    def order(self, code: str) -> tuple[int, ...]:
        if self.free is None:
            return self.pinned
        return (*shuffled_key(self.free, self.prefix + code + self.suffix), *self.pinned)


def _version(
    bank: Bank,
    spec: VersionSpec,
    code: str,
    student: Student | None,
    fixed: list[int] | None,
    plans: tuple[_OptionPlan, ...],
    shapes: tuple[Shape, ...],
    made: dict[tuple[int, tuple[int, ...]], VersionItem],
) -> ExamVersion:
    order = picked(bank, spec, code) if fixed is None else fixed
    if spec.shuffle:
        order = _shuffle_within_sections(bank, order, spec.seed, code)
    items = tuple(interned(made, i, plans[i].order(code)) for i in order)
    if spec.shuffle and spec.balance:
        items = balance_shaped(shapes, items, made)
    return ExamVersion(code, items, student)


def sections(bank: Bank, order: list[int]) -> dict[str, list[int]]:
    """Group -> its questions; a section's place is where its first question appears."""
    out: dict[str, list[int]] = {}
    for i in order:
        out.setdefault(bank.questions[i].group, []).append(i)
    return out


def picked(bank: Bank, spec: VersionSpec, code: str) -> list[int]:
    """The questions this version prints, in bank order. `pick = k` keeps k of a group, chosen
    by a per-question hash (so every version gets the same k) unless `vary` salts it per version."""
    wanted = {p.group: p for p in spec.picks if p.pick > 0}
    keep: set[int] = set()
    for group, members in sections(bank, list(range(len(bank.questions)))).items():
        pick = wanted.get(group)
        if pick is None or pick.pick >= len(members):
            keep.update(members)
            continue
        salt = code if pick.vary else ""
        ranked = sorted(
            members, key=lambda i: rank("pick", spec.seed, group, salt, bank.questions[i].id)
        )
        keep.update(ranked[: pick.pick])
    return sorted(keep)


def _shuffle_within_sections(bank: Bank, order: list[int], seed: int, code: str) -> list[int]:
    """Sections (groups) keep their place; questions shuffle inside each one."""
    out: list[int] = []
    salt = f"questions\x1f{seed}\x1f{code}\x1f"  # rank("questions", seed, code, id), inlined
    for members in sections(bank, order).values():
        # Sorting by a per-question hash (not shuffling positions) means adding or removing
        # one question leaves the relative order of all the others unchanged.
        out.extend(
            sorted(members, key=lambda i: sha256((salt + bank.questions[i].id).encode()).digest())
        )
    return out


def option_order(question: Question, spec: VersionSpec, code: str) -> tuple[int, ...]:
    """Printed position -> choice index. Pinned choices stay last, in their written order."""
    return _OptionPlan.of(question, spec).order(code)
