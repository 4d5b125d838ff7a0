"""Answer sheets with real roster data (issue 16, items 1-3): long ids, the student-number
grid's width, long titles; nothing printed over the QR code or the corner marks."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pdfplumber
import pytest
from click.testing import CliRunner

from exampdf.cli import main
from exampdf.config import ExamConfig
from exampdf.layout.text.fonts import register_fonts
from exampdf.model import Bank
from exampdf.parse.roster import Student
from exampdf.render.pdf import PdfMeta
from exampdf.render.sheets import write_answer_sheets
from exampdf.sheets import geometry as G
from exampdf.sheets.compose import answer_sheets, unmarkable_ids
from exampdf.specs import sheet_spec
from exampdf.versions import VersionSpec, build_versions
from tests.helpers.bankfactory import question

MM = 72 / 25.4
LONG_TITLE = (
    "令和6年度 第2学期 期末考査 情報Ⅰ（情報デザインとプログラミング・データベース・"
    "ネットワーク）総合問題"
)
IDS = tuple("2024001234567"[:n] for n in range(4, 14))  # 4 to 13 characters


def _render(tmp: Path, paper: str, title: str = LONG_TITLE) -> tuple[Path, list[G.SheetPage]]:
    bank = Bank(tuple(question(f"q{i}", options=4) for i in range(6)))
    students = tuple(Student(sid, name=f"生徒{sid}") for sid in IDS)
    config = ExamConfig(
        title=title, paper=paper, answer_sheet=True, name_fields=("学籍番号", "氏名")
    )
    versions = build_versions(bank, VersionSpec(1, 3, True, students=students))
    pages = answer_sheets(bank, versions, sheet_spec(config))
    fonts = register_fonts("mincho")
    path = tmp / f"sheets-{paper}.pdf"
    write_answer_sheets(path, pages, fonts, PdfMeta("t", font=fonts.body))
    return path, pages


@pytest.mark.parametrize("paper", ["A4", "B5"])
def test_no_text_or_line_crosses_the_qr_code_or_a_corner_mark(tmp_path: Path, paper: str) -> None:
    path, pages = _render(tmp_path, paper)
    p = pages[0].paper
    quiet = 2.5  # mm of white kept round the QR code (zxing wants ~4 modules)
    keep_out = [
        (p.qr_x - quiet, G.TOP - quiet, p.qr_x + G.QR_SIZE + quiet, G.TOP + G.QR_SIZE + quiet)
    ]
    keep_out += [(m.x - 1, m.y - 1, m.x + m.w + 1, m.y + m.h + 1) for m in G.corner_marks(p)]
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            assert page.width == pytest.approx(p.w * MM)
            things = [(c["x0"], c["top"], c["x1"], c["bottom"]) for c in page.chars]
            things += [(r["x0"], r["top"], r["x1"], r["bottom"]) for r in page.rects + page.curves]
            for x0, top, x1, bottom in things:
                box = (x0 / MM, top / MM, x1 / MM, bottom / MM)
                assert box[0] >= 0 and box[2] <= p.w and box[1] >= 0 and box[3] <= p.h
                for k in keep_out:
                    inside = (
                        k[0] - 0.05 <= box[0] and box[2] <= k[2] + 0.05 and k[1] - 0.05 <= box[1]
                    )
                    inside = inside and box[3] <= k[3] + 0.05
                    overlap = box[0] < k[2] and k[0] < box[2] and box[1] < k[3] and k[1] < box[3]
                    assert inside or not overlap, (box, k)


def test_every_qr_code_decodes_at_200_dpi_for_ids_of_4_to_13_characters(tmp_path: Path) -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    import pypdfium2 as pdfium

    path, pages = _render(tmp_path, "A4")
    doc = pdfium.PdfDocument(str(path))
    try:
        read = []
        for i in range(len(doc)):
            img = np.asarray(doc[i].render(scale=200 / 72, grayscale=True).to_pil().convert("L"))
            read.append([r.text for r in zxingcpp.read_barcodes(img)])
    finally:
        doc.close()
    assert read == [[p.qr] for p in pages]
    assert {p.code for p in pages} == set(IDS)


def test_the_student_number_grid_has_as_many_digits_as_the_ids() -> None:
    bank = Bank((question("q0"),))
    for ids, digits, want in (((), 0, 8), (("1234567890123",), 0, 13), (("101",), 10, 10)):
        students = tuple(Student(i) for i in ids)
        versions = build_versions(bank, VersionSpec(1, 1, False, students=students))
        pages = answer_sheets(
            bank, versions, sheet_spec(ExamConfig(answer_sheet=True, id_digits=digits))
        )
        columns = {b.column for b in pages[0].bubbles if b.question == 0}
        assert columns == set(range(want))
    assert unmarkable_ids(["s2023-0101", "１０１", "12345"], 4) == [
        ("s2023-0101", 0, 4),
        ("12345", 5, 4),
    ]


def test_a_roster_id_the_grid_cannot_hold_stops_make_before_printing(tmp_path: Path) -> None:
    bank = tmp_path / "questions"
    bank.mkdir()
    (bank / "q1.md").write_text(
        "# t\n\n## 問題\n問い\n\n## 選択肢\nA. あ\n\nB. い\n\n## 正解\n**A**\n", encoding="utf-8"
    )
    roster = tmp_path / "roster.csv"
    roster.write_text("id,name\n2023010101,山田\ns2023-0101,田中\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ["make", str(bank), "--roster", str(roster), "--answer-sheet", "-o", str(out), "-q"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert "roster.csv:3: error[R006]: student id s2023-0101 cannot be marked" in result.output
    assert not out.exists()


def test_a_long_title_wraps_beside_the_version_box() -> None:
    bank = Bank((question("q0"),))
    versions = build_versions(bank, VersionSpec(1, 1, False))
    for paper in ("A4", "B5"):
        page = answer_sheets(bank, versions, sheet_spec(ExamConfig(title=LONG_TITLE, paper=paper)))[
            0
        ]
        lines = [lb for lb in page.labels if lb.bold and lb.y < G.NAME_Y and lb.text != "A"]
        assert 2 <= len(lines) <= 3 and "".join(lb.text for lb in lines) == LONG_TITLE
        room = page.paper.version_x - G.GAP - G.EDGE
        assert all(
            lb.max_w == room and G.text_width(lb.text, lb.size) <= room + 0.5 for lb in lines
        )
