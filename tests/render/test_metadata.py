"""Every PDF says who made it and in which language (document properties, /Lang)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from pypdf import PdfReader

from exampdf.cli import main

SAMPLE = Path(__file__).resolve().parents[2] / "questions"


def test_title_author_and_language(tmp_path: Path) -> None:
    config = tmp_path / "exam.toml"
    config.write_text('title = "期末考査"\nschool = "県立みなと高等学校"\n', encoding="utf-8")
    out = tmp_path / "out"
    args = ["make", str(SAMPLE), "-o", str(out), "--config", str(config), "-q"]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    for name, title in (("exam.pdf", "期末考査"), ("answer-key.pdf", "期末考査 解答・解説")):
        reader = PdfReader(out / name)
        assert reader.metadata is not None
        assert reader.metadata.title == title
        assert reader.metadata.author == "県立みなと高等学校"
        assert reader.trailer["/Root"]["/Lang"] == "ja-JP"
