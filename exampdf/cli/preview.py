"""`exampdf preview`: first pages as PNG (pypdfium2), or one question as it will print."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

import click
import pypdfium2 as pdfium
from PIL import Image, ImageChops

from exampdf.cli.common import (
    BANK_ARG,
    fail,
    inputs_or_default,
    report,
    require_inputs,
)
from exampdf.cli.options import exam_config, exam_options
from exampdf.i18n import t
from exampdf.parse import parse_bank
from exampdf.pipeline import make

PDFS = ("exam.pdf", "answer-key.pdf", "answer-sheets.pdf")  # the last only when enabled
DPI = 110
FOOTER_MM = 20  # the bottom margin, where page numbers are printed


@click.command()
@BANK_ARG
@click.option(
    "-o",
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("out/preview"),
    show_default=True,
    help="Folder for the PNG files.",
)
@click.option("--question", "qid", default=None, help="Preview only the question with this id.")
@click.option(
    "--dpi",
    type=click.IntRange(36, 300),
    default=DPI,
    show_default=True,
    help="Resolution of the PNG files in dots per inch.",
)
@exam_options
def preview(
    bank: tuple[Path, ...], out: Path, qid: str | None, dpi: int, **options: object
) -> None:
    """Render the first page of the exam, the key and the answer sheet to PNG (with --cover,
    the first page of questions too), with the same options as `make`."""
    inputs = inputs_or_default(bank)
    require_inputs(inputs)
    config = exam_config(options)
    if qid is not None:
        inputs = (_question_file(inputs, qid),)
        # one version in bank order: the options as the author wrote them
        config = replace(config, shuffle=False, versions=1, sections=(), roster="")
    with tempfile.TemporaryDirectory(prefix="exampdf-preview-") as tmp:
        result = make(inputs, Path(tmp) / "out", config)
        report(result.diagnostics, "human")
        if not result.ok:
            fail(t("nothing_written"))
        out.mkdir(parents=True, exist_ok=True)
        for pdf in (Path(tmp) / "out" / name for name in PDFS):
            if pdf.exists():
                name = f"question-{qid}.png" if qid else pdf.with_suffix(".png").name
                render_page(pdf, 0, out / name, dpi, crop=qid is not None)
                click.echo(t("preview_wrote", path=out / name), err=True)
                if qid:
                    return  # the exam page is the question as it prints
                if pdf.name == "exam.pdf" and config.cover:
                    first = _first_question_page(pdf)
                    if first is not None:
                        more = out / "exam-questions.png"
                        render_page(pdf, first, more, dpi)
                        click.echo(t("preview_wrote", path=more), err=True)


def render_page(pdf: Path, index: int, png: Path, dpi: int, crop: bool = False) -> None:
    doc = pdfium.PdfDocument(str(pdf))
    try:
        image: Image.Image = doc[index].render(scale=dpi / 72).to_pil().convert("RGB")
    finally:
        doc.close()
    if crop:
        image = _trim(image, margin=dpi // 4, footer=round(FOOTER_MM / 25.4 * dpi))
    image.save(png)


def _first_question_page(pdf: Path) -> int | None:
    """The page after the cover that starts the questions: the first that is not 「（白紙）」."""
    doc = pdfium.PdfDocument(str(pdf))
    try:
        for index in range(1, len(doc)):
            page = doc[index]
            textpage = page.get_textpage()
            text = textpage.get_text_bounded()
            textpage.close()
            page.close()
            if "白紙" not in text:
                return index
    finally:
        doc.close()
    return None


def _trim(image: Image.Image, margin: int, footer: int) -> Image.Image:
    """Cut the empty paper below the question (one question is a short page); the page
    footer ("1 / 1") is left out so it does not hold the crop open."""
    w, h = image.size
    body = image.crop((0, 0, w, h - footer))
    box = ImageChops.difference(body, Image.new("RGB", body.size, "white")).getbbox()
    if box is None:
        return image
    return image.crop((0, 0, w, min(h, box[3] + margin)))


def _question_file(inputs: tuple[Path, ...], qid: str) -> Path:
    parsed = parse_bank(inputs)
    for q in parsed.bank.questions:
        if q.id == qid:
            return Path(q.source)
    report(parsed.diagnostics, "human")
    ids = ", ".join(q.id for q in parsed.bank.questions) or "—"
    raise click.BadParameter(t("no_question", id=qid, ids=ids), param_hint="--question")
