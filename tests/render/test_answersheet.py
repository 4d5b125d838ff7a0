"""answer-sheets.pdf: the documented geometry as data, and where the PDF really puts it."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from exampdf.config import ExamConfig
from exampdf.layout.text.fonts import register_fonts
from exampdf.model import Bank
from exampdf.render.pdf import PdfMeta
from exampdf.render.sheets import write_answer_sheets
from exampdf.sheets import geometry as A
from exampdf.sheets.compose import answer_sheets
from exampdf.specs import sheet_spec
from exampdf.versions import ExamVersion, VersionSpec, build_versions
from tests.helpers.bankfactory import question

MM = 72 / 25.4


def _bank() -> Bank:
    qs = [
        question(f"q{i}", options=3 + i % 5, answer=(0, 1) if i % 4 == 1 else (0,))
        for i in range(12)
    ]
    return Bank(tuple(qs))


def _sheets(config: ExamConfig, n: int = 2) -> tuple[Bank, list[A.SheetPage], list[ExamVersion]]:
    bank = _bank()
    versions = build_versions(bank, VersionSpec(n, 7, True))
    return bank, answer_sheets(bank, versions, sheet_spec(config)), versions


def test_one_row_of_bubbles_per_question_labelled_as_printed() -> None:
    bank, pages, versions = _sheets(ExamConfig(label_style="ア", seed=7))
    assert [p.code for p in pages] == ["A", "B"]
    for page, version in zip(pages, versions, strict=True):
        rows: dict[int, list[A.Bubble]] = {}
        for b in page.bubbles:
            rows.setdefault(b.question, []).append(b)
        assert len(rows.pop(0)) == A.DEFAULT_ID_DIGITS * 10  # the student-number grid
        assert sorted(rows) == list(range(1, 13))
        for number, item in enumerate(version.items, start=1):
            q, bubbles = bank.questions[item.question], rows[number]
            assert len(bubbles) == len(q.choices) and len({b.y for b in bubbles}) == 1
            assert [b.label for b in bubbles][:3] == ["ア", "イ", "ウ"]
            assert {b.square for b in bubbles} == {q.multi}
            cols = page.paper.columns
            assert all(cols[0] < b.x < cols[-1] + page.paper.col_w for b in bubbles)
        multi = [lb for lb in page.labels if lb.text == A.MULTI_NOTE]
        assert len(multi) == sum(bank.questions[it.question].multi for it in version.items)


def test_qr_payload_names_fingerprint_version_and_page() -> None:
    _, pages, _ = _sheets(ExamConfig(seed=7))
    fp = pages[0].qr.split("|")[1]
    assert pages[0].qr == f"EXAMPDF1|{fp}|v=A|p=1/1" and pages[1].qr == f"EXAMPDF1|{fp}|v=B|p=1/1"
    assert len(fp) == len("fp=") + 12
    _, other, _ = _sheets(ExamConfig(seed=8))
    assert other[0].qr.split("|")[1] != fp  # another seed is another exam


def test_many_written_questions_continue_on_more_pages() -> None:
    bank = Bank(tuple(question(f"w{i}", options=0, answer=()) for i in range(20)))
    versions = build_versions(bank, VersionSpec(1, 1, False))
    pages = answer_sheets(bank, versions, sheet_spec(ExamConfig()))
    # 5 ruled lines of 7 mm each: three answers per column, six per page
    assert [p.page for p in pages] == [1, 2, 3, 4] and pages[3].qr.endswith("p=4/4")
    assert all(len([b for b in p.bubbles if b.question == 0]) == 80 for p in pages)
    for page in pages:
        rows = [b for b in page.boxes if b.w == page.paper.col_w]
        assert all(b.y >= A.ROWS_Y and b.y + b.h <= page.paper.rows_bottom + 1e-6 for b in rows)


@pytest.fixture(scope="module")
def pdf_and_pages(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[A.SheetPage]]:
    _, pages, _ = _sheets(ExamConfig(seed=7), n=1)
    path = tmp_path_factory.mktemp("sheet") / "answer-sheets.pdf"
    fonts = register_fonts("mincho")
    write_answer_sheets(path, pages, fonts, PdfMeta("t", font=fonts.body))
    return path, pages


def test_registration_marks_lie_where_documented(
    pdf_and_pages: tuple[Path, list[A.SheetPage]],
) -> None:
    path, _ = pdf_and_pages
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        assert (page.width, page.height) == pytest.approx((210 * MM, 297 * MM))
        squares = [r for r in page.rects if r["fill"] and abs(r["width"] - A.MARK_SIZE * MM) < 0.1]
        corners = sorted((round(r["x0"] / MM, 1), round(r["top"] / MM, 1)) for r in squares)
    far_x, far_y = 210 - A.MARK_INSET - A.MARK_SIZE, 297 - A.MARK_INSET - A.MARK_SIZE
    assert corners == sorted([(10.0, 10.0), (far_x, 10.0), (10.0, far_y), (far_x, far_y)])
    assert A.MARK_INSET >= 10 and A.MARK_SIZE >= 8 > 2 * A.BUBBLE_W - 1


def test_bubbles_lie_where_the_geometry_says(pdf_and_pages: tuple[Path, list[A.SheetPage]]) -> None:
    path, pages = pdf_and_pages
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        shapes = [(c["x0"], c["top"], c["x1"], c["bottom"]) for c in page.curves]
        shapes += [(r["x0"], r["top"], r["x1"], r["bottom"]) for r in page.rects if not r["fill"]]
    centres = [
        ((x0 + x1) / 2 / MM, (t + b) / 2 / MM)
        for x0, t, x1, b in shapes
        if abs((x1 - x0) / MM - A.BUBBLE_W) < 0.2
    ]
    assert len(pages[0].bubbles) > 100
    for b in pages[0].bubbles:
        assert any(abs(x - b.x) < 0.1 and abs(y - b.y) < 0.1 for x, y in centres), b


def test_qr_code_is_drawn_inside_its_square(pdf_and_pages: tuple[Path, list[A.SheetPage]]) -> None:
    path, _ = pdf_and_pages
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        modules = [
            r
            for r in page.rects
            if r["fill"]
            and r["x0"] >= (210 - A.EDGE - A.QR_SIZE) * MM - 1
            and r["x1"] <= (210 - A.EDGE) * MM + 1
            and r["top"] >= A.TOP * MM - 1
            and r["bottom"] <= (A.TOP + A.QR_SIZE) * MM + 1
        ]
    assert len(modules) > 50
