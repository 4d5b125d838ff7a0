"""A sheet whose QR code and code row are both lost: found by its corner marks alone, and
known as one of this exam's sheets by what is printed on it (version box, student-number
boxes, and the row boxes and bubble rings of some version's page), never by guesswork."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
from numpy.typing import NDArray

from exampdf.scan.keyinfo import ScanKey
from exampdf.scan.locate import Floats, locate, to_px
from exampdf.sheets import geometry as G

STEP = 1.0  # mm between samples along a printed line
NEAR, AWAY = 0.5, 1.2  # mm: where the line may be (registration), where paper is beside it
HIT = 0.1  # a line is this much darker than the paper on both sides of it
RING = 0.05  # a bubble's light red ring, this much darker than the paper beside it
PASS = 0.7  # share of a layout's line samples that must show their line


@dataclass(frozen=True)
class Layout:
    """One geometry a page may have: the sheets (version code, page) printed with it and
    its question-row boxes."""

    sheets: tuple[tuple[str, int], ...]
    rows: tuple[G.Box, ...]
    bubbles: tuple[tuple[float, float], ...] = ()  # centres


def layouts(key: ScanKey) -> list[Layout]:
    """Every version's pages, grouped by where their rows and bubbles are printed (so a
    geometry shared by several versions is read once)."""
    groups: dict[tuple[object, ...], list[tuple[str, int]]] = {}
    made: dict[tuple[object, ...], Layout] = {}
    for v in key.versions:
        rows = G.place_rows(v.sheet, key.paper)
        for page in range(1, v.pages + 1):
            on = [r for r in rows if r.page == page]
            shape = tuple((r.box, r.multi, tuple((b.x, b.y) for b in r.bubbles)) for r in on)
            groups.setdefault(shape, []).append((v.sheet.code, page))
            centres = tuple((b.x, b.y) for r in on for b in r.bubbles)
            made[shape] = Layout((), tuple(r.box for r in on), centres)
    return [replace(made[shape], sheets=tuple(sheets)) for shape, sheets in groups.items()]


def place_by_frame(dark: Floats, key: ScanKey) -> tuple[NDArray[np.float64], list[Layout]] | None:
    """The corner marks' placement under which the printed boxes are seen (the frame every
    sheet shares, and every row box and ring of some layout), and the layouts it may be."""
    frame, every = frame_boxes(key.paper), layouts(key)
    grid = tuple((b.x, b.y) for b in G.id_grid(key.paper)[0])

    def fitting(H: NDArray[np.float64]) -> list[Layout]:
        # Rings are judged only where the scan kept them: a copier's black-and-white
        # threshold may whiten the light red print, the student-number grid's rings say so.
        rings = _whole(sum(s >= 0.5 for s in bubble_shares(dark, H, grid)), len(grid))
        return _fitting(dark, H, every, rings)

    def judge(H: NDArray[np.float64]) -> float | None:
        # the frame as a whole: text printed just above the student-number boxes may
        # hide the paper beside one of their edges
        if float(np.mean(line_shares(dark, H, frame))) < PASS:
            return None
        fits = fitting(H)
        return -float(len(fits[0].rows) + len(fits[0].bubbles)) if fits else None

    found = locate(dark, key.paper, None, judge=judge)
    return None if found is None else (found[0], fitting(found[0]))


def _fitting(
    dark: Floats, H: NDArray[np.float64], every: list[Layout], rings: bool
) -> list[Layout]:
    """Layouts whose row boxes (and, with `rings`, bubble rings) are all printed here,
    keeping those that match the most: another page's rows may be a part of this page's,
    and another version's bubbles often stand where this one's do."""
    counts = []
    for lay in every:
        n = _matched(dark, H, list(lay.rows))
        whole = _whole(n, len(lay.rows))
        if rings:
            seen = sum(share >= 0.5 for share in bubble_shares(dark, H, lay.bubbles))
            n, whole = n + seen, whole and _whole(seen, len(lay.bubbles))
        counts.append(n if whole else -1)
    best = max(counts, default=-1)
    return [lay for n, lay in zip(counts, every, strict=True) if n == best and n >= 0]


def _whole(seen: int, printed: int) -> bool:
    return seen >= printed - _spare(printed)


def _spare(boxes: int) -> int:
    return boxes // 20  # one box in twenty may be scribbled over or torn


def _matched(dark: Floats, H: NDArray[np.float64], boxes: list[G.Box]) -> int:
    """How many of the boxes show their printed outline."""
    return sum(share >= PASS for share in line_shares(dark, H, boxes))


def frame_boxes(paper: G.Paper) -> list[G.Box]:
    """What every page of every version prints in the same place."""
    _, id_boxes = G.id_grid(paper)
    return [G.Box(paper.version_x, G.TOP, G.VERSION_W, G.VERSION_H), *id_boxes]


def line_shares(dark: Floats, H: NDArray[np.float64], boxes: list[G.Box]) -> list[float]:
    """Per box, the share of sample points along its edges where a printed line is seen."""
    pts, normals, owner = _edge_samples(boxes)
    if not len(pts):
        return [0.0] * len(boxes)
    offsets = [-AWAY, -NEAR, -NEAR / 2, 0.0, NEAR / 2, NEAR, AWAY]
    h, w = dark.shape
    values = []
    for off in offsets:
        px = to_px(H, (pts + normals * off).astype(np.float32))
        xs = np.clip(np.round(px[:, 0]).astype(int), 0, w - 1)
        ys = np.clip(np.round(px[:, 1]).astype(int), 0, h - 1)
        values.append(dark[ys, xs])
    v = np.stack(values)
    line = v[1:-1].max(axis=0)
    paper = np.maximum(v[0], v[-1])
    hits = np.bincount(
        owner, weights=((line - paper) > HIT).astype(np.float64), minlength=len(boxes)
    )
    return list(hits / np.maximum(np.bincount(owner, minlength=len(boxes)), 1))


def _edge_samples(
    boxes: list[G.Box],
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.intp]]:
    pts, normals, owner = [], [], []
    for k, b in enumerate(boxes):
        for x0, y0, x1, y1, nx, ny in (
            (b.x, b.y, b.x + b.w, b.y, 0, 1),
            (b.x, b.y + b.h, b.x + b.w, b.y + b.h, 0, 1),
            (b.x, b.y, b.x, b.y + b.h, 1, 0),
            (b.x + b.w, b.y, b.x + b.w, b.y + b.h, 1, 0),
        ):
            length = max(abs(x1 - x0), abs(y1 - y0))
            n = max(1, int((length - 2 * STEP) // STEP))
            for i in range(n):
                f = (STEP + i * STEP + STEP / 2) / length if length > 2 * STEP else 0.5
                pts.append((x0 + (x1 - x0) * f, y0 + (y1 - y0) * f))
                normals.append((nx, ny))
                owner.append(k)
    return (
        np.array(pts, np.float64).reshape(-1, 2),
        np.array(normals, np.float64).reshape(-1, 2),
        np.array(owner, np.intp),
    )


def bubble_shares(
    dark: Floats, H: NDArray[np.float64], centres: tuple[tuple[float, float], ...]
) -> list[float]:
    """Per bubble, the share of its left and right ends where its printed ring is seen
    (darker than the paper beside it; a filled bubble is dark inside, so only the outside
    is compared)."""
    if not centres:
        return []
    c = np.array(centres, np.float64)
    half = G.BUBBLE_W / 2
    shares = np.zeros(len(c))
    for side in (-1.0, 1.0):
        at = [
            _at(dark, H, c + np.array([side * (half + d), 0.0])) for d in (-0.4, -0.2, 0, 0.2, 0.4)
        ]
        paper = _at(dark, H, c + np.array([side * (half + AWAY), 0.0]))
        shares += (np.max(at, 0) - paper) > RING
    return list(shares / 2)


def _at(dark: Floats, H: NDArray[np.float64], pts: NDArray[np.float64]) -> Floats:
    px = to_px(H, pts.astype(np.float32))
    h, w = dark.shape
    xs = np.clip(np.round(px[:, 0]).astype(int), 0, w - 1)
    ys = np.clip(np.round(px[:, 1]).astype(int), 0, h - 1)
    return np.asarray(dark[ys, xs], np.float32)
