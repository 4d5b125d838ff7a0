"""The options that shape an exam, shared by `make`, `preview` and `watch`: one definition."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from exampdf.cli.common import Format, load_exam_config
from exampdf.config import CONFIG_NAME, ExamConfig, with_overrides
from exampdf.layout import PAPERS

F = TypeVar("F", bound=Callable[..., Any])

_OPTIONS = [
    click.option(
        "--config",
        "config_path",
        type=click.Path(path_type=Path, dir_okay=False),
        default=None,
        help=f"Settings file (default: ./{CONFIG_NAME} when present).",
    ),
    click.option(
        "--shuffle/--no-shuffle",
        default=None,
        help="Shuffle questions (within sections) and options for each version.",
    ),
    click.option(
        "--versions",
        type=click.IntRange(1, 702),
        default=None,
        help="Number of versions (A, B, …). Default: 4 with --shuffle, else 1.",
    ),
    click.option(
        "--seed",
        type=int,
        default=None,
        help="Seed for shuffling; the same seed rebuilds the same versions.",
    ),
    click.option(
        "--roster",
        type=click.Path(exists=True, dir_okay=False),
        default=None,
        help="CSV or .xlsx of students (id or number, name, class): one version each, named "
        "in the name box; the version code comes from the student id. Wins over --versions.",
    ),
    click.option(
        "--key-per-version",
        is_flag=True,
        default=None,
        help="Also write keys/<code>.pdf: one version's key with every letter as printed there.",
    ),
    click.option(
        "--balance/--no-balance",
        default=None,
        help="Spread correct answers evenly over the printed letters of each version (default on).",
    ),
    click.option("--title", default=None, help="Exam title (default 確認テスト)."),
    click.option(
        "--paper", type=click.Choice(list(PAPERS)), default=None, help="Paper size (default A4)."
    ),
    click.option(
        "--font",
        type=click.Choice(["mincho", "gothic"]),
        default=None,
        help="Body typeface: BIZ UD PMincho (default) or BIZ UD PGothic.",
    ),
    click.option(
        "--orientation",
        type=click.Choice(["portrait", "landscape"]),
        default=None,
        help="Exam sheets upright (default) or sideways.",
    ),
    click.option(
        "--columns",
        type=click.IntRange(1, 2),
        default=None,
        help="Columns on exam sheets (default: 2 where one column would hold more than about 48 "
        "characters a line: B4/A3 portrait and landscape sheets; else 1).",
    ),
    click.option(
        "--label-style",
        type=click.Choice(["A", "ア", "1", "①"]),
        default=None,
        help="Option labels: A B C (default), ア イ ウ, 1 2 3 or ① ② ③.",
    ),
    click.option(
        "--show-points/--hide-points", default=None, help="Print 「（2点）」 after each stem."
    ),
    click.option("--cover/--no-cover", default=None, help="A cover page per version."),
    click.option(
        "--answer-sheet/--no-answer-sheet", default=None, help="Also write answer-sheets.pdf."
    ),
    click.option(
        "--simplex", is_flag=True, default=None, help="No blank pages: versions need not start odd."
    ),
    click.option("--strict", is_flag=True, default=None, help="Treat warnings as errors."),
    click.option(
        "--allow-outside-images",
        is_flag=True,
        default=None,
        help="Let Markdown images come from outside the bank folder.",
    ),
]


def exam_options(command: F) -> F:
    """Add every exam option (and --config) to a command, in the order --help lists them."""
    for option in reversed(_OPTIONS):
        command = option(command)
    return command


def exam_config(options: dict[str, Any], fmt: Format = "human") -> ExamConfig:
    """exam.toml (or --config), then the options given on the command line over it."""
    config_path: Path | None = options.pop("config_path", None)
    return with_overrides(load_exam_config(config_path, fmt), **options)
