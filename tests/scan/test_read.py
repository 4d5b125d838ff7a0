"""Reading synthetic scans: no mark read wrong without a flag, under every copier and phone
condition; foreign, other-exam and blank pages never read in."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from exampdf.scan.keyinfo import ScanKey, read_scan_key
from exampdf.scan.read import PageRead, read_page
from exampdf.sheets import geometry as G
from tests.helpers.scansynth import Condition, Exam, Truth, fill, scan

COPIER = [
    Condition("copier 300 dpi"),
    Condition("copier 200 dpi", dpi=200),
    Condition("upside down", upside_down=True),
    Condition("binarised", binarise=True),
    Condition("dithered", dither=True),
    Condition("printed at 95%", print95=True),
]


def _key(exam: Exam) -> ScanKey:
    return read_scan_key(exam.key_path.read_text(encoding="utf-8"))


def _silent_errors(r: PageRead, truth: Truth) -> list[str]:
    """Cells read with confidence that differ from what the student meant."""
    wrong = []
    for c in r.cells:
        if c.status == "review":
            continue
        want = truth.student if c.key == "id" else truth.answers[int(c.key[1:]) - 1]
        if c.value != want:
            wrong.append(f"{c.key}: read {c.value!r}, meant {want!r}")
    return wrong


@pytest.mark.parametrize("cond", COPIER, ids=lambda c: c.name)
def test_copier_scans_are_located_and_read_without_silent_errors(
    exam: Exam, cond: Condition
) -> None:
    rng = np.random.default_rng(len(cond.name))
    key = _key(exam)
    for n in range(2):
        pages, truth = fill(exam, rng, f"{20240 + n}", exam.codes[n % len(exam.codes)])
        r = read_page(scan(pages[0], cond, rng), "scan.pdf", n + 1, key)
        assert (r.status, r.version, r.sheet_page) == ("read", truth.version, 1)
        assert _silent_errors(r, truth) == []
        assert sum(c.status == "review" for c in r.cells) <= 2


def test_phone_photos_are_read_or_reported_never_guessed(exam: Exam) -> None:
    rng = np.random.default_rng(11)
    key = _key(exam)
    read = 0
    for n in range(3):
        pages, truth = fill(exam, rng, f"{30300 + n}", exam.codes[0])
        r = read_page(scan(pages[0], Condition("photo", photo=True), rng), "p.jpg", 1, key)
        assert r.status in ("read", "not-located")
        if r.status == "read":
            read += 1
            assert _silent_errors(r, truth) == []
    assert read >= 2


def test_without_its_qr_code_a_sheet_is_found_by_its_marks_and_code_row(exam: Exam) -> None:
    rng = np.random.default_rng(5)
    pages, truth = fill(exam, rng, "777", exam.codes[1])
    img = pages[0]
    px = 300 / 25.4
    x0, y0 = int(exam.pages[(truth.version, 1)].paper.qr_x * px), int(G.TOP * px)
    img[y0 : y0 + int(G.QR_SIZE * px), x0 : x0 + int(G.QR_SIZE * px)] = 255  # torn off
    r = read_page(
        scan(img, Condition("upside down", upside_down=True), rng), "s.pdf", 1, _key(exam)
    )
    assert (r.status, r.version) == ("read", truth.version)
    assert _silent_errors(r, truth) == []


def test_pages_of_another_exam_blank_pages_and_foreign_pages_are_reported(
    exam: Exam, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from tests.helpers.scansynth import make_exam

    other = make_exam(tmp_path_factory.mktemp("other"), questions=30, versions=3, seed=99)
    rng = np.random.default_rng(2)
    key = _key(exam)
    pages, _ = fill(other, rng, "1", other.codes[0])
    assert read_page(scan(pages[0], Condition("c"), rng), "x", 1, key).status == "other-exam"
    blank = np.full((3508, 2480), 250, np.uint8)
    assert read_page(blank, "x", 2, key).status == "blank"
    letter = blank.copy()
    for i in range(40):
        cv2.putText(letter, "Dear parents, the school trip", (150, 200 + 80 * i), 0, 2, 0, 3)
    assert read_page(letter, "x", 3, key).status == "not-located"
    import zxingcpp

    qr = np.asarray(
        zxingcpp.write_barcode_to_image(
            zxingcpp.create_barcode("https://example.com", zxingcpp.BarcodeFormat.QRCode), scale=12
        )
    )
    letter[300 : 300 + qr.shape[0], 1500 : 1500 + qr.shape[1]] = qr
    assert read_page(letter, "x", 4, key).status == "foreign"


def test_a_continuation_page_is_read_as_page_two(long_exam: Exam) -> None:
    rng = np.random.default_rng(8)
    key = _key(long_exam)
    pages, truth = fill(long_exam, rng, "4321", long_exam.codes[0])
    assert len(pages) == 2
    r = read_page(scan(pages[1], Condition("c"), rng), "s.pdf", 1, key)
    assert (r.status, r.sheet_page) == ("read", 2)
    assert [c.key for c in r.cells][1] == "q29"  # B5 holds 28 rows on the first page
    assert _silent_errors(r, truth) == []
