"""Points per question and totals; scores.csv with one column per bank question."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from exampdf.csvfile import Cell, csv_text
from exampdf.grade.key import AnswerKey, KeyQuestion
from exampdf.grade.responses import Answer, Response


@dataclass(frozen=True)
class StudentScore:
    student: str
    version: str
    points: dict[str, float]  # bank question id -> points earned
    total: float
    max_points: int


def score_question(q: KeyQuestion, answer: Answer) -> float:
    """All-or-nothing (完答) unless key.json says `"scoring": "partial"` for a multi question."""
    if q.written or not isinstance(answer, tuple):
        return float(answer) if isinstance(answer, float) else 0.0
    chosen, correct = set(answer), set(q.answer)
    if not (q.multi and q.scoring == "partial"):
        return float(q.points) if chosen == correct else 0.0
    # Partial credit: each correct option earns its share, each wrong mark takes one back.
    net = len(chosen & correct) - len(chosen - correct)
    return q.points * max(0, net) / len(correct) if correct else 0.0


def score_all(responses: Sequence[Response], key: AnswerKey) -> list[StudentScore]:
    out = []
    for r in responses:
        version = key.version(r.version)
        assert version is not None  # read_responses only accepts known versions
        points = {
            q.id: score_question(q, a) for q, a in zip(version.questions, r.answers, strict=True)
        }
        out.append(
            StudentScore(r.student, r.version, points, sum(points.values()), version.max_points)
        )
    return out


def number(value: float) -> str:
    """2 → '2', 1.5 → '1.5', 2/3 → '0.67': what a spreadsheet cell should show."""
    return f"{round(value, 2):g}"


def scores_csv(scores: Sequence[StudentScore], key: AnswerKey) -> str:
    ids = key.bank_ids()
    rows: list[list[Cell]] = []
    for s in scores:
        # A question this student's version did not have is left empty, not 0.
        cells = [number(s.points[i]) if i in s.points else "" for i in ids]
        rows.append([s.student, s.version, *cells, number(s.total), s.max_points])
    return csv_text(["student", "version", *ids, "total", "max"], rows)
