"""Every message a user sees, in English and Japanese (`--lang`, default from the locale).

One catalogue, id -> (English, Japanese): the commands' own words below, the diagnostics'
messages and hints in exampdf/catalog/ (a test walks it all for missing translations).
Libraries keep data (`Msg`: an id and its values) and the CLI renders it in the language
chosen when it prints.
"""

from __future__ import annotations

import os
import string
from dataclasses import dataclass
from typing import Literal

from exampdf.catalog import DIAGNOSTIC_TEXTS
from exampdf.catalog.commands import COMMAND_TEXTS
from exampdf.catalog.review import REVIEW_TEXTS

Lang = Literal["en", "ja"]


CATALOG: dict[str, tuple[str, str]] = {**COMMAND_TEXTS, **REVIEW_TEXTS, **DIAGNOSTIC_TEXTS}

_lang: list[Lang] = []  # set once by the command group; empty means "from the locale"


def locale_lang(environ: dict[str, str] | None = None) -> Lang:
    """POSIX precedence: LC_ALL, then LC_MESSAGES, then LANG."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "en"


def set_lang(lang: Lang | None) -> None:
    _lang[:] = [lang] if lang else []


def current() -> Lang:
    return _lang[0] if _lang else locale_lang()


class _Formatter(string.Formatter):
    """`{n:#page}` is "1 page" / "2 pages": English counts agree with their noun."""

    def format_field(self, value: object, format_spec: str) -> str:
        if isinstance(value, Msg):  # a part of a message, in the same language
            return value.text()
        if format_spec.startswith("#"):
            noun = format_spec[1:]
            return f"{value} {noun if value == 1 else noun + 's'}"
        if format_spec.startswith("?"):  # `{n:?is|are}`: the word that agrees with n
            one, many = format_spec[1:].split("|")
            return one if value == 1 else many
        return format(value, format_spec)


_FORMATTER = _Formatter()


def t(key: str, **values: object) -> str:
    en, ja = CATALOG[key]
    return _FORMATTER.format(ja if current() == "ja" else en, **values)


@dataclass(frozen=True)
class Msg:
    """A message as data: its catalogue id and values, rendered when printed."""

    key: str
    values: tuple[tuple[str, object], ...] = ()

    def text(self, lang: Lang | None = None) -> str:
        en, ja = CATALOG[self.key]
        template = ja if (lang or current()) == "ja" else en
        return _FORMATTER.format(template, **dict(self.values))

    def __str__(self) -> str:
        return self.text()


def msg(key: str, /, **values: object) -> Msg:
    """A catalogue message; an unknown id fails here, where it is written."""
    if key not in CATALOG:
        raise KeyError(f"no message {key!r} in the catalogue")
    return Msg(key, tuple(values.items()))


def percent(part: int, whole: int) -> int:
    """A share in whole percent, halves rounded up (2 of 3 is 67, 1 of 8 is 13)."""
    return (200 * part + whole) // (2 * whole) if whole else 0
