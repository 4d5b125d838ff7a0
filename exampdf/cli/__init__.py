"""The exampdf command line: one module per command; only this package prints or exits."""

from __future__ import annotations

import importlib
import os
import sys
from typing import NoReturn

import click

from exampdf import __version__
from exampdf.i18n import Lang, set_lang

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
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, attr = COMMANDS[cmd_name]
        command: click.Command = getattr(importlib.import_module(module), attr)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="exampdf")
@click.option(
    "--lang",
    type=click.Choice(["ja", "en"]),
    default=None,
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
