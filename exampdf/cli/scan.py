"""`exampdf scan`: filled-in answer sheets (scanned PDFs, images, photos) -> responses.csv,
review.html for the uncertain marks, annotated.pdf; --corrections and --serve finish it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from exampdf.cli.common import fail
from exampdf.parse.tablefile import NotATable, decode_table

NEEDS = (
    "exampdf scan needs numpy, opencv-python-headless and zxing-cpp: pip install 'exampdf[scan]'"
)


@click.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--key",
    "key_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("out/key.json"),
    show_default=True,
    help="The key.json that `exampdf make --answer-sheet` wrote.",
)
@click.option(
    "-o",
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("out/scan"),
    show_default=True,
    help="Folder for responses.csv, review.html, annotated.pdf and scan.json.",
)
@click.option(
    "--corrections",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    default=None,
    help="corrections.csv saved from review.html: applied to the last scan in --out.",
)
@click.option("--serve", is_flag=True, help="Serve review.html on 127.0.0.1 and apply its saves.")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True)
def scan(
    inputs: tuple[Path, ...],
    key_path: Path,
    out: Path,
    corrections: Path | None,
    serve: bool,
    port: int,
) -> None:
    """Read filled-in answer sheets from INPUTS (PDFs, images or folders of them)."""
    try:
        from exampdf.scan import run
        from exampdf.scan.keyinfo import KeyError_, read_scan_key
        from exampdf.scan.results import read_corrections
        from exampdf.scan.sources import ScanInputError
    except ImportError:
        fail(NEEDS)
    if not inputs and corrections is None and not serve:
        raise click.UsageError("give the scans to read, --corrections FILE or --serve")
    if not key_path.is_file():
        raise click.UsageError(f"no key file {key_path}: run `exampdf make --answer-sheet` first")
    text = key_path.read_text(encoding="utf-8-sig")
    try:
        key = read_scan_key(text)
    except KeyError_ as exc:
        fail(f"{key_path}: {exc}")
    title = _title(text)
    try:
        fixes = read_corrections(decode_table(corrections.read_bytes())) if corrections else {}
    except NotATable as exc:
        fail(f"{corrections}: {exc}")
    if inputs:
        try:
            pages = run.scan(inputs, key, _progress)
        except ScanInputError as exc:
            click.echo("", err=True)
            fail(f"{exc} (nothing written)")
        click.echo("", err=True)
        run.clear_stale(out)
        if fixes:
            from exampdf.scan.results import apply

            apply(pages, fixes)
        _print(run.write_outputs(out, pages, key, title), out)
    elif fixes:
        if not (out / run.STATE).is_file():
            fail(f"no scan in {out}: run `exampdf scan SCANS -o {out}` first")
        _print(run.correct(out, fixes, key, title), out)
    if serve:
        _serve(out, port, key, title)


def _title(text: str) -> str:
    data: Any = json.loads(text)
    return str(data.get("title", "")) if isinstance(data, dict) else ""


def _progress(n: int) -> None:
    click.echo(f"\r{n} pages read", nl=False, err=True)


def _print(s: Any, out: Path) -> None:
    for problem in s.problems:
        click.secho(f"warning: {problem}", err=True, fg="yellow")
    click.echo(
        f"{s.pages} pages, {s.students} students; {s.doubles} rows with two marks on a "
        f"single-answer question",
        err=True,
    )
    if s.review:
        click.secho(
            f"{s.review} readings need a look: open {out / 'review.html'} "
            f"(responses.csv holds ? there until they are corrected)",
            err=True,
            fg="yellow",
        )
    click.echo(f"wrote {out / 'responses.csv'}", err=True)


def _serve(out: Path, port: int, key: Any, title: str) -> None:
    from exampdf.scan import run
    from exampdf.scan.results import corrections_csv, read_corrections
    from exampdf.scan.serve import make_server

    saved = out / run.CORRECTIONS

    def on_post(text: str) -> str:
        old = read_corrections(saved.read_text(encoding="utf-8")) if saved.is_file() else {}
        merged = {**old, **read_corrections(text)}
        saved.write_text(corrections_csv(merged), encoding="utf-8")
        s = run.correct(out, merged, key, title)
        return f"saved {len(merged)} corrections; {s.review} readings still open"

    server = make_server(out, port, on_post)
    click.echo(f"review: http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C to stop)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
