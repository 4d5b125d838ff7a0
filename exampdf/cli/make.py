"""`exampdf make`: options (over exam.toml), the pipeline, what was written."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import click

from exampdf.cli.common import (
    BANK_ARG,
    Format,
    fail,
    inputs_or_default,
    report,
    require_inputs,
)
from exampdf.cli.options import exam_config, exam_options
from exampdf.cli.progress import (
    MakeProgress,
    echo_lines,
    spread_lines,
    summary_lines,
    timing_lines,
)
from exampdf.config import ExamConfig
from exampdf.diagnostics import has_errors
from exampdf.i18n import t
from exampdf.prepare import Ahead

PASSWORD_ENV = "EXAMPDF_KEY_PASSWORD"


@click.command()
@BANK_ARG
@click.option(
    "-o",
    "--out",
    type=click.Path(path_type=Path),
    default=Path("out"),
    show_default=True,
    help="Folder for exam.pdf, answer-key.pdf, key.json, key.csv.",
)
@exam_options
@click.option(
    "--allow-outside-questions",
    is_flag=True,
    default=None,
    help="Let question files be symlinks to files outside the bank folder.",
)
@click.option(
    "--encrypt",
    is_flag=True,
    help=f"Password-protect the answer keys (AES-256); password from ${PASSWORD_ENV} or a prompt.",
)
@click.option(
    "--diagnostic-format",
    "fmt",
    type=click.Choice(["human", "json"]),
    default="human",
    show_default=True,
    help="How problems in the bank are printed.",
)
@click.option(
    "--jobs",
    type=click.IntRange(1, 64),
    default=None,
    help="Processes writing PDFs at once (default: the machine's cores); output is identical.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
@click.option("-v", "--verbose", is_flag=True, help="Also print how long each stage took.")
def make_cmd(
    bank: tuple[Path, ...],
    out: Path,
    fmt: Format,
    quiet: bool,
    verbose: bool,
    encrypt: bool,
    jobs: int | None,
    **options: object,
) -> None:
    """Write exam sheets, the answer-key booklet and key files from BANK (default: questions/)."""
    with _fewer_collections():
        _make(bank, out, fmt, quiet, verbose, encrypt, jobs, options)


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """A build allocates millions of short-lived objects and makes few cycles: collecting
    less often saves about a quarter of the time at the same peak memory (bench/README.md)."""
    old = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(100_000, 50, 1000)
    try:
        yield
    finally:
        gc.set_threshold(*old)
        gc.unfreeze()


def _make(
    bank: tuple[Path, ...],
    out: Path,
    fmt: Format,
    quiet: bool,
    verbose: bool,
    encrypt: bool,
    jobs: int | None,
    options: dict[str, object],
) -> None:
    inputs = inputs_or_default(bank)
    require_inputs(inputs)
    require_folder(out)
    config = exam_config(options, fmt)
    password = key_password() if encrypt else ""
    ahead = _ahead(inputs, config)
    # The writers' imports (~0.1 s) overlap the child reading the bank.
    from exampdf.pipeline import make
    from exampdf.render.output import OutputBusy
    from exampdf.render.parallel import default_jobs

    try:
        with MakeProgress(show=not quiet) as progress:
            workers = jobs or default_jobs()
            result = make(inputs, out, config, progress, password, workers, ahead)
    except OutputBusy:
        fail(t("output_busy", folder=out))
    except OSError as exc:
        fail(t("cannot_write", reason=exc))
    report(result.diagnostics, fmt)
    if not result.ok:
        strict = not has_errors(result.diagnostics)  # only warnings, refused by --strict
        fail(t("nothing_written_strict" if strict else "nothing_written"))
    if verbose:
        echo_lines(timing_lines(progress.timings))
    if quiet:
        return
    n, v = result.questions, result.versions
    click.echo(t("made", questions=n, versions=v, seed=config.seed), err=True)
    if result.spread is not None:
        echo_lines(spread_lines(result.spread))
    warnings = sum(d.severity == "warning" for d in result.diagnostics)
    echo_lines(summary_lines(result.written, result.pages, warnings, progress.elapsed))


def _ahead(inputs: Sequence[Path], config: ExamConfig) -> Ahead | None:
    """The bank read and checked in a forked process while this one imports the writers: only
    for the first build of a process (later ones have nothing to overlap) where fork exists."""
    if not hasattr(os, "fork") or "exampdf.pipeline" in sys.modules:
        return None
    return Ahead(inputs, config)


def require_folder(out: Path) -> None:
    """`-o` names a folder to write into: a file there (or above it) is a usage error."""
    for place in (out, *out.parents):
        if place.exists():
            if not place.is_dir():
                raise click.UsageError(t("out_is_file", out=out, file=place))
            return


def ask_password() -> str:
    """Asked twice at the terminal, hidden, in the user's language, until both agree."""
    while True:
        first: str = click.prompt(t("password"), hide_input=True, err=True)
        again: str = click.prompt(t("password_again"), hide_input=True, err=True)
        if first == again:
            return first
        click.secho(t("password_differ"), err=True, fg="red")


def key_password() -> str:
    """From the environment (scripts) or a hidden prompt; never an option, which `ps` shows."""
    password = os.environ.get(PASSWORD_ENV, "")
    if not password:
        if not sys.stdin.isatty():
            raise click.UsageError(t("password_env", env=PASSWORD_ENV))
        password = ask_password()
    if not password:
        raise click.UsageError(t("password_empty"))
    return password
