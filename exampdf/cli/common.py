"""What every command shares: the BANK argument, printing diagnostics, failing with exit 1."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Literal, NoReturn

import click

from exampdf.config import CONFIG_NAME, ExamConfig, load_config
from exampdf.diagnostics import Diagnostic, has_errors, sort_key, to_json
from exampdf.i18n import t

BANK_ARG = click.argument("bank", nargs=-1, type=click.Path(path_type=Path))
Format = Literal["human", "json"]


def inputs_or_default(paths: Sequence[Path]) -> tuple[Path, ...]:
    return tuple(paths) or (Path("questions"),)


def require_inputs(paths: Sequence[Path]) -> None:
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise click.UsageError(t("no_input", paths=", ".join(missing)))


def report(diags: Sequence[Diagnostic], fmt: Format) -> None:
    ordered = sorted(diags, key=sort_key)
    if fmt == "json":
        click.echo(to_json(ordered))
        return
    for d in ordered:
        click.secho(d.human(), err=True, fg="red" if d.severity == "error" else "yellow")


def fail(message: str) -> NoReturn:
    click.secho(t("error_line", message=message), err=True, fg="red")
    sys.exit(1)


def size_text(nbytes: int) -> str:
    if nbytes < 1024:
        return f"{nbytes} B"
    kb = nbytes / 1024
    return f"{kb:.1f} KB" if kb < 1024 else f"{kb / 1024:.1f} MB"


def load_exam_config(path: Path | None = None, fmt: Format = "human") -> ExamConfig:
    """`path`, else exam.toml in the current folder when present, else the defaults; a bad
    settings file is reported with its lines and stops the command (exit 1)."""
    if path is None:
        path = Path(CONFIG_NAME)
        if not path.is_file():
            return ExamConfig()
    elif not path.is_file():
        raise click.UsageError(t("no_settings", path=path))
    config, diags = load_config(path)
    report(diags, fmt)
    if has_errors(diags):
        fail(t("fix_settings", path=path))
    return config
