"""Spread correct answers evenly over printed positions, by choosing among option orders."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from exampdf.model import Bank, Question
from exampdf.versions.types import ExamVersion, VersionItem, letter

Made = dict[tuple[int, tuple[int, ...]], VersionItem]  # items made so far, to share equal ones


def movable(q: Question) -> bool:
    """A single answer on a shuffled, unpinned option: its printed position can be chosen."""
    free = len(q.choices) - len(q.pinned)
    return q.shuffle and q.kind == "single" and free >= 2 and q.answer[0] not in q.pinned


def rotated(
    item: VersionItem, free: int, target: int, current: int, made: Made | None = None
) -> VersionItem:
    """The same order with its unpinned part rotated so the answer moves current -> target.
    Rotations of the hashed order are the candidates: deterministic, no rejection sampling."""
    k = (current - target) % free
    head = item.order[:free]
    order = (*head[k:], *head[:k], *item.order[free:])
    return interned({} if made is None else made, item.question, order)


def interned(made: Made, question: int, order: tuple[int, ...]) -> VersionItem:
    """The item of `made` equal to VersionItem(question, order), made if new."""
    found = made.get((question, order))
    if found is None:
        found = made[(question, order)] = VersionItem(question, order)
    return found


@dataclass(unsafe_hash=True)
class Shape:
    """What balancing needs of one question, worked out once for all versions."""

    answer: int  # the single answer's choice index; -1 for multi and written questions
    free: int  # unpinned options when the answer's position can be chosen (`movable`), else 0


def shape(q: Question) -> Shape:
    if q.kind != "single":
        return Shape(-1, 0)
    return Shape(q.answer[0], len(q.choices) - len(q.pinned) if movable(q) else 0)


def balance_items(bank: Bank, items: Sequence[VersionItem]) -> tuple[VersionItem, ...]:
    """Keep each hashed order unless its answer position is already full for this version.

    Questions are visited in printed order. After each one, a position is full at
    ceil(expected count so far), where a question with n unpinned options adds 1/n to each
    of its first n positions and a fixed answer (pinned or unshuffled) counts where it is.
    A moved answer goes to the emptiest position (nearest rotation on ties). Caps use only
    the questions visited so far, so a question never depends on the ones printed after it:
    adding or removing a question can only move answers of questions printed after it.
    """
    return balance_shaped(tuple(shape(q) for q in bank.questions), items)


def balance_shaped(
    shapes: Sequence[Shape], items: Sequence[VersionItem], made: Made | None = None
) -> tuple[VersionItem, ...]:
    """`balance_items` over the bank's precomputed shapes (indexed like Bank.questions)."""
    expected: list[float] = []
    load: list[int] = []
    out: list[VersionItem] = []
    for item in items:
        answer, free = shapes[item.question].answer, shapes[item.question].free
        if answer < 0:
            out.append(item)
            continue
        now = item.order.index(answer)
        while len(expected) < max(free, now + 1):
            expected.append(0.0)
            load.append(0)
        if not free:
            expected[now] += 1
            load[now] += 1
            out.append(item)
            continue
        share = 1 / free
        for p in range(free):
            expected[p] += share
        target = now
        if load[now] >= math.ceil(expected[now] - 1e-9):
            cap = [math.ceil(e - 1e-9) for e in expected[:free]]
            target = min(range(free), key=lambda t: (load[t] - cap[t], load[t], (now - t) % free))
        load[target] += 1
        out.append(rotated(item, free, target, now, made) if target != now else item)
    return tuple(out)


@dataclass(frozen=True)
class Spread:
    """Where the correct single answers are printed, per version (counts per position)."""

    codes: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]

    @property
    def total(self) -> tuple[int, ...]:
        width = max((len(c) for c in self.counts), default=0)
        return tuple(sum(c[p] for c in self.counts if p < len(c)) for p in range(width))

    def worst(self) -> tuple[str, int, int]:
        """(version, answers on its fullest position, single answers in it)."""
        best = ("", 0, 0)
        for code, counts in zip(self.codes, self.counts, strict=True):
            top = max(counts, default=0)
            if top * max(best[2], 1) > best[1] * max(sum(counts), 1) or not best[0]:
                best = (code, top, sum(counts))
        return best

    def lines_ja(self) -> list[str]:
        """The same report for the key booklet."""
        total = self.total
        answers = sum(total)
        if not answers:
            return []
        shares = "　".join(f"{letter(p)} {n * 100 / answers:.0f}%" for p, n in enumerate(total))
        code, top, size = self.worst()
        return [
            f"正解の位置（単一選択、{len(self.codes)}版の合計）：{shares}",
            f"最も偏った版：{code}版（{size}問中{top}問が同じ記号）",
        ]


def answer_spread(bank: Bank, versions: Sequence[ExamVersion]) -> Spread:
    rows = []
    for v in versions:
        counts: dict[int, int] = {}
        for item in v.items:
            q = bank.questions[item.question]
            if q.kind == "single":
                p = item.position(q.answer[0])
                counts[p] = counts.get(p, 0) + 1
        width = max(counts, default=-1) + 1
        rows.append(tuple(counts.get(p, 0) for p in range(width)))
    return Spread(tuple(v.code for v in versions), tuple(rows))
