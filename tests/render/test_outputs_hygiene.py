"""Every output's metadata is ours and independent of the environment (issue 17 items 7 and
15); CSV outputs open safely in Excel: a BOM, and no cell a spreadsheet runs (17.11, 16.8)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from exampdf.cli import main
from exampdf.csvfile import csv_text, safe_cell
from tests.grade.test_grade import KEY, RESPONSES

QUESTION = (
    "---\nid: '{qid}'\n---\n# t{n}\n\n## 問題\n問{n}\n\n## 選択肢\nA. 一\nB. 二\n\n## 正解\nB\n"
)
EVIL_IDS = ['=HYPERLINK("http://evil","x")', "+1-1", "@SUM(A1)", "-2+3"]


def _bank(root: Path) -> Path:
    bank = root / "bank"
    bank.mkdir()
    for n, qid in enumerate(EVIL_IDS):
        (bank / f"q{n}.md").write_text(QUESTION.format(qid=qid, n=n), encoding="utf-8")
    (root / "exam.toml").write_text('title = "期末"\nschool = "みなと高校"\n', encoding="utf-8")
    return bank


def _make(root: Path, out: str) -> Path:
    args = ["make", str(root / "bank"), "-o", str(root / out), "--config", str(root / "exam.toml")]
    extra = ["--shuffle", "--versions", "2", "--answer-sheet", "--key-per-version", "-q"]
    extra += ["--jobs", "1"]
    result = CliRunner().invoke(main, [*args, *extra], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return root / out


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hygiene")
    _bank(root)
    return _make(root, "out")


def test_every_pdf_has_our_metadata_and_no_dates(built: Path) -> None:
    pdfs = sorted(built.rglob("*.pdf"))
    assert {p.name for p in pdfs} >= {"exam.pdf", "answer-key.pdf", "answer-sheets.pdf", "A.pdf"}
    for pdf in pdfs:
        info = dict(PdfReader(pdf).metadata or {})
        assert info.pop("/Creator") == info.pop("/Producer") == "exampdf", pdf
        assert info.pop("/Author") == "みなと高校", pdf
        assert str(info.pop("/Title")).startswith("期末"), pdf
        assert info == {}, pdf  # no dates, no "anonymous"/"unspecified", no Trapped


def test_report_pdf_has_our_metadata(tmp_path: Path) -> None:
    (tmp_path / "key.json").write_text(json.dumps(KEY), encoding="utf-8")
    (tmp_path / "r.csv").write_text(RESPONSES, encoding="utf-8")
    args = ["report", str(tmp_path / "r.csv"), "--key", str(tmp_path / "key.json")]
    assert CliRunner().invoke(main, args).exit_code == 0
    info = dict(PdfReader(tmp_path / "report.pdf").metadata or {})
    assert set(info) == {"/Title", "/Creator", "/Producer"} and info["/Producer"] == "exampdf"


def test_source_date_epoch_changes_no_byte(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    again = _make(_bank(tmp_path).parent, "again")
    names = sorted(p.relative_to(built) for p in built.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    for name in names:
        assert (built / name).read_bytes() == (again / name).read_bytes(), name


def test_key_csv_has_a_bom_and_no_formula(built: Path) -> None:
    data = (built / "key.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfversion,")
    ids = {row["id"] for row in csv.DictReader(io.StringIO(data.decode("utf-8-sig")))}
    assert ids == {"'" + qid for qid in EVIL_IDS}


def test_grade_csvs_have_a_bom_and_no_formula(tmp_path: Path) -> None:
    key = json.loads(json.dumps(KEY))
    for version in key["versions"]:
        for q in version["questions"]:
            q["id"] = "=" + q["id"]
    (tmp_path / "key.json").write_text(json.dumps(key), encoding="utf-8")
    (tmp_path / "r.csv").write_text(RESPONSES.replace("s1,", "@s1,"), encoding="utf-8")
    args = ["grade", str(tmp_path / "r.csv"), "--key", str(tmp_path / "key.json")]
    result = CliRunner().invoke(main, ["--lang", "en", *args])
    assert result.exit_code == 0, result.output
    for name in ("scores.csv", "item-analysis.csv"):
        data = (tmp_path / name).read_bytes()
        assert data.startswith(b"\xef\xbb\xbf"), name
        cells = [c for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))) for c in row]
        assert not [c for c in cells if c[:1] in ("=", "@", "+")], name
        assert any(c.startswith("'=") for c in cells), name


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+1-1", "'+1-1"),
        ("-A1", "'-A1"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("-0.25", "-0.25"),  # numbers stay numbers
        ("+3", "+3"),
        ("q=1", "q=1"),
        (-2, -2),
    ],
)
def test_safe_cell_follows_owasp(value: str | int, written: str | int) -> None:
    assert safe_cell(value) == written


def test_csv_text_makes_header_cells_safe_too() -> None:
    assert csv_text(["=x"], [["a"]]) == "'=x\na\n"
