"""Find the sheet on a scanned page: the QR code (which page of which exam), then the four
corner marks, giving a homography from sheet millimetres to pixels."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import cv2
import numpy as np
import zxingcpp
from numpy.typing import NDArray

from exampdf.sheets import geometry as G

Gray = NDArray[np.uint8]
Floats = NDArray[np.float32]
_QR = zxingcpp.barcode_formats_from_str("QRCode")
PX_PER_MM = 6.0  # working resolution: bubbles ~26 x 19 px, a QR module ~5 px


@dataclass(frozen=True)
class Located:
    H: NDArray[np.float64]  # sheet mm -> working-image pixels
    qr: str  # payload ("" when the QR code could not be read)
    marks: int  # corner marks found (4 when located by them)


def working_image(img: Gray, paper: G.Paper) -> Gray:
    """Shrink to about PX_PER_MM (area averaging also turns dithering back into grey)."""
    scale = PX_PER_MM * paper.h * 1.05 / max(img.shape)
    if scale >= 0.9:
        return img
    size = (max(1, round(img.shape[1] * scale)), max(1, round(img.shape[0] * scale)))
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
    dark: Floats, paper: G.Paper, qr_pts: Floats | None
) -> tuple[NDArray[np.float64], int] | None:
    """Homography mm -> px from the four corner marks: of the solid squares on the page, the
    four that form the marks' rectangle (and agree with the QR code where it was read)."""
    marks_mm = np.array(G.mark_centres(paper), np.float32)
    min_area = (G.MARK_SIZE * PX_PER_MM * 0.3) ** 2
    blobs = sorted((b for b in _solid_squares(dark) if b[2] > min_area), key=lambda b: -b[2])
    span_w = paper.w - 2 * G.MARK_INSET - G.MARK_SIZE
    want = (paper.h - 2 * G.MARK_INSET - G.MARK_SIZE) / span_w
    best: tuple[float, NDArray[np.float64]] | None = None
    for four in itertools.combinations(blobs[:12], 4):
        areas = [b[2] for b in four]
        if max(areas) > 2.0 * min(areas):
            continue
        quad = _as_portrait(np.array([[b[0], b[1]] for b in four], np.float32))
        if quad is None:
            continue
        w = float(np.linalg.norm(quad[1] - quad[0]) + np.linalg.norm(quad[3] - quad[2])) / 2
        h = float(np.linalg.norm(quad[2] - quad[0]) + np.linalg.norm(quad[3] - quad[1])) / 2
        side = float(np.sqrt(np.mean(areas))) / max(w, 1e-6) * span_w
        if abs(h / max(w, 1e-6) - want) > 0.2 * want or not 0.6 < side / G.MARK_SIZE < 1.5:
            continue
        for target in (quad, quad[[3, 2, 1, 0]]):
            H = np.asarray(cv2.getPerspectiveTransform(marks_mm, target), np.float64)
            score = _fit(H, dark, paper, qr_pts, w / span_w)
            if score is not None and (best is None or score < best[0]):
                best = (score, H)
    return None if best is None else (best[1], 4)


def _fit(
    H: NDArray[np.float64], dark: Floats, paper: G.Paper, qr_pts: Floats | None, unit: float
) -> float | None:
    """Lower is better: how far (mm) the QR corners land from where zxing saw them, or,
    without a QR code, minus the ink where the QR code should be and whether the code row
    reads."""
    if qr_pts is None:  # the code row reads only the right way up
        return -_qr_ink(dark, H, paper) - (G.decode_bits(code_row(dark, H, paper)) is not None)
    err = float(np.abs(to_px(H, qr_corners_mm(paper)) - qr_pts).max()) / max(unit, 1e-6)
    return err if err < 5.0 else None


def _solid_squares(dark: Floats) -> list[tuple[float, float, float]]:
    """Centres and areas of dark, filled, square blobs standing alone on paper."""
    binary = (dark > 0.45).astype(np.uint8)
    n, _, stats, centroids = cv2.connectedComponentsWithStats(binary, connectivity=8)
    out = []
    for i in range(1, n):
        x, y, w, h, a = (int(v) for v in stats[i])
        if w < 4 or h < 4 or not 0.75 < w / h < 1.33 or a < 0.82 * w * h:
            continue
        if not _isolated(binary, x, y, w, h, a):
            continue
        out.append((float(centroids[i][0]), float(centroids[i][1]), float(a)))
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
