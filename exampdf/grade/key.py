"""key.json read tolerantly into the answer key grading needs (unknown fields are ignored)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal

from exampdf.diagnostics import Diagnostic, error
from exampdf.i18n import msg

Scoring = Literal["all", "partial"]
# Spellings accepted for a question's optional "scoring" field in key.json.
_SCORING: dict[str, Scoring] = {
    "all": "all",
    "all-or-nothing": "all",
    "完答": "all",
    "partial": "partial",
    "部分点": "partial",
}


@dataclass(frozen=True)
class KeyQuestion:
    number: int  # as printed in this version
    id: str  # the bank question this is
    order: tuple[str, ...]  # bank letters of the options in printed order; () when written
    answer: tuple[int, ...]  # printed positions (0-based) of the correct options
    points: int
    multi: bool
    scoring: Scoring = "all"
    source: str = ""

    @property
    def written(self) -> bool:
        return not self.order


@dataclass(frozen=True)
class KeyVersion:
    code: str
    questions: tuple[KeyQuestion, ...]

    @property
    def max_points(self) -> int:
        return sum(q.points for q in self.questions)


@dataclass(frozen=True)
class AnswerKey:
    title: str
    versions: tuple[KeyVersion, ...]

    def version(self, code: str) -> KeyVersion | None:
        return next((v for v in self.versions if v.code == code), None)

    def bank_ids(self) -> tuple[str, ...]:
        """Every bank question once, in the order of its source file (the bank's order)."""
        first: dict[str, str] = {}
        for v in self.versions:
            for q in v.questions:
                first.setdefault(q.id, q.source)
        return tuple(sorted(first, key=lambda qid: (first[qid], qid)))


class KeyFormatError(ValueError):
    """key.json does not have the shape exampdf writes."""


def parse_key(text: str, path: str) -> tuple[AnswerKey | None, list[Diagnostic]]:
    try:
        return _key(json.loads(text)), []
    except json.JSONDecodeError as exc:
        return None, [error("G001", msg("G001.json", reason=exc.msg), path, exc.lineno)]
    except KeyFormatError as exc:
        return None, [error("G001", msg("G001", detail=exc), path, 0, msg("G001.hint"))]


def _key(data: Any) -> AnswerKey:
    versions = _list(_field(data, "versions"), "versions")
    if not versions:
        raise KeyFormatError("'versions' is empty")
    return AnswerKey(str(data.get("title", "")), tuple(_version(v) for v in versions))


def _version(data: Any) -> KeyVersion:
    code = str(_field(data, "code"))
    questions = _list(_field(data, "questions"), f"version {code} questions")
    return KeyVersion(code, tuple(_question(q, code) for q in questions))


def _question(data: Any, code: str) -> KeyQuestion:
    where = f"version {code}"
    if not isinstance(data, dict):
        raise KeyFormatError(f"{where}: a question is not an object")
    order = tuple(str(x) for x in _list(data.get("order", []), f"{where} order"))
    answer = []
    for letter in _list(data.get("answer", []), f"{where} answer"):
        pos = _position(str(letter))
        if order and not 0 <= pos < len(order):
            number = data.get("number")
            raise KeyFormatError(f"{where} question {number}: answer {letter} has no option")
        answer.append(pos)
    scoring = _SCORING.get(str(data.get("scoring", "all")).strip().lower())
    if scoring is None:
        given = data["scoring"]
        raise KeyFormatError(f"{where}: scoring must be 'all' or 'partial', not {given!r}")
    points = data.get("points", 1)
    if not isinstance(points, int) or isinstance(points, bool) or points < 0:
        raise KeyFormatError(f"{where}: points must be a whole number")
    return KeyQuestion(
        number=int(data.get("number", 0)),
        id=str(_field(data, "id")),
        order=order,
        answer=tuple(sorted(answer)),
        points=points,
        multi=bool(data.get("multi", len(answer) > 1)),
        scoring=scoring,
        source=str(data.get("source", "")),
    )


def _position(letter: str) -> int:
    """Printed letters in key.json are A, B, … (AA after Z is never an option label)."""
    return ord(letter.strip().upper()[:1] or "?") - ord("A")


def _field(data: Any, name: str) -> Any:
    if not isinstance(data, dict) or name not in data:
        raise KeyFormatError(f"missing '{name}'")
    return data[name]


def _list(value: Any, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise KeyFormatError(f"'{what}' is not a list")
    return value
