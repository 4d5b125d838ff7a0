"""The exampdf command line: one module per command; only this package prints or exits."""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any, NoReturn

import click

from exampdf import __version__
from exampdf.cli.localize import LocalContext, localized, show_error
from exampdf.i18n import Lang, current, set_lang, t

# name -> (module, attribute). Commands load on first use, so `make` does not pay for the
# imports of preview (pypdfium2), grade (rich tables) or export.
COMMANDS = {
    "make": ("exampdf.cli.make", "make_cmd"),
    "check": ("exampdf.cli.bank", "check"),
    "init": ("exampdf.cli.bank", "init"),
    "grade": ("exampdf.cli.grade", "grade"),
    "export": ("exampdf.cli.export", "export"),
    "report": ("exampdf.cli.report", "report"),
    "preview": ("exampdf.cli.preview", "preview"),
    "watch": ("exampdf.cli.watch", "watch"),
    "scan": ("exampdf.cli.scan", "scan"),
}


class LazyGroup(click.Group):
    context_class = LocalContext

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, attr = COMMANDS[cmd_name]
        command: click.Command = getattr(importlib.import_module(module), attr)
        command.context_class = LocalContext  # help and usage in the user's language
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """In Japanese, one line per command: the first sentence of its help."""
        if current() != "ja":
            super().format_commands(ctx, formatter)
            return
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None:
                text = localized(" ".join((command.help or "").split()))
                rows.append((name, text.split("。")[0] + "。"))
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def main(  # type: ignore[override]
        self, args: list[str] | None = None, prog_name: str | None = None, **extra: Any
    ) -> Any:
        """click's main, with its errors told in the user's language (exit codes unchanged)."""
        if extra.pop("standalone_mode", True) is False:
            return super().main(args, prog_name, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, standalone_mode=False, **extra)
        except click.ClickException as error:
            show_error(error)
            sys.exit(error.exit_code)
        except click.Abort:
            click.echo(t("aborted"), err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


def _set_lang(ctx: click.Context, param: click.Parameter, value: Lang | None) -> Lang | None:
    set_lang(value)  # eager: `--lang ja --help` shows the help in Japanese
    return value


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="exampdf")
@click.option(
    "--lang",
    type=click.Choice(["ja", "en"]),
    default=None,
    is_eager=True,
    callback=_set_lang,
    help="Language of messages (default: from the locale, LANG=ja_JP… gives ja).",
)
def main(lang: Lang | None) -> None:
    """Turn a bank of Markdown questions into shuffled exam PDFs and an answer key."""
    set_lang(lang)


def run() -> NoReturn:
    """The `exampdf` script and `python -m exampdf`: the command line, then a prompt exit.

    A build leaves a large heap behind (fonts, layouts, caches) that the operating system
    takes back at once; Python's own teardown would free it object by object, a fifth of a
    second after the work is done. Every file is closed and moved in before this point.
    """
    code: int = 0
    try:
        main()
    except SystemExit as stop:
        if isinstance(stop.code, str):
            sys.stderr.write(f"{stop.code}\n")
            code = 1
        else:
            code = stop.code or 0
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
