"""`exampdf watch`: rebuild whenever a bank file or exam.toml is saved; print what is wrong."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

import click
from watchfiles import Change, DefaultFilter
from watchfiles import watch as watch_changes

from exampdf import memo
from exampdf.cli.common import (
    BANK_ARG,
    inputs_or_default,
    report,
    require_inputs,
)
from exampdf.cli.options import exam_config, exam_options
from exampdf.config import CONFIG_NAME, ExamConfig
from exampdf.i18n import t
from exampdf.pipeline import make
from exampdf.render.output import OutputBusy

WATCHED = {".md", ".txt", ".toml", ".png", ".jpg", ".jpeg", ".gif", ".svg"}


class BankFilter(DefaultFilter):
    """Only files that change the exam; editors' swap and backup files are ignored."""

    def __call__(self, change: Change, path: str) -> bool:
        return Path(path).suffix.lower() in WATCHED and bool(super().__call__(change, path))


@click.command()
@BANK_ARG
@click.option(
    "-o",
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("out"),
    show_default=True,
    help="Folder for exam.pdf, answer-key.pdf, key.json, key.csv.",
)
@exam_options
def watch(bank: tuple[Path, ...], out: Path, **options: object) -> None:
    """Rebuild BANK (default: questions/) into OUT on every save, with the same options as
    `make`; Ctrl+C stops."""
    inputs = inputs_or_default(bank)
    require_inputs(inputs)
    rebuild(inputs, out, exam_config(dict(options)))
    settings = options.get("config_path") or Path(CONFIG_NAME)
    assert isinstance(settings, Path)
    paths = [*inputs, *([settings] if settings.is_file() else [])]
    click.echo(t("watching", paths=", ".join(map(str, paths))), err=True)
    try:
        for _ in watch_changes(*paths, watch_filter=BankFilter()):
            # Every memo of the last build goes: questions are parsed anew, so memos keyed
            # by a question's identity would never hit again, and the session stays flat.
            memo.reset_all()
            rebuild(inputs, out, exam_config(dict(options)))
    except KeyboardInterrupt:
        pass


def rebuild(inputs: Sequence[Path], out: Path, config: ExamConfig) -> bool:
    """One build, its diagnostics printed as they are now; True when the files were written."""
    start = time.perf_counter()
    try:
        result = make(inputs, out, config)
    except OutputBusy:
        click.secho(t("output_busy", folder=out), err=True, fg="red")
        return False
    except OSError as exc:
        click.secho(t("cannot_write", reason=exc), err=True, fg="red")
        return False
    report(result.diagnostics, "human")
    if not result.ok:
        errors = sum(d.severity == "error" for d in result.diagnostics)
        if errors:
            click.secho(t("not_rebuilt", errors=errors), err=True, fg="red")
        else:  # strict: the warnings above refused the build
            warnings = len(result.diagnostics)
            click.secho(t("not_rebuilt_strict", warnings=warnings), err=True, fg="red")
        return False
    elapsed = time.perf_counter() - start
    click.secho(t("rebuilt", out=out, seconds=elapsed), err=True, fg="green")
    return True
