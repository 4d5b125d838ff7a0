"""Exam settings: defaults, exam.toml (with the line of every bad key), command-line overrides."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from datetime import date
from pathlib import Path
from typing import Any, Literal

from exampdf.diagnostics import Diagnostic, error
from exampdf.i18n import Msg, msg

LabelStyle = Literal["A", "ア", "1", "①"]
DEFAULT_SEED = 20240401


@dataclass(frozen=True)
class SectionPick:
    """`[[sections]]` in exam.toml: take `pick` questions of `group` (all when 0)."""

    group: str
    pick: int = 0
    vary: bool = False  # each version draws its own picks (else every version gets the same)
    where: str = field(default="", compare=False)  # the settings file and line, for messages
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class ExamConfig:
    """Every setting of an exam: exam.toml, then the command line's options over it."""

    # what the paper says
    title: str = "確認テスト"
    subtitle: str = ""
    subject: str = ""
    school: str = ""
    author: str = ""  # PDF metadata; the school when empty
    date: str = ""
    duration: str = ""
    instructions: tuple[str, ...] = ()
    name_fields: tuple[str, ...] = ("組", "番号", "氏名")
    # how it looks
    paper: str = "A4"
    orientation: Literal["portrait", "landscape"] = "portrait"
    columns: int = 0  # 0: automatic (2 where a line would exceed ~48 characters, else 1)
    font: Literal["mincho", "gothic"] = "mincho"
    base_size: float = 10.5
    label_style: LabelStyle = "A"
    show_points: bool = False
    cover: bool = False
    answer_sheet: bool = False
    id_digits: int = 0  # student-number grid columns on answer sheets (0: the roster's IDs, else 8)
    simplex: bool = False  # no blank pages to start versions on odd pages
    # versions
    shuffle: bool = False
    versions: int = 0  # 0: 4 with shuffle, else 1
    seed: int = DEFAULT_SEED
    sections: tuple[SectionPick, ...] = ()
    roster: str = ""  # CSV of students: one version each
    key_per_version: bool = False
    balance: bool = True  # spread correct answers over the printed letters in each version
    strict: bool = False
    allow_outside_images: bool = False  # images may come from outside the bank folder
    allow_outside_questions: bool = False  # question files may be symlinks leading out of it

    @property
    def pdf_author(self) -> str:
        return self.author or self.school

    @property
    def version_count(self) -> int:
        return self.versions or (4 if self.shuffle else 1)


CONFIG_NAME = "exam.toml"
_FIELDS = {f.name: f for f in fields(ExamConfig)}
_TUPLES = {"instructions", "name_fields"}
# Keys with a closed set of values: a wrong value is a diagnostic, never a KeyError later.
CHOICES: dict[str, tuple[object, ...]] = {
    "paper": ("A4", "B5", "B4", "A3", "letter"),
    "orientation": ("portrait", "landscape"),
    "columns": (0, 1, 2),
    "font": ("mincho", "gothic"),
    "label_style": ("A", "ア", "1", "①"),
}
RANGES: dict[str, tuple[float, float]] = {"base_size": (7.0, 16.0), "versions": (0, 702)}


def load_config(path: Path) -> tuple[ExamConfig, list[Diagnostic]]:
    """Read exam.toml; every problem is a diagnostic with the key's line, never an exception."""
    import tomllib  # only folders with an exam.toml need it: not imported at every start

    where = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
        data = tomllib.loads(text)
    except UnicodeDecodeError:
        return ExamConfig(), [error("C001", msg("C001.utf8"), where)]
    except tomllib.TOMLDecodeError as exc:
        line = int(m.group(1)) if (m := re.search(r"line (\d+)", str(exc))) else 0
        return ExamConfig(), [error("C001", msg("C001.toml", reason=exc), where, line)]
    except OSError as exc:
        return ExamConfig(), [error("C001", msg("C001.read", reason=exc.strerror), where)]
    return from_mapping(data, where, text)


def from_mapping(
    data: dict[str, Any], where: str, text: str = ""
) -> tuple[ExamConfig, list[Diagnostic]]:
    diags: list[Diagnostic] = []
    values: dict[str, Any] = {}
    spelled: dict[str, str] = {}  # setting -> the key that set it (answer-sheet, answer_sheet)
    for key, value in data.items():
        name = key.replace("-", "_")
        line = _line_of(text, key)
        if name in spelled:
            message = msg("C005", key=key, other=spelled[name])
            diags.append(error("C005", message, where, line, msg("C005.hint")))
            continue
        spelled[name] = key
        if name == "sections":
            values["sections"] = _sections(value, where, _headers(text, key) or [line], diags)
        elif name not in _FIELDS:
            known = ", ".join(sorted(k for k in _FIELDS if k != "strict"))
            hint = msg("C002.hint", known=known)
            diags.append(error("C002", msg("C002", key=key), where, line, hint))
        else:
            coerced = _coerce(name, value)
            if coerced is None:
                message = msg("C003", key=key, kind=type(value).__name__)
                diags.append(error("C003", message, where, line))
            elif problem := check_value(name, coerced):
                diags.append(error("C004", msg("C004", key=key, problem=problem), where, line))
            else:
                values[name] = coerced
    return replace(ExamConfig(), **values), diags


def check_value(name: str, value: Any) -> Msg | None:
    """Why `value` is not allowed for `name` (None when it is)."""
    if name in CHOICES and value not in CHOICES[name]:
        choices = ", ".join(repr(c) for c in CHOICES[name])
        return msg("must.one_of", choices=choices, value=repr(value))
    if name in RANGES:
        low, high = RANGES[name]
        if not low <= value <= high:
            return msg("must.between", low=f"{low:g}", high=f"{high:g}", value=repr(value))
    if name == "name_fields" and not value:
        return msg("must.one_field")
    return None


def _coerce(name: str, value: Any) -> Any:
    default = getattr(ExamConfig(), name)
    if name in _TUPLES:
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(value)
        return None
    if isinstance(default, bool):
        return value if isinstance(value, bool) else None
    if isinstance(default, float):
        return (
            float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
        )
    if isinstance(default, int):
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    if isinstance(default, str):  # title = 123 or true is a mistake, not "123" or "True"
        if name == "date" and isinstance(value, date):  # date = 2024-12-03, a TOML date
            return value.isoformat()
        return value if isinstance(value, str) else None
    return None


def _sections(
    value: Any, where: str, lines: list[int], diags: list[Diagnostic]
) -> tuple[SectionPick, ...]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        line = lines[0] if lines else 0
        diags.append(error("C003", msg("C003.sections"), where, line))
        return ()
    out = []
    for n, item in enumerate(value):
        line = lines[min(n, len(lines) - 1)] if lines else 0
        group = item.get("group")
        pick, vary = item.get("pick", 0), item.get("vary", False)
        if not isinstance(group, str) or type(pick) is not int or not isinstance(vary, bool):
            diags.append(error("C003", msg("C003.section"), where, line))
        elif pick < 0 or not group.strip():
            what = msg("C004.pick", pick=pick) if pick < 0 else msg("C004.group")
            diags.append(error("C004", what, where, line))
        else:
            out.append(SectionPick(group, pick, vary, where, line))
    return tuple(out)


def _headers(text: str, key: str) -> list[int]:
    """The lines of every `[[sections]]` header, in order."""
    pattern = rf"^[ \t]*\[\[[ \t]*{re.escape(key)}[ \t]*\]\]"
    return [text.count("\n", 0, m.start()) + 1 for m in re.finditer(pattern, text, re.M)]


def _line_of(text: str, key: str) -> int:
    """The 1-based line where `key` is set (tomllib keeps no positions)."""
    m = re.search(rf"^[ \t]*(\[\[)?[ \t]*{re.escape(key)}[ \t]*(=|\]\])", text, re.MULTILINE)
    return text.count("\n", 0, m.start()) + 1 if m else 0


def with_overrides(config: ExamConfig, **overrides: Any) -> ExamConfig:
    """Command-line values win over exam.toml; None means 'not given on the command line'."""
    given = {k: v for k, v in overrides.items() if v is not None}
    return replace(config, **given)


def unknown_groups(config: ExamConfig, groups: set[str]) -> list[Diagnostic]:
    """C006 for every `[[sections]]` group that no question of the bank belongs to."""
    names = ", ".join(sorted(g for g in groups if g))
    hint = msg("C006.hint", known=names) if names else msg("C006.none")
    return [
        error(
            "C006",
            msg("C006", group=pick.group),
            pick.where or CONFIG_NAME,
            pick.line,
            hint,
        )
        for pick in config.sections
        if pick.group not in groups
    ]
