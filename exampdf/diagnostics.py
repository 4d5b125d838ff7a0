"""Diagnostics about the user's files: severity, code, place, message, hint; human and JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from exampdf.i18n import Msg, t

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Diagnostic:
    """A problem found in the bank or the settings, printed as `file:line: severity[CODE]: text`."""

    severity: Severity
    code: str  # E001…, W001…: documented in docs/format.md
    text: Msg  # rendered in the language chosen when printed
    path: str  # the user's file as they named it
    line: int = 0  # 1-based; 0 when the problem concerns the whole file
    hint_text: Msg | None = None

    @property
    def message(self) -> str:
        return self.text.text()

    @property
    def hint(self) -> str:
        return self.hint_text.text() if self.hint_text else ""

    def human(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.severity}[{self.code}]: {self.message}"
        if self.hint:
            text += "\n  " + t("hint", hint=self.hint)
        return text

    def as_dict(self) -> dict[str, str | int]:
        return {
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "hint": self.hint,
        }


def error(code: str, message: Msg, path: str, line: int = 0, hint: Msg | None = None) -> Diagnostic:
    return Diagnostic("error", code, message, path, line, hint)


def warning(
    code: str, message: Msg, path: str, line: int = 0, hint: Msg | None = None
) -> Diagnostic:
    return Diagnostic("warning", code, message, path, line, hint)


def has_errors(diags: Iterable[Diagnostic], strict: bool = False) -> bool:
    return any(d.severity == "error" or strict for d in diags)


def sort_key(d: Diagnostic) -> tuple[str, int, str]:
    return (d.path, d.line, d.code)


def to_json(diags: Iterable[Diagnostic]) -> str:
    return json.dumps([d.as_dict() for d in diags], ensure_ascii=False, indent=2)
