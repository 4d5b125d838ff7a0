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


def _photo_at(img: np.ndarray, corners: list[tuple[float, float]]) -> tuple[np.ndarray, np.ndarray]:
    """The page seen at an angle (corners at these shares of a 1.25 x 1.2 frame, 0.6 of the
    resolution) and the homography from the page's pixels to the photo's."""
    small = cv2.resize(img, None, fx=0.6, fy=0.6, interpolation=cv2.INTER_AREA)
    sh, sw = small.shape
    src = np.array([[0, 0], [sw, 0], [sw, sh], [0, sh]], np.float32)
    dst = (np.array(corners) * [sw * 1.25, sh * 1.2]).astype(np.float32)
    H = cv2.getPerspectiveTransform(src, dst)
    size = (int(sw * 1.25), int(sh * 1.2))
    return cv2.warpPerspective(small, H, size, borderValue=50), H


@pytest.mark.parametrize(
    "corners",
    [
        [(0.1, 0.26), (0.9, 0.08), (0.9, 0.92), (0.1, 0.74)],  # one side much nearer
        [(0.25, 0.08), (0.75, 0.08), (0.75, 0.92), (0.25, 0.92)],  # marks narrower than tall
        [(0.2, 0.18), (0.78, 0.08), (0.78, 0.92), (0.2, 0.82)],
    ],
    ids=["near side", "squeezed", "both"],
)
def test_a_photo_at_a_steep_angle_is_registered_by_all_four_marks(
    exam: Exam, corners: list[tuple[float, float]]
) -> None:
    """Foreshortened marks are no longer square and the marks' quadrilateral no longer has
    the paper's proportions: still four marks (an affine map from three cannot model a
    perspective and misplaces the far bubbles by more than their size)."""
    from exampdf.scan.locate import darkness, locate, read_qr, to_px, working_image

    key = _key(exam)
    photo, H = _photo_at(exam.images[(exam.codes[0], 1)], corners)
    work = working_image(photo, key.paper)
    _, qr = read_qr(work)
    found = locate(darkness(work), key.paper, qr)
    assert found is not None and found[1] == 4
    px = 0.6 * 300 / 25.4  # photo pixels per mm before the perspective
    far = np.array([[190.0, 250.0], [20.0, 270.0]], np.float32)  # far from the QR code
    want = cv2.perspectiveTransform((far * px).reshape(-1, 1, 2), H).reshape(-1, 2)
    assert np.abs(to_px(found[0], far) - want).max() < 0.3 * px  # within 0.3 mm


def _pencil(img: np.ndarray, b: G.Bubble, grey: float) -> None:
    """An even pencil mark over the whole bubble (multiplies: pencil over red ink)."""
    px = 300 / 25.4
    mask = np.zeros(img.shape, np.uint8)
    centre = (round(b.x * px), round(b.y * px))
    axes = (round(G.BUBBLE_W / 2 * px), round(G.BUBBLE_H / 2 * px))
    cv2.ellipse(mask, centre, axes, 0, 0, 360, 1, -1)
    img[mask > 0] = (img[mask > 0] * (grey / 255.0)).astype(np.uint8)


def test_a_black_and_white_page_never_reads_a_dropped_faint_mark_as_blank(exam: Exam) -> None:
    """A faint mark (grey 183) the copier's threshold (170) turned white leaves the letter
    under it black: review, not a confident blank; eraser residue beside a clear mark is
    empty; a blank row stays blank."""
    key = _key(exam)
    code = exam.codes[0]
    sheet = key.by_code(code)
    assert sheet is not None
    img = exam.images[(code, 1)].copy()
    rows: dict[int, list[G.Bubble]] = {}
    for b in G.bubbles_of(sheet.sheet, key.paper, 1):
        rows.setdefault(b.question, []).append(b)
    _pencil(img, rows[1][0], 80)  # q1: A, clear
    _pencil(img, rows[2][1], 183)  # q2: B, faint: the threshold drops it
    _pencil(img, rows[3][0], 80)  # q3: A, and residue of a rubbed-out B
    _pencil(img, rows[3][1], 215)
    page = np.where(img < 170, 0, 255).astype(np.uint8)
    r = read_page(page, "bw.pdf", 1, key)
    cells = {c.key: c for c in r.cells}
    assert (cells["q1"].value, cells["q1"].status) == ("A", "ok")
    assert cells["q2"].status == "review"
    assert (cells["q3"].value, cells["q3"].status) == ("A", "ok")
    assert (cells["q4"].value, cells["q4"].status) == ("", "ok")


def test_marks_cut_by_the_scans_edge_are_centred_from_their_whole_side(exam: Exam) -> None:
    """The page lies 12 mm too far right on the glass: the right-hand marks lose a quarter
    of their width, and their centres (so the whole page's registration) still hold."""
    from exampdf.scan.locate import darkness, locate, read_qr, to_px, working_image

    key = _key(exam)
    img = exam.images[(exam.codes[0], 1)]
    px = 300 / 25.4
    shifted = np.full_like(img, 255)
    dx = round(12 * px)
    shifted[:, dx:] = img[:, :-dx]
    work = working_image(shifted, key.paper)
    _, qr = read_qr(work)
    found = locate(darkness(work), key.paper, qr)
    assert found is not None and found[1] == 4
    s = work.shape[0] / img.shape[0] * px
    pts = np.array([[30.0, 140.0], [150.0, 260.0], [190.0, 60.0], [20.0, 280.0]], np.float32)
    want = (pts + np.array([12.0, 0.0], np.float32)) * s
    assert np.abs(to_px(found[0], pts) - want).max() < 0.2 * s  # within 0.2 mm
