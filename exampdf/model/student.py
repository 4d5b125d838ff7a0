"""A roster student, and what their row puts into the name boxes (組・番号・氏名, 学籍番号, …)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

# Letters and digits of any script are file-safe; full-width digits become ASCII (NFKC) so
# that １０１ and 101 are the same student, and 山田01 and 田中01 are not.
_UNSAFE = re.compile(r"[^\w-]+")


@dataclass(frozen=True)
class Student:
    """One student of a roster: the id names their version."""

    id: str  # the version code derives from this, so a student keeps the paper across rebuilds
    number: str = ""
    name: str = ""
    klass: str = ""
    line: int = field(default=0, compare=False)  # of the roster (its row in a spreadsheet)

    @property
    def code(self) -> str:
        """The version code: the id (NFKC) with anything unsafe for a file name replaced by '_'."""
        if self.id.isascii():
            return _UNSAFE.sub("_", self.id).strip("_") or "_"
        return _UNSAFE.sub("_", unicodedata.normalize("NFKC", self.id)).strip("_") or "_"


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
