"""Issue 16 item 18: `preview` and `watch` take `make`'s exam options from one definition."""

from __future__ import annotations

from pathlib import Path

import click
from click.testing import CliRunner
from PIL import Image

from exampdf.cli import main
from exampdf.cli.make import make_cmd
from exampdf.cli.preview import preview
from exampdf.cli.watch import watch

ROOT = Path(__file__).resolve().parents[2]
EXAM = {
    "config_path", "shuffle", "versions", "seed", "roster", "key_per_version", "balance",
    "title", "paper", "font", "orientation", "columns", "label_style", "show_points", "cover",
    "answer_sheet", "simplex", "strict", "allow_outside_images",
}  # fmt: skip


def _options(command: click.Command) -> dict[str, click.Parameter]:
    return {p.name or "": p for p in command.params}


def test_preview_and_watch_take_every_exam_option_of_make() -> None:
    made = _options(make_cmd)
    assert set(made) >= EXAM
    for command in (preview, watch):
        theirs = _options(command)
        assert set(theirs) >= EXAM, command.name
        for name in EXAM:  # the same objects' settings: one definition
            assert theirs[name].opts == made[name].opts and theirs[name].help == made[name].help


def test_preview_honours_options_and_shows_questions_after_the_cover(tmp_path: Path) -> None:
    out = tmp_path / "p"
    args = ["preview", str(ROOT / "questions"), "-o", str(out), "--dpi", "36"]
    result = CliRunner().invoke(main, [*args, "--paper", "B5", "--cover", "--shuffle"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "answer-key.png",
        "exam-questions.png",
        "exam.png",
    ]
    with Image.open(out / "exam.png") as cover, Image.open(out / "exam-questions.png") as first:
        width, height = cover.size
        assert abs(width / 36 * 25.4 - 182) < 1 and abs(height / 36 * 25.4 - 257) < 1  # B5
        assert cover.convert("L").tobytes() != first.convert("L").tobytes()
