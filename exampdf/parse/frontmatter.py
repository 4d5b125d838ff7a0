"""Optional YAML front matter: `---` lines at the top of a file, checked key by key."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from exampdf.diagnostics import Diagnostic, error, warning
from exampdf.i18n import Msg, msg

KEYS = ("id", "points", "tags", "shuffle", "pin", "multi", "group", "lines")
_FENCE = re.compile(r"---[ \t]*")
_CLOSE = re.compile(r"(?:---|\.\.\.)[ \t]*")


@dataclass(frozen=True)
class FrontMatter:
    id: str | None = None
    points: int | None = None
    tags: tuple[str, ...] = ()
    shuffle: bool | None = None
    pin: tuple[str, ...] | None = None  # None: automatic; () : pin nothing
    multi: bool | None = None
    group: str | None = None
    lines: int | None = None
    key_lines: dict[str, int] = field(default_factory=dict)  # 1-based line of each key


def split(text: str, source: str) -> tuple[FrontMatter, str, list[Diagnostic]]:
    """The front matter and the body, front matter lines blanked so line numbers stay true."""
    lines = text.split("\n")
    if not lines or not _FENCE.fullmatch(lines[0]):
        return FrontMatter(), text, []
    end = next((i for i in range(1, len(lines)) if _CLOSE.fullmatch(lines[i])), None)
    if end is None:
        return FrontMatter(), text, []  # a thematic break, not front matter
    body = "\n" * (end + 1) + "\n".join(lines[end + 1 :])
    matter, diags = _load("\n".join(lines[1:end]), source)
    return matter, body, diags


def _load(yaml_text: str, source: str) -> tuple[FrontMatter, list[Diagnostic]]:
    import yaml  # only files with front matter need it: not imported at every start

    try:
        data = yaml.safe_load(yaml_text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or "syntax error"  # PyYAML's own words
        return FrontMatter(), [
            error(
                "E010",
                msg("E010.yaml", problem=problem),
                source,
                line,
                msg("E010.yaml.hint"),
            )
        ]
    if data is None:
        return FrontMatter(), []
    if not isinstance(data, dict):
        return FrontMatter(), [error("E010", msg("E010.mapping"), source, 2)]
    return _build({str(k): v for k, v in data.items()}, _key_lines(yaml_text), source)


def _key_lines(yaml_text: str) -> dict[str, int]:
    found: dict[str, int] = {}
    for number, line in enumerate(yaml_text.split("\n"), start=2):
        match = re.match(r"([A-Za-z_]\w*)\s*:", line)
        if match:
            found.setdefault(match.group(1), number)
    return found


def _build(
    data: dict[str, Any], key_lines: dict[str, int], source: str
) -> tuple[FrontMatter, list[Diagnostic]]:
    values: dict[str, Any] = {}
    diags: list[Diagnostic] = []
    for key, value in data.items():
        line = key_lines.get(key, 1)
        if key not in KEYS:
            diags.append(
                warning(
                    "W008",
                    msg("W008", key=key),
                    source,
                    line,
                    msg("W008.hint", known=", ".join(KEYS)),
                )
            )
            continue
        converted, problem = _convert(key, value)
        if problem:
            diags.append(
                error(
                    "E010",
                    msg("E010.value", key=key, problem=problem),
                    source,
                    line,
                    msg("E010.value.hint", example=EXAMPLES[key]),
                )
            )
        else:
            values[key] = converted
    return FrontMatter(**values, key_lines=key_lines), diags


_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")
EXAMPLES = {
    "id": "id: ch3-q07",
    "group": "group: 第3章",
    "shuffle": "shuffle: false",
    "multi": "multi: true",
    "points": "points: 2",
    "lines": "lines: 8",
    "tags": "tags: [ml, ch3]",
    "pin": "pin: [F]",
}


def _convert(key: str, value: Any) -> tuple[Any, Msg | None]:
    """(typed value, None) or (None, what is wrong with it)."""
    if key in ("id", "group"):
        ok = _is_word(value) and str(value).strip()
        if ok and _CONTROLS.search(str(value)):  # YAML's "\0", "\t", "\x1b" escapes
            return None, msg("must.no_controls")
        return (str(value).strip(), None) if ok else (None, msg("must.text"))
    if key in ("shuffle", "multi"):
        return (value, None) if isinstance(value, bool) else (None, msg("must.bool"))
    if key in ("points", "lines"):
        low = 0 if key == "points" else 1
        if isinstance(value, int) and not isinstance(value, bool) and low <= value <= 1000:
            return value, None
        return None, msg("must.whole", low=low, high=1000)
    found = _str_list(value, allow_false=key == "pin")
    if found is None:
        return None, msg("must.pin_list") if key == "pin" else msg("must.list")
    return found, None


def _is_word(value: Any) -> bool:
    """Text, a number or a date (YAML reads `2024-04-01` as a date): usable as a word."""
    return isinstance(value, str | int | float | date) and not isinstance(value, bool)


def _str_list(value: Any, allow_false: bool) -> tuple[str, ...] | None:
    """`[a, b]`, `a, b` or a single word as a tuple of words; `false` as () when allowed."""
    if isinstance(value, str):
        return tuple(part.strip() for part in re.split(r"[,、，]", value) if part.strip())
    if _is_word(value):
        return (str(value),)
    if isinstance(value, list) and all(_is_word(v) for v in value):
        return tuple(str(v).strip() for v in value)
    if allow_false and value is False:
        return ()
    return None
