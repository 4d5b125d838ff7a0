"""`exampdf grade`: typed responses + key.json -> scores.csv, item-analysis.csv, a summary."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from exampdf.cli.common import fail, report
from exampdf.csvfile import write_csv
from exampdf.diagnostics import has_errors
from exampdf.grade import (
    AnswerKey,
    ItemStats,
    StudentScore,
    analyse,
    item_csv,
    parse_key,
    read_responses_file,
    score_all,
    scores_csv,
)
from exampdf.grade.scoring import number
from exampdf.i18n import t

SCORES, ITEMS = "scores.csv", "item-analysis.csv"

RESPONSES_ARG = click.argument(
    "responses", type=click.Path(path_type=Path, dir_okay=False, exists=True)
)
KEY_OPT = click.option(
    "--key",
    "key_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("out/key.json"),
    show_default=True,
    help="The key.json that `exampdf make` wrote.",
)


@click.command()
@RESPONSES_ARG
@KEY_OPT
@click.option(
    "-o",
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Folder for scores.csv and item-analysis.csv (default: beside RESPONSES).",
)
def grade(responses: Path, key_path: Path, out: Path | None) -> None:
    """Score RESPONSES (student, version, one answer per question) and analyse every item."""
    key, scores, items = graded(responses, key_path)
    folder = out or responses.parent
    folder.mkdir(parents=True, exist_ok=True)
    write_csv(folder / SCORES, scores_csv(scores, key))
    write_csv(folder / ITEMS, item_csv(items))
    print_items(items)
    mean = number(sum(s.total for s in scores) / len(scores))
    top = max(s.max_points for s in scores)
    files = f"{folder / SCORES}, {folder / ITEMS}"
    click.echo(t("graded", students=len(scores), mean=mean, max=top, files=files), err=True)


def graded(
    responses: Path, key_path: Path
) -> tuple[AnswerKey, list[StudentScore], list[ItemStats]]:
    """Read, check and score; exits 1 (printing every bad row) when anything is wrong."""
    if not key_path.is_file():
        raise click.UsageError(t("no_key", path=key_path))
    key, diags = parse_key(key_path.read_text(encoding="utf-8-sig"), str(key_path))
    if key is None:
        report(diags, "human")
        fail(t("fix_key", path=key_path))
    rows, row_diags = read_responses_file(responses, key)
    report(row_diags, "human")
    if any(d.code == "G009" for d in row_diags):
        fail(t("fix_file", path=responses))
    if has_errors(row_diags):
        fail(t("nothing_graded"))
    scores = score_all(rows, key)
    return key, scores, analyse(rows, scores, key)


def print_items(items: Sequence[ItemStats]) -> None:
    table = Table(box=None, pad_edge=False, header_style="bold")
    table.add_column(t("col.id"))
    table.add_column(t("col.answer"))
    for col in ("col.n", "col.correct", "col.disc"):
        table.add_column(t(col), justify="right")
    table.add_column(t("col.choices"))
    for it in items:
        disc = "–" if it.discrimination is None else f"{it.discrimination:+.2f}"
        chosen = " ".join(f"{letter}:{n}" for letter, n in it.chosen.items())
        if it.blank:
            chosen += f" –:{it.blank}"
        rate = f"{it.correct_rate:.0%}"
        table.add_row(it.id, ";".join(it.answer) or "—", str(it.n), rate, disc, chosen)
    Console(highlight=False).print(table)
