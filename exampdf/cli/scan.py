"""`exampdf scan`: filled-in answer sheets (scanned PDFs, images, photos) -> responses.csv,
review.html for the uncertain marks, annotated.pdf; --corrections and --serve finish it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from exampdf.cli.common import fail
from exampdf.i18n import t
from exampdf.parse.tablefile import NotATable, decode_table


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
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8765,
    show_default=True,
    help="Port of --serve (on 127.0.0.1 only).",
)
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
        fail(t("scan.needs"))
    if not inputs and corrections is None and not serve:
        raise click.UsageError(t("scan.what"))
    if not key_path.is_file():
        raise click.UsageError(t("scan.no_key", path=key_path))
    text = key_path.read_text(encoding="utf-8-sig")
    try:
        key = read_scan_key(text)
    except KeyError_ as exc:
        fail(t("scan.bad_key", path=key_path, detail=exc))
    title = _title(text)
    try:
        fixes = read_corrections(decode_table(corrections.read_bytes())) if corrections else {}
    except NotATable as exc:
        fail(t("scan.bad_key", path=corrections, detail=exc))
    if inputs:
        try:
            pages = run.scan(inputs, key, _progress)
        except ScanInputError as exc:
            click.echo("", err=True)
            fail(t("scan.bad_input", problem=exc))
        click.echo("", err=True)
        run.clear_stale(out)
        if fixes:
            from exampdf.scan.results import apply

            apply(pages, fixes, key)
        _print(run.write_outputs(out, pages, key, title), out)
    elif fixes:
        if not (out / run.STATE).is_file():
            fail(t("scan.no_scan", path=out))
        _print(run.correct(out, fixes, key, title), out)
    if serve:
        _serve(out, port, key, title)


def _title(text: str) -> str:
    data: Any = json.loads(text)
    return str(data.get("title", "")) if isinstance(data, dict) else ""


def _progress(n: int) -> None:
    click.echo(t("scan.progress", n=n), nl=False, err=True)


def _print(s: Any, out: Path) -> None:
    for problem in s.problems:
        click.secho(t("scan.warning", problem=problem), err=True, fg="yellow")
    click.echo(t("scan.summary", pages=s.pages, students=s.students, doubles=s.doubles), err=True)
    if s.review:
        click.secho(t("scan.review", n=s.review, path=out / "review.html"), err=True, fg="yellow")
    if s.versionless:
        path = out / "review.html"
        click.secho(t("scan.versionless", n=s.versionless, path=path), err=True, fg="yellow")
    click.echo(t("scan.wrote", path=out / "responses.csv"), err=True)


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
        asking = f" {t('scan.saved_asking', n=s.versionless)}" if s.versionless else ""
        return t("scan.saved", n=len(merged), open=s.review) + asking

    server = make_server(out, port, on_post)
    click.echo(t("scan.serving", port=server.server_address[1]), err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
