"""`exampdf report`: the item analysis as a PDF for the staff room (same layout engine)."""

from __future__ import annotations

from pathlib import Path

import click

from exampdf.cli.common import fail
from exampdf.cli.grade import KEY_OPT, RESPONSES_ARG, graded
from exampdf.i18n import t
from exampdf.layout import PAPERS, Decor, ReportData, geometry, make_theme, report_story
from exampdf.render.pdf import PdfMeta, write_pdf


@click.command()
@RESPONSES_ARG
@KEY_OPT
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="PDF to write (default: report.pdf beside RESPONSES).",
)
@click.option("--title", default=None, help="Title (default: the exam's title from key.json).")
@click.option(
    "--paper", type=click.Choice(list(PAPERS)), default="A4", help="Paper size (default A4)."
)
def report(
    responses: Path, key_path: Path, output: Path | None, title: str | None, paper: str
) -> None:
    """Histogram of totals and a per-question table of the item analysis, as a PDF."""
    key, scores, items = graded(responses, key_path)
    data = ReportData(
        title=title or key.title or "確認テスト",
        totals=tuple(s.total for s in scores),
        max_points=max(s.max_points for s in scores),
        items=tuple(items),
    )
    theme = make_theme()
    g = geometry(paper)  # the page geometry every writer shares (layout/page/paper.py)
    target = output or responses.parent / "report.pdf"
    meta = PdfMeta(title=f"{data.title} 成績分析", font=theme.fonts.body)
    try:
        pages = write_pdf(
            target,
            report_story(data, theme, g.frame_width),
            g,
            Decor(g, theme, data.title, "成績分析"),
            meta,
        )
    except OSError as exc:
        fail(t("cannot_write", reason=exc))
    click.echo(t("report_wrote", path=target, pages=len(pages)), err=True)
