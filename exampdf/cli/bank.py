"""`exampdf check` and `exampdf init`: validate a bank, or start a new one."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from exampdf.check import check_bank
from exampdf.cli.common import BANK_ARG, Format, fail, inputs_or_default, report, require_inputs
from exampdf.cli.progress import spread_lines
from exampdf.config import DEFAULT_SEED, ExamConfig
from exampdf.diagnostics import has_errors
from exampdf.i18n import t
from exampdf.layout import geometry, glyph_diagnostics, math_width_diagnostics, register_fonts
from exampdf.starter import write_starter
from exampdf.versions import VersionSpec, answer_spread, build_versions


@click.command()
@BANK_ARG
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["human", "json"]),
    default="human",
    show_default=True,
    help="Print diagnostics for people or as JSON for editors/CI.",
)
@click.option("--strict", is_flag=True, help="Treat warnings as errors (exit 1).")
@click.option(
    "--shuffle", is_flag=True, help="Also report where shuffled versions print the answers."
)
@click.option(
    "--versions",
    type=click.IntRange(1, 702),
    default=4,
    show_default=True,
    help="Versions to shuffle for that report.",
)
def check(bank: tuple[Path, ...], fmt: Format, strict: bool, shuffle: bool, versions: int) -> None:
    """Validate a bank: print every problem with file:line, exit 1 if there are errors."""
    inputs = inputs_or_default(bank)
    require_inputs(inputs)
    result = check_bank(inputs)
    # Characters no shipped font can draw: the same W101 that `make` reports.
    # Display formulas wider than an A4 column: the same W110 that `make` reports.
    fonts = register_fonts()
    column = geometry("A4").column_width
    diags = (
        *result.diagnostics,
        *glyph_diagnostics(result.bank, fonts),
        *math_width_diagnostics(result.bank, fonts, ExamConfig().base_size, column),
    )
    report(diags, fmt)
    if fmt == "human":
        for line in result.summary_lines():
            click.echo(line)
    if fmt == "human" and shuffle:
        # What shuffled versions would print (default seed), balance included.
        built = build_versions(result.bank, VersionSpec(versions, DEFAULT_SEED, True))
        for line in spread_lines(answer_spread(result.bank, built)):
            click.echo(line)
    if has_errors(diags, strict):
        sys.exit(1)


@click.command()
@click.argument("folder", type=click.Path(path_type=Path))
def init(folder: Path) -> None:
    """Create a starter bank (three example questions) and exam.toml in FOLDER."""
    if folder.exists() and any(folder.iterdir()):
        fail(t("init_not_empty", folder=folder))
    for path in write_starter(folder):
        click.echo(t("created", path=path))
