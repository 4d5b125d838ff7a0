"""End to end through the CLI: the sample bank in, four outputs out, every printed letter right."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from exampdf.cli import main
from exampdf.model import plain_text
from exampdf.parse import parse_bank
from tests.helpers.pdftext import has_math, page_lines, printed_options, squash

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "questions"
SEEDS = ROOT.parent / "shared" / "seeds"


def _make(tmp_path: Path, *args: str) -> Path:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["make", *args, "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out


BUILD = (str(SAMPLE), "--shuffle", "--versions", "5", "--seed", "7", "--title", "第2回 小テスト")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _make(tmp_path_factory.mktemp("e2e"), *BUILD)


def test_all_four_outputs_are_written(built: Path) -> None:
    assert sorted(p.name for p in built.iterdir()) == [
        "answer-key.pdf",
        "exam.pdf",
        "key.csv",
        "key.json",
    ]


def test_printed_options_and_answers_agree_with_key_json(built: Path) -> None:
    key = json.loads((built / "key.json").read_text(encoding="utf-8"))
    bank = {q.id: q for q in parse_bank([SAMPLE]).bank.questions}
    pages = page_lines(built / "exam.pdf")
    assert key["seed"] == 7 and key["shuffle"] is True and len(key["versions"]) == 5
    for version in key["versions"]:
        first, last = version["pages"]
        assert first % 2 == 1, "every version starts on an odd page"
        lines = [line for page in pages[first - 1 : last] for line in page]
        printed = printed_options(lines)
        assert sorted(printed) == [q["number"] for q in version["questions"]]
        for q in version["questions"]:
            question = bank[q["id"]]
            if has_math(question):
                continue  # formulas print as glyphs, not LaTeX (tests/layout/math reads them)
            options = printed[q["number"]]
            letters = [c.letter for c in question.choices]
            by_letter = {c.letter: squash(plain_text(c.content)) for c in question.choices}
            assert [label for _, label, _ in options] == [chr(65 + i) for i in range(len(options))]
            assert [text for _, _, text in options] == [by_letter[b] for b in q["order"]]
            assert {m for m, _, _ in options} == ({"□"} if question.multi else {"○"})
            # printed answer letters point at the bank's correct options
            bank_answer = sorted(letters[i] for i in question.answer)
            assert sorted(q["order"][ord(a) - 65] for a in q["answer"]) == bank_answer


def test_key_csv_matches_key_json(built: Path) -> None:
    key = json.loads((built / "key.json").read_text(encoding="utf-8"))
    rows = (built / "key.csv").read_text(encoding="utf-8-sig").splitlines()
    assert rows[0] == "version,number,id,answer,points"
    expected = [
        f"{v['code']},{q['number']},{q['id']},{';'.join(q['answer'])},{q['points']}"
        for v in key["versions"]
        for q in v["questions"]
    ]
    assert rows[1:] == expected


def test_same_command_twice_gives_identical_bytes(built: Path, tmp_path: Path) -> None:
    again = _make(tmp_path, *BUILD)
    for name in ("exam.pdf", "answer-key.pdf", "key.json", "key.csv"):
        assert (again / name).read_bytes() == (built / name).read_bytes(), name


def test_fonts_are_embedded_subsets_and_no_base14_font(built: Path) -> None:
    for name in ("exam.pdf", "answer-key.pdf"):
        data = (built / name).read_bytes()
        assert b"/Helvetica" not in data and b"/Times" not in data and b"/Courier" not in data
        assert b"/FontFile2" in data


def test_exam_pdf_carries_no_answer_key_or_explanation(built: Path) -> None:
    text = "".join(line for page in page_lines(built / "exam.pdf") for line in page)
    assert "正解" not in text and "解説" not in text


def test_seed_files_build_when_present(tmp_path: Path) -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds not present")
    out = _make(tmp_path, str(SEEDS), "--shuffle", "--versions", "2")
    key = json.loads((out / "key.json").read_text(encoding="utf-8"))
    multi = [q for q in key["versions"][0]["questions"] if q["multi"]]
    assert len(multi) == 1 and len(multi[0]["answer"]) == 6


def test_bad_bank_exits_1_with_file_line_and_writes_nothing(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    bank.mkdir()
    (bank / "q1.md").write_text(
        "# t\n\n## 問題\n問い\n\n## 選択肢\nA. a\nB. b\n\n## 正解\n**E**\n\n## 解説\nx\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["make", str(bank), "-o", str(out)])
    assert result.exit_code == 1
    assert "q1.md:11: error[" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()
