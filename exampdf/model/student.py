"""What a roster student's row puts into the name boxes (組・番号・氏名, 学籍番号, …)."""

from __future__ import annotations

from collections.abc import Sequence

from exampdf.parse.roster import Student


def name_values(fields: Sequence[str], student: Student | None) -> tuple[str, ...]:
    """One value per name field, by what the field's label asks for ("" when unknown)."""
    if student is None:
        return ()
    return tuple(_value(field, student) for field in fields)


def _value(field: str, s: Student) -> str:
    if "組" in field or "クラス" in field or field.lower() == "class":
        return s.klass
    if "学籍" in field or "生徒番号" in field or field.lower() in ("id", "student id"):
        return s.id
    if "番" in field or field.lower() in ("no", "no.", "number"):
        return s.number or s.id
    if "名" in field or field.lower() == "name":
        return s.name
    return ""
