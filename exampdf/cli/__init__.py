"""The exampdf command line: one module per command; only this package prints or exits."""

from __future__ import annotations

import click

from exampdf import __version__
from exampdf.cli.bank import check, init
from exampdf.cli.export import export
from exampdf.cli.grade import grade
from exampdf.cli.make import make_cmd
from exampdf.cli.preview import preview
from exampdf.cli.report import report
from exampdf.cli.watch import watch
from exampdf.i18n import Lang, set_lang


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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


main.add_command(make_cmd, name="make")
main.add_command(check)
main.add_command(init)
main.add_command(grade)
main.add_command(export)
main.add_command(report)
main.add_command(preview)
main.add_command(watch)
