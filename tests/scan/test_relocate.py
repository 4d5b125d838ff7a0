"""Rows re-located against their printed frames: a homography off by a millimetre or two
(a feeder's uneven stretch) no longer moves the sampled bubbles off the marks."""

from __future__ import annotations

import numpy as np

from exampdf.scan.keyinfo import read_scan_key
from exampdf.scan.locate import darkness, working_image
from exampdf.scan.marks import decide, sample
from exampdf.scan.relocate import row_shifts, shifted
from exampdf.sheets import geometry as G
from tests.helpers.scansynth import DPI, Exam, fill


def _off_by(dx: float, dy: float, px_per_mm: float) -> np.ndarray:
    """mm -> px for a page drawn at px_per_mm, wrong by (dx, dy) mm: it puts the sheet's
    point p where p + (dx, dy) is printed."""
    s = px_per_mm
    return np.array([[s, 0, s * dx], [0, s, s * dy], [0, 0, 1]], np.float64)


def test_rows_are_found_where_their_frames_are_printed_and_read_right(exam: Exam) -> None:
    key = read_scan_key(exam.key_path.read_text(encoding="utf-8"))
    code = exam.codes[0]
    version = key.by_code(code)
    assert version is not None
    pages, truth = fill(exam, np.random.default_rng(3), "123", code)
    work = working_image(pages[0], key.paper)
    dark = darkness(work)
    s = DPI / 25.4 * work.shape[0] / pages[0].shape[0]
    H = _off_by(0.8, -1.6, s)
    rows = [r for r in G.place_rows(version.sheet, key.paper) if r.page == 1]
    shifts = row_shifts(dark, H, rows)
    assert set(shifts) == {r.number for r in rows if r.bubbles}
    for dx, dy in shifts.values():
        assert abs(dx + 0.8) <= 0.2 and abs(dy - 1.6) <= 0.2
    bubbles = [b for b in G.bubbles_of(version.sheet, key.paper, 1) if b.question]

    def answers(bs: list[G.Bubble]) -> list[str]:
        got: dict[int, str] = {}
        for r in decide(sample(dark, H, bs), bs):
            if r.state != "empty":
                got[r.bubble.question] = got.get(r.bubble.question, "") + chr(65 + r.bubble.option)
        return [got.get(n, "") for n in range(1, len(truth.answers) + 1)]

    assert answers(shifted(bubbles, shifts)) == truth.answers
    assert answers(bubbles) != truth.answers  # the homography alone misreads this page


def test_a_row_whose_frame_is_not_seen_keeps_the_homography(exam: Exam) -> None:
    key = read_scan_key(exam.key_path.read_text(encoding="utf-8"))
    version = key.by_code(exam.codes[0])
    assert version is not None
    blank = np.zeros((1754, 1240), np.float32)
    rows = [r for r in G.place_rows(version.sheet, key.paper) if r.page == 1]
    shifts = row_shifts(blank, _off_by(0.0, 0.0, 1240 / key.paper.w), rows)
    assert all(v == (0.0, 0.0) for v in shifts.values())
