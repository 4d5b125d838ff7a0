"""`report`, `preview` and `watch` through click (and watch's rebuild step on its own)."""

from __future__ import annotations

import json
from pathlib import Path

import pdfplumber
from click.testing import CliRunner
from PIL import Image

from exampdf.cli import main
from exampdf.cli.watch import rebuild
from exampdf.config import ExamConfig
from exampdf.i18n import set_lang
from exampdf.layout.report import bins
from tests.grade.test_grade import KEY, RESPONSES

ROOT = Path(__file__).resolve().parents[2]
GOOD = "# t\n\n## 問題\n問い\n\n## 選択肢\nA. a\nB. b\n\n## 正解\n**{answer}**\n\n## 解説\nx\n"


def test_report_pdf_has_summary_histogram_and_table(tmp_path: Path) -> None:
    (tmp_path / "key.json").write_text(json.dumps(KEY), encoding="utf-8")
    (tmp_path / "r.csv").write_text(RESPONSES, encoding="utf-8")
    args = ["report", str(tmp_path / "r.csv"), "--key", str(tmp_path / "key.json")]
    result = CliRunner().invoke(main, ["--lang", "en", *args])
    assert result.exit_code == 0, result.output
    assert "report.pdf (1 page)" in result.output
    with pdfplumber.open(tmp_path / "report.pdf") as pdf:
        text = pdf.pages[0].extract_text()
        assert "受験者 6 人" in text and "平均 4.6 点" in text
        assert "q1 1 B 6 67% 67% +1.00 0 4 2 0 0" in text
        assert len(pdf.pages[0].rects) >= 6  # histogram bars and table cells


def test_report_bad_rows_exit_1(tmp_path: Path) -> None:
    (tmp_path / "key.json").write_text(json.dumps(KEY), encoding="utf-8")
    (tmp_path / "r.csv").write_text("s1,A,Q,,,\n", encoding="utf-8")
    args = ["report", str(tmp_path / "r.csv"), "--key", str(tmp_path / "key.json")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1 and "r.csv:1: error[G004]" in result.output
    assert not (tmp_path / "report.pdf").exists()


def test_histogram_bins() -> None:
    assert bins([0, 1, 1, 7.5, 8], 8) == (1.0, [1, 2, 0, 0, 0, 0, 0, 1, 1])
    width, counts = bins([0, 50, 99, 100], 100)
    assert width == 5 and len(counts) == 21 and counts[10] == 1 and counts[20] == 1


def test_preview_writes_pngs(tmp_path: Path) -> None:
    out = tmp_path / "p"
    result = CliRunner().invoke(
        main, ["preview", str(ROOT / "questions"), "-o", str(out), "--dpi", "40"]
    )
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names[:2] == ["answer-key.png", "exam.png"]
    with Image.open(out / "exam.png") as image:
        assert image.size == (round(595.27 * 40 / 72), round(841.89 * 40 / 72))


def test_preview_one_question_and_unknown_id(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    bank.mkdir()
    (bank / "q1.md").write_text(GOOD.format(answer="B"), encoding="utf-8")
    (bank / "q2.md").write_text(GOOD.format(answer="A"), encoding="utf-8")
    out = tmp_path / "p"
    runner = CliRunner()
    result = runner.invoke(
        main, ["preview", str(bank), "-o", str(out), "--question", "q2", "--dpi", "40"]
    )
    assert result.exit_code == 0, result.output
    assert [p.name for p in out.iterdir()] == ["question-q2.png"]
    missing = runner.invoke(main, ["--lang", "en", "preview", str(bank), "--question", "zz"])
    assert missing.exit_code == 2 and "no question with id 'zz' (ids: q1, q2)" in missing.output


def test_preview_of_a_broken_bank_exits_1(tmp_path: Path) -> None:
    (tmp_path / "q.md").write_text(GOOD.format(answer="E"), encoding="utf-8")
    result = CliRunner().invoke(
        main, ["preview", str(tmp_path / "q.md"), "-o", str(tmp_path / "p")]
    )
    assert result.exit_code == 1 and "q.md:11: error[" in result.output


def test_watch_rebuild_prints_diagnostics_then_rebuilds(tmp_path: Path, capsys: object) -> None:
    set_lang("en")  # rebuild is called directly, without the group's --lang
    bank = tmp_path / "bank"
    bank.mkdir()
    (bank / "q1.md").write_text(GOOD.format(answer="E"), encoding="utf-8")
    out = tmp_path / "out"
    assert rebuild([bank], out, ExamConfig()) is False
    err = capsys.readouterr().err  # type: ignore[attr-defined]
    assert "q1.md:11: error[" in err and "not rebuilt: 1 error\n" in err  # issue 16 item 12
    assert not out.exists()
    (bank / "q1.md").write_text(GOOD.format(answer="B"), encoding="utf-8")  # the teacher saves
    assert rebuild([bank], out, ExamConfig()) is True
    assert "rebuilt" in capsys.readouterr().err  # type: ignore[attr-defined]
    assert (out / "exam.pdf").is_file()


def test_watch_needs_an_existing_bank(tmp_path: Path) -> None:
    assert CliRunner().invoke(main, ["watch", str(tmp_path / "none")]).exit_code == 2


def test_version_and_completion() -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["--version"]).output.startswith("exampdf, version ")
    script = runner.invoke(main, [], prog_name="exampdf", env={"_EXAMPDF_COMPLETE": "bash_source"})
    assert "_exampdf_completion" in script.output


def test_report_paper_is_the_shared_page_geometry(tmp_path: Path) -> None:
    """`--paper B5` sets the report on the same JIS B5 page the exam writer uses."""
    (tmp_path / "key.json").write_text(json.dumps(KEY), encoding="utf-8")
    (tmp_path / "r.csv").write_text(RESPONSES, encoding="utf-8")
    args = ["report", str(tmp_path / "r.csv"), "--key", str(tmp_path / "key.json")]
    result = CliRunner().invoke(main, ["--lang", "en", *args, "--paper", "B5"])
    assert result.exit_code == 0, result.output
    with pdfplumber.open(tmp_path / "report.pdf") as pdf:
        page = pdf.pages[0]
        assert (round(page.width), round(page.height)) == (516, 729)  # 182 x 257 mm
