"""Find the sheet on a scanned page: the QR code (which page of which exam), then the four
corner marks, giving a homography from sheet millimetres to pixels."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np
import zxingcpp
from numpy.typing import NDArray

from exampdf.sheets import geometry as G

Gray = NDArray[np.uint8]
Floats = NDArray[np.float32]
Judge = Callable[[NDArray[np.float64]], float | None]  # placement -> score (lower wins)
_QR = zxingcpp.barcode_formats_from_str("QRCode")
PX_PER_MM = 6.0  # working resolution: bubbles ~26 x 19 px, a QR module ~5 px


@dataclass(frozen=True)
class Located:
    H: NDArray[np.float64]  # sheet mm -> working-image pixels
    qr: str  # payload ("" when the QR code could not be read)
    marks: int  # corner marks found (4 when located by them)


def working_image(img: Gray, paper: G.Paper) -> Gray:
    """Shrink by a whole factor to PX_PER_MM or a little more (area averaging also turns
    dithering back into grey; whole factors take OpenCV's fast path)."""
    f = round(max(img.shape) / (PX_PER_MM * paper.h * 1.05))
    if f < 2:
        return img
    size = (img.shape[1] // f, img.shape[0] // f)
    return np.asarray(cv2.resize(img, size, interpolation=cv2.INTER_AREA), np.uint8)


def darkness(img: Gray) -> Floats:
    """1 - pixel / local paper white: uneven light and grey paper divided out."""
    h, w = img.shape
    small = cv2.resize(img, (max(1, w // 8), max(1, h // 8)), interpolation=cv2.INTER_AREA)
    white = cv2.dilate(small, np.ones((7, 7), np.uint8))
    white = cv2.GaussianBlur(white, (0, 0), 3)
    white = cv2.resize(white, (w, h), interpolation=cv2.INTER_LINEAR)
    dark = 1.0 - img.astype(np.float32) / np.maximum(white.astype(np.float32), 16.0)
    return np.clip(cv2.blur(dark, (3, 3)), 0.0, 1.0)


def read_qr(img: Gray) -> tuple[str, Floats | None]:
    """The exampdf QR payload and its four corners (symbol TL, TR, BR, BL) in pixels."""
    found = zxingcpp.read_barcodes(img, formats=_QR)
    for r in found:
        if r.valid and r.text.startswith(G.FORMAT + "|"):
            p = r.position
            pts = [p.top_left, p.top_right, p.bottom_right, p.bottom_left]
            return r.text, np.array([[q.x, q.y] for q in pts], np.float32)
    other = next((r.text for r in found if r.valid), None)
    return ("" if other is None else "FOREIGN|" + other[:40]), None


def qr_corners_mm(paper: G.Paper) -> Floats:
    x0, y0, s = paper.qr_x, G.TOP, G.QR_SIZE
    return np.array([[x0, y0], [x0 + s, y0], [x0 + s, y0 + s], [x0, y0 + s]], np.float32)


def to_px(H: NDArray[np.float64], pts: Floats) -> Floats:
    out = cv2.perspectiveTransform(pts.reshape(-1, 1, 2).astype(np.float32), H)
    return np.asarray(out, np.float32).reshape(-1, 2)


def locate(
    dark: Floats,
    paper: G.Paper,
    qr_pts: Floats | None,
    tolerance: float = 5.0,
    fp_byte: int = -1,
    judge: Judge | None = None,
) -> tuple[NDArray[np.float64], int] | None:
    """Homography mm -> px from the four corner marks: of the solid squares on the page, the
    four that form the marks' rectangle (and agree with the QR code where it was read; with
    neither QR code nor code row, `judge` scores each placement by the printed layout)."""
    marks_mm = np.array(G.mark_centres(paper), np.float32)
    min_area = (G.MARK_SIZE * PX_PER_MM * 0.3) ** 2
    blobs = sorted((b for b in _solid_squares(dark) if b[2] > min_area), key=lambda b: -b[2])
    span_w = paper.w - 2 * G.MARK_INSET - G.MARK_SIZE
    want = (paper.h - 2 * G.MARK_INSET - G.MARK_SIZE) / span_w
    best: tuple[float, NDArray[np.float64]] | None = None
    for four in itertools.combinations(blobs[:12], 4):
        areas = [b[2] for b in four]
        if max(areas) > 5.0 * min(areas):  # a photo foreshortens one side
            continue
        quad = _as_portrait(np.array([[b[0], b[1]] for b in four], np.float32))
        if quad is None:
            continue
        w = float(np.linalg.norm(quad[1] - quad[0]) + np.linalg.norm(quad[3] - quad[2])) / 2
        h = float(np.linalg.norm(quad[2] - quad[0]) + np.linalg.norm(quad[3] - quad[1])) / 2
        side = float(np.sqrt(np.mean(areas))) / max(w, 1e-6) * span_w
        if abs(h / max(w, 1e-6) - want) > 0.4 * want or not 0.5 < side / G.MARK_SIZE < 2.0:
            continue
        for target in (quad, quad[[3, 2, 1, 0]]):
            H = np.asarray(cv2.getPerspectiveTransform(marks_mm, target), np.float64)
            if judge is not None and qr_pts is None:
                score = judge(H) if w / span_w >= 1.5 else None
            else:
                score = _fit(H, dark, paper, qr_pts, w / span_w, tolerance, fp_byte)
            if score is not None and (best is None or score < best[0]):
                best = (score, H)
    if best is None and qr_pts is not None:
        return _three_marks(blobs[:8], marks_mm, dark, paper, qr_pts, tolerance, fp_byte)
    return None if best is None else (best[1], 4)


def _three_marks(
    blobs: list[tuple[float, float, float]],
    marks_mm: Floats,
    dark: Floats,
    paper: G.Paper,
    qr_pts: Floats,
    tolerance: float,
    fp_byte: int,
) -> tuple[NDArray[np.float64], int] | None:
    """A mark lost over the scan's edge: an affine map from three marks, the QR code
    saying which three they are."""
    best: tuple[float, NDArray[np.float64], Floats, list[int]] | None = None
    for three in itertools.combinations(blobs, 3):
        areas = [b[2] for b in three]
        if max(areas) > 3.0 * min(areas):
            continue
        dst = np.array([[b[0], b[1]] for b in three], np.float32)
        for corners in itertools.permutations(range(4), 3):
            A = cv2.getAffineTransform(marks_mm[list(corners)], dst)
            H = np.vstack([A, [0.0, 0.0, 1.0]])
            unit = float(np.linalg.norm(A[:, 0]))
            side = float(np.sqrt(np.mean(areas))) / max(unit, 1e-6)
            if not 0.5 < side / G.MARK_SIZE < 2.0:
                continue
            score = _fit(H, dark, paper, qr_pts, unit, tolerance, fp_byte)
            if score is not None and (best is None or score < best[0]):
                best = (score, H, dst, list(corners))
    if best is None:
        return None
    _, H, dst, found = best
    missing = next(i for i in range(4) if i not in found)
    fourth = _fourth_mark(dark, to_px(H, marks_mm[missing : missing + 1])[0], H)
    if fourth is not None:  # an affine map cannot model a photo's perspective: four can
        quad = np.zeros((4, 2), np.float32)
        quad[found], quad[missing] = dst, fourth
        H4 = np.asarray(cv2.getPerspectiveTransform(marks_mm, quad), np.float64)
        unit = float(np.sqrt(abs(np.linalg.det(H4[:2, :2]))))
        if _fit(H4, dark, paper, qr_pts, unit, tolerance, fp_byte) is not None:
            return H4, 4
    return H, 3


def _fourth_mark(dark: Floats, guess: Floats, H: NDArray[np.float64]) -> Floats | None:
    """The centre of the solid blob nearest where an affine map from three marks puts the
    fourth (a foreshortened or crowded mark fails the strict square test, not this one)."""
    unit = float(np.sqrt(abs(np.linalg.det(H[:2, :2]))))
    r = int(G.MARK_SIZE * 1.5 * unit)
    x0, y0 = max(0, int(guess[0]) - r), max(0, int(guess[1]) - r)
    win = (dark[y0 : int(guess[1]) + r, x0 : int(guess[0]) + r] > 0.45).astype(np.uint8)
    if win.size == 0:
        return None
    _, _, stats, centroids = cv2.connectedComponentsWithStats(win, connectivity=8)
    want = (G.MARK_SIZE * unit) ** 2
    best: tuple[float, Floats] | None = None
    for i in range(1, len(stats)):
        x, y, w, h, a = (int(v) for v in stats[i])
        if not 0.3 * want < a < 3.0 * want or a < 0.6 * w * h or not 0.5 < w / h < 2.0:
            continue
        if x == 0 or y == 0 or x + w == win.shape[1] or y + h == win.shape[0]:
            continue  # cut by the window or the scan's edge: its centre is not the mark's
        c = np.array(centroids[i] + (x0, y0), np.float32)
        d = float(np.linalg.norm(c - guess))
        if best is None or d < best[0]:
            best = (d, c)
    return None if best is None else best[1]


def _fit(
    H: NDArray[np.float64],
    dark: Floats,
    paper: G.Paper,
    qr_pts: Floats | None,
    unit: float,
    tolerance: float,
    fp_byte: int,
) -> float | None:
    """Lower is better: how far (mm) the QR corners land from where zxing saw them, or,
    without a QR code, minus the ink where the QR code should be (if the code row reads);
    None rejects the placement."""
    if unit < 1.5:
        return None  # a sheet this small is no sheet at the working resolution
    if qr_pts is None:  # without the QR code only a code row that reads names the sheet
        decoded = G.decode_bits(code_row(dark, H, paper))
        if decoded is None or decoded[0] != fp_byte:  # upside down may pass the parity
            return None
        return -_qr_ink(dark, H, paper)
    err = float(np.abs(to_px(H, qr_corners_mm(paper)) - qr_pts).max()) / max(unit, 1e-6)
    return err if err < tolerance else None


def _solid_squares(dark: Floats) -> list[tuple[float, float, float]]:
    """Centres and areas (in `dark`'s pixels) of dark, filled, square blobs standing alone
    on paper, found at half resolution (a mark is still 20 pixels wide there)."""
    half = cv2.resize(dark, (dark.shape[1] // 2, dark.shape[0] // 2), interpolation=cv2.INTER_AREA)
    binary = (half > 0.45).astype(np.uint8)
    _, _, stats, centroids = cv2.connectedComponentsWithStats(binary, connectivity=8)
    out = []
    big = np.nonzero(stats[1:, cv2.CC_STAT_AREA] >= 16)[0] + 1
    rows, cols = binary.shape
    for i in big:
        x, y, w, h, a = (int(v) for v in stats[i])
        cut_x, cut_y = x == 0 or x + w == cols, y == 0 or y + h == rows
        if (cut_x and cut_y) or w < 4 or h < 4 or a < 0.6 * w * h:
            continue
        cx, cy = (float(c) for c in centroids[i])
        s = h if cut_x else w
        if (cut_x or cut_y) and (w if cut_x else h) < s:  # cut by the scan's edge: its
            if (w if cut_x else h) < 0.4 * s:  # centre from the side that is whole
                continue
            if cut_x:
                cx = x + w - s / 2 if x == 0 else x + s / 2
            else:
                cy = y + h - s / 2 if y == 0 else y + s / 2
            w = h = s
            a = s * s
        if not 0.6 < w / h < 1.67 or not _isolated(binary, x, y, w, h, a):
            continue
        out.append((2 * cx + 0.5, 2 * cy + 0.5, 4.0 * a))
    return out


def _isolated(binary: NDArray[np.uint8], x: int, y: int, w: int, h: int, a: int) -> bool:
    """Paper all round: a corner mark stands alone; the desk beyond a photo's sheet edge,
    a QR code's modules or a row of text do not."""
    mx, my = w // 2 + 2, h // 2 + 2
    y0, x0 = max(0, y - my), max(0, x - mx)
    around = binary[y0 : y + h + my, x0 : x + w + mx]
    ring = around.size - w * h
    return ring > 0 and (int(around.sum()) - a) / ring < 0.08


def code_row(dark: Floats, H: NDArray[np.float64], paper: G.Paper) -> list[int]:
    """The printed code row's bits (black cells are 1)."""
    px = to_px(H, np.array(G.code_cells(paper), np.float32))
    h, w = dark.shape
    return [
        int(0 <= round(y) < h and 0 <= round(x) < w and float(dark[round(y), round(x)]) > 0.4)
        for x, y in px
    ]


def _as_portrait(pts: Floats) -> Floats | None:
    """Four points ordered TL, TR, BL, BR of a convex quadrilateral whose long side is
    vertical in sheet terms (one of two orientations; the caller picks by the QR)."""
    hull = cv2.convexHull(pts, returnPoints=True).reshape(-1, 2)
    if len(hull) != 4:
        return None
    (ax, ay), (bx, by) = hull[1] - hull[0], hull[2] - hull[1]
    if ax * by - ay * bx < 0:
        hull = hull[::-1]  # clockwise on screen (y down)
    sides = [np.linalg.norm(hull[(i + 1) % 4] - hull[i]) for i in range(4)]
    start = 0 if sides[0] + sides[2] < sides[1] + sides[3] else 1  # a short side first
    a, b, c, d = (hull[(start + i) % 4] for i in range(4))
    return np.array([a, b, d, c], np.float32)


def _qr_ink(dark: Floats, H: NDArray[np.float64], paper: G.Paper) -> float:
    pts = to_px(H, qr_corners_mm(paper))
    x0, y0 = np.maximum(pts.min(axis=0).astype(int), 0)
    x1, y1 = pts.max(axis=0).astype(int)
    win = dark[y0:y1, x0:x1]
    return float(win.mean()) if win.size else 0.0
