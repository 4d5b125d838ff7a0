"""`exampdf export`: the bank as Moodle XML, GIFT or JSON, for schools that also quiz online."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import click

from exampdf.cli.common import BANK_ARG, fail, inputs_or_default, report, require_inputs
from exampdf.diagnostics import Diagnostic, has_errors, warning
from exampdf.export import ImageReader, gift_images, to_gift, to_json, to_moodle
from exampdf.i18n import msg, t
from exampdf.parse import parse_bank
from exampdf.parse.files import display_path

SUFFIX = {"moodle": ".xml", "gift": ".gift.txt", "json": ".json"}
IMAGE_TYPES = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"}
MAX_IMAGE = 5 * 1024 * 1024


@click.command()
@BANK_ARG
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(SUFFIX)),
    required=True,
    help="moodle: Moodle XML (images embedded); gift: GIFT text; json: the parsed model.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
    default=None,
    help="File to write (default: out/questions.xml, .gift.txt or .json; - for stdout).",
)
def export(bank: tuple[Path, ...], fmt: str, output: Path | None) -> None:
    """Export BANK (default: questions/) for Moodle or as JSON."""
    inputs = inputs_or_default(bank)
    require_inputs(inputs)
    parsed = parse_bank(inputs)
    report(parsed.diagnostics, "human")
    if has_errors(parsed.diagnostics):
        fail(t("nothing_written"))
    missing: list[Diagnostic] = []
    if fmt == "moodle":
        text = to_moodle(parsed.bank, _image_reader(missing))
    elif fmt == "gift":
        text = to_gift(parsed.bank)
        missing = [
            _gift_image(q.source, src) for q in parsed.bank.questions for src in gift_images(q)
        ]
    else:
        files = tuple(display_path(Path(f)) for f in parsed.bank.files)  # printable names
        text = to_json(replace(parsed.bank, files=files))
    report(missing, "human")
    target = output or Path("out") / f"questions{SUFFIX[fmt]}"
    if str(target) == "-":
        click.echo(text, nl=False)
        return
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(t("cannot_write", reason=exc))
    n = len(parsed.bank.questions)
    click.echo(t("exported", format=fmt, path=target, questions=n), err=True)


def _gift_image(source: str, src: str) -> Diagnostic:
    return warning("X002", msg("X002", src=src), source, 0, msg("X002.hint", src=src))


def _image_reader(missing: list[Diagnostic]) -> ImageReader:
    """Reads images beside the question file; anything that is not a readable image file
    (a URL, another kind of file, too large) stays a reference and gets a warning."""

    def read(source: str, src: str) -> bytes | None:
        path = Path(source).parent / src
        ok = "://" not in src and path.suffix.lower() in IMAGE_TYPES and path.is_file()
        if ok and path.stat().st_size <= MAX_IMAGE:
            return path.read_bytes()
        missing.append(warning("X001", msg("X001", src=src), source))
        return None

    return read
