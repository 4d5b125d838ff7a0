"""What every command shares: the BANK argument, printing diagnostics, failing with exit 1."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Literal, NoReturn

import click

from exampdf.diagnostics import Diagnostic, sort_key, to_json

BANK_ARG = click.argument("bank", nargs=-1, type=click.Path(path_type=Path))
Format = Literal["human", "json"]


def inputs_or_default(paths: Sequence[Path]) -> tuple[Path, ...]:
    return tuple(paths) or (Path("questions"),)


def require_inputs(paths: Sequence[Path]) -> None:
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise click.UsageError(f"no such file or folder: {', '.join(missing)}")


def report(diags: Sequence[Diagnostic], fmt: Format) -> None:
    ordered = sorted(diags, key=sort_key)
    if fmt == "json":
        click.echo(to_json(ordered))
        return
    for d in ordered:
        click.secho(d.human(), err=True, fg="red" if d.severity == "error" else "yellow")


def fail(message: str) -> NoReturn:
    click.secho(f"error: {message}", err=True, fg="red")
    sys.exit(1)
