"""Item analysis per bank question across versions: correct rate, discrimination, options chosen."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from exampdf.csvfile import Cell, csv_text
from exampdf.grade.key import AnswerKey, KeyQuestion
from exampdf.grade.responses import Response
from exampdf.grade.scoring import StudentScore, number, score_question

GROUP = 0.27  # Kelley's upper and lower 27%


@dataclass(frozen=True)
class ItemStats:
    id: str
    source: str
    points: int
    answer: tuple[str, ...]  # bank letters of the correct options; () for written questions
    letters: tuple[str, ...]  # bank letters of every option
    n: int  # students whose version had this question
    correct: int  # of them, with full points
    mean: float  # mean points earned / points
    discrimination: float | None  # upper 27% mean rate minus lower 27%; None below 2 students
    chosen: dict[str, int] = field(default_factory=dict)  # bank letter -> students marking it
    blank: int = 0

    @property
    def correct_rate(self) -> float:
        return self.correct / self.n if self.n else 0.0


def analyse(
    responses: Sequence[Response], scores: Sequence[StudentScore], key: AnswerKey
) -> list[ItemStats]:
    upper, lower = groups(scores)
    return [_item(qid, responses, scores, key, upper, lower) for qid in key.bank_ids()]


def groups(scores: Sequence[StudentScore]) -> tuple[set[str], set[str]]:
    """Students in the upper and lower 27% by total (ties broken by student id, so the
    split is reproducible)."""
    if len(scores) < 2:
        return set(), set()
    k = max(1, round(GROUP * len(scores)))
    ranked = sorted(scores, key=lambda s: (-s.total, s.student))
    return {s.student for s in ranked[:k]}, {s.student for s in ranked[-k:]}


def _item(
    qid: str,
    responses: Sequence[Response],
    scores: Sequence[StudentScore],
    key: AnswerKey,
    upper: set[str],
    lower: set[str],
) -> ItemStats:
    sample = _any_question(qid, key)
    chosen = {letter: 0 for letter in sorted(sample.order)}
    blank = correct = 0
    rates: dict[str, float] = {}
    for r in responses:
        version = key.version(r.version)
        assert version is not None
        for q, answer in zip(version.questions, r.answers, strict=True):
            if q.id != qid:
                continue
            earned = score_question(q, answer)
            rates[r.student] = earned / q.points if q.points else 0.0
            correct += q.points > 0 and earned == q.points
            if answer is None or answer == ():
                blank += 1
            elif isinstance(answer, tuple):
                for pos in answer:  # printed position -> the bank's own letter
                    chosen[q.order[pos]] += 1
    return ItemStats(
        id=qid,
        source=sample.source,
        points=sample.points,
        answer=tuple(sorted(sample.order[p] for p in sample.answer)),
        letters=tuple(sorted(sample.order)),
        n=len(rates),
        correct=correct,
        mean=sum(rates.values()) / len(rates) if rates else 0.0,
        discrimination=_discrimination(rates, upper, lower),
        chosen=chosen,
        blank=blank,
    )


def _discrimination(rates: dict[str, float], upper: set[str], lower: set[str]) -> float | None:
    up = [rates[s] for s in upper if s in rates]
    low = [rates[s] for s in lower if s in rates]
    if not up or not low:
        return None
    return sum(up) / len(up) - sum(low) / len(low)


def _any_question(qid: str, key: AnswerKey) -> KeyQuestion:
    return next(q for v in key.versions for q in v.questions if q.id == qid)


def item_csv(items: Sequence[ItemStats]) -> str:
    letters = sorted({letter for item in items for letter in item.letters})
    header = ["id", "points", "answer", "n", "correct_rate", "mean", "discrimination"]
    rows: list[list[Cell]] = []
    for it in items:
        d = "" if it.discrimination is None else number(it.discrimination)
        counts = [str(it.chosen[x]) if x in it.chosen else "" for x in letters]
        row: list[Cell] = [it.id, it.points, ";".join(it.answer), it.n, number(it.correct_rate)]
        rows.append([*row, number(it.mean), d, *counts, it.blank])
    return csv_text([*header, *letters, "blank"], rows)
