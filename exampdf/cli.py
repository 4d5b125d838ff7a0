"""The exampdf command line: parse options, run the pipeline, print diagnostics, set exit codes."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import click

from exampdf import __version__
from exampdf.diagnostics import Diagnostic, has_errors, sort_key, to_json
from exampdf.layout.page import PAPERS
from exampdf.pipeline import DEFAULT_SEED, DEFAULT_TITLE, MakeOptions, inputs_or_default, make

BANK_ARG = click.argument("bank", nargs=-1, type=click.Path(path_type=Path))
Format = Literal["human", "json"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="exampdf")
def main() -> None:
    """Turn a bank of Markdown questions into shuffled exam PDFs and an answer key."""


@main.command()
@BANK_ARG
@click.option(
    "-o",
    "--out",
    type=click.Path(path_type=Path),
    default=Path("out"),
    show_default=True,
    help="Folder for exam.pdf, answer-key.pdf, key.json, key.csv.",
)
@click.option(
    "--shuffle/--no-shuffle",
    default=False,
    show_default=True,
    help="Shuffle questions (within sections) and options for each version.",
)
@click.option(
    "--versions",
    type=click.IntRange(1, 702),
    default=None,
    help="Number of versions (A, B, …). Default: 4 with --shuffle, else 1.",
)
@click.option(
    "--seed",
    type=int,
    default=DEFAULT_SEED,
    show_default=True,
    help="Seed for shuffling; the same seed rebuilds the same versions.",
)
@click.option("--title", default=DEFAULT_TITLE, show_default=True, help="Exam title.")
@click.option(
    "--paper", type=click.Choice(list(PAPERS)), default="A4", show_default=True, help="Paper size."
)
@click.option(
    "--font",
    type=click.Choice(["mincho", "gothic"]),
    default="mincho",
    show_default=True,
    help="Body typeface (BIZ UD Mincho or BIZ UD PGothic).",
)
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option(
    "--diagnostic-format",
    "fmt",
    type=click.Choice(["human", "json"]),
    default="human",
    show_default=True,
    help="How problems in the bank are printed.",
)
def make_cmd(
    bank: tuple[Path, ...],
    out: Path,
    shuffle: bool,
    versions: int | None,
    seed: int,
    title: str,
    paper: str,
    font: Literal["mincho", "gothic"],
    strict: bool,
    fmt: Format,
) -> None:
    """Write exam sheets, the answer-key booklet and key files from BANK (default: questions/)."""
    _require_inputs(inputs_or_default(bank))
    options = MakeOptions(
        inputs_or_default(bank), out, shuffle, versions, seed, title, paper, font, strict
    )
    try:
        result = make(options)
    except OSError as exc:
        raise click.ClickException(f"cannot write output: {exc}") from exc
    _report(result.diagnostics, fmt)
    if not result.ok:
        _fail("nothing written: fix the errors above")
    click.echo(
        f"{result.questions} questions, {result.versions} versions, seed {seed}: "
        + ", ".join(
            f"{p} ({result.pages.get(p.name, 0)} pages)" if p.suffix == ".pdf" else str(p)
            for p in result.written
        ),
        err=True,
    )


main.add_command(make_cmd, name="make")


@main.command()
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
def check(bank: tuple[Path, ...], fmt: Format, strict: bool) -> None:
    """Validate a bank: print every problem with file:line, exit 1 if there are errors."""
    from exampdf.check import check_bank

    inputs = inputs_or_default(bank)
    _require_inputs(inputs)
    report = check_bank(inputs)
    _report(report.diagnostics, fmt)
    if fmt == "human":
        for line in report.summary_lines():
            click.echo(line)
    if has_errors(report.diagnostics, strict):
        sys.exit(1)


@main.command()
@click.argument("folder", type=click.Path(path_type=Path))
def init(folder: Path) -> None:
    """Create a starter bank (three example questions) and exam.toml in FOLDER."""
    from exampdf.starter import write_starter

    if folder.exists() and any(folder.iterdir()):
        _fail(f"{folder} is not empty; choose a new folder")
    for path in write_starter(folder):
        click.echo(f"created {path}")


def _require_inputs(paths: Sequence[Path]) -> None:
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise click.UsageError(f"no such file or folder: {', '.join(missing)}")


def _report(diags: Sequence[Diagnostic], fmt: Format) -> None:
    ordered = sorted(diags, key=sort_key)
    if fmt == "json":
        click.echo(to_json(ordered))
        return
    for d in ordered:
        click.secho(d.human(), err=True, fg="red" if d.severity == "error" else "yellow")


def _fail(message: str) -> None:
    click.secho(f"error: {message}", err=True, fg="red")
    sys.exit(1)
