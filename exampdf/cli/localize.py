"""click in the user's language: `--help` texts and headings, and usage errors.

click words its own messages in English; with `--lang ja` (or a Japanese locale) the help
is written through a formatter that looks every text up in catalog/help.py, and a usage
error is told again from the exception's parts (which option, which value, which choices).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import click

from exampdf.catalog.help import HELP_JA, WORDS_JA
from exampdf.i18n import current, t

_HELP = {" ".join(en.split()): ja for en, ja in HELP_JA.items()}
_EXTRA = re.compile(r"\[(default|required)(:[^\]]*)?\]")


def help_ja(text: str) -> str | None:
    """The Japanese of an English help text (whitespace-insensitive), None if there is none."""
    return _HELP.get(" ".join(text.split()))


def localized(text: str) -> str:
    """A help text with its click extras (`[default: out]`) in the current language."""
    if current() != "ja":
        return text
    head, sep, extras = text.partition("  [")
    body = help_ja(head) or head
    tail = _EXTRA.sub(lambda m: f"[{WORDS_JA[m.group(1)]}{m.group(2) or ''}]", sep + extras)
    return body + tail


class LocalFormatter(click.HelpFormatter):
    """click's formatter, writing headings and help texts in the current language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None and current() == "ja":
            prefix = WORDS_JA["Usage:"] + " "
        super().write_usage(prog, args, prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(WORDS_JA.get(heading, heading) if current() == "ja" else heading)

    def write_text(self, text: str) -> None:
        super().write_text(localized(text))

    def write_dl(
        self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        super().write_dl([(term, localized(text)) for term, text in rows], col_max, col_spacing)


class LocalContext(click.Context):
    formatter_class = LocalFormatter


def show_error(error: click.ClickException) -> None:
    """What click's `show()` prints, in the current language."""
    if current() != "ja":
        error.show()
        return
    ctx = getattr(error, "ctx", None)
    if isinstance(error, click.UsageError) and ctx is not None:
        click.echo(ctx.get_usage(), err=True)
        click.echo(t("click.try", command=ctx.command_path) + "\n", err=True)
    click.secho(t("error_line", message=error_text(error)), err=True, fg="red")


def error_text(error: click.ClickException) -> str:
    """The exception's message told in Japanese from its parts; our own messages (already
    in the catalogue's language) pass through."""
    ctx = getattr(error, "ctx", None)
    if isinstance(error, click.NoSuchOption):
        return t("click.no_option", name=error.option_name)
    if isinstance(error, click.BadOptionUsage):
        return t("click.option_value", name=error.option_name)
    if isinstance(error, click.MissingParameter):
        name = _param_name(error.param, ctx) or error.param_hint or ""
        return t("click.missing", name=name)
    if isinstance(error, click.BadParameter):
        return _bad_parameter(error, ctx)
    message = error.format_message()
    if m := re.match(r"No such command '(.*)'", message):
        return t("click.no_command", name=m.group(1))
    if m := re.match(r"Got unexpected extra arguments? \((.*)\)", message):
        return t("click.extra", args=m.group(1))
    return message


def _param_name(param: click.Parameter | None, ctx: click.Context | None) -> str:
    if param is None:
        return ""
    return param.get_error_hint(ctx) if ctx is not None else param.name or ""


def _bad_parameter(error: click.BadParameter, ctx: click.Context | None) -> str:
    name = _param_name(error.param, ctx) or str(error.param_hint or "")
    kind = error.param.type if error.param is not None else None
    if isinstance(kind, click.Choice):
        choices = ", ".join(str(c) for c in kind.choices)
        return t("click.choice", name=name, choices=choices)
    if isinstance(kind, click.IntRange):
        return t("click.range", name=name, low=kind.min, high=kind.max)
    if isinstance(kind, click.Path):
        return t("click.path", name=name, detail=error.format_message())
    return t("click.bad_value", name=name, detail=error.format_message())
