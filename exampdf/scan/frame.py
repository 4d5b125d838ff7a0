"""A sheet whose QR code and code row are both lost: found by its corner marks alone, and
known as one of this exam's sheets by its printed boxes (student-number boxes, version box,
the question rows of some version's page), never by guesswork."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from exampdf.scan.keyinfo import ScanKey
from exampdf.scan.locate import Floats, locate, to_px
from exampdf.sheets import geometry as G

STEP = 1.0  # mm between samples along a printed line
NEAR, AWAY = 0.5, 1.2  # mm: where the line may be (registration), where paper is beside it
HIT = 0.1  # a line is this much darker than the paper on both sides of it
PASS = 0.7  # share of a layout's line samples that must show their line


@dataclass(frozen=True)
class Layout:
    """One geometry a page may have: the sheets (version code, page) printed with it and
    its question-row boxes."""

    sheets: tuple[tuple[str, int], ...]
    rows: tuple[G.Box, ...]


def layouts(key: ScanKey) -> list[Layout]:
    """Every version's pages, grouped by where their rows and bubbles are printed (so a
    geometry shared by several versions is read once)."""
    groups: dict[tuple[object, ...], list[tuple[str, int]]] = {}
    boxes: dict[tuple[object, ...], tuple[G.Box, ...]] = {}
    for v in key.versions:
        rows = G.place_rows(v.sheet, key.paper)
        for page in range(1, v.pages + 1):
            on = [r for r in rows if r.page == page]
            shape = tuple((r.box, r.multi, tuple((b.x, b.y) for b in r.bubbles)) for r in on)
            groups.setdefault(shape, []).append((v.sheet.code, page))
            boxes[shape] = tuple(r.box for r in on)
    return [Layout(tuple(sheets), boxes[shape]) for shape, sheets in groups.items()]


def place_by_frame(dark: Floats, key: ScanKey) -> tuple[NDArray[np.float64], list[Layout]] | None:
    """The corner marks' placement under which the printed boxes are seen (the frame every
    sheet shares, and every row box of some layout), and the layouts the page may be."""
    frame, every = frame_boxes(key.paper), layouts(key)

    def judge(H: NDArray[np.float64]) -> float | None:
        if _matched(dark, H, frame) < len(frame) - _spare(len(frame)):
            return None
        fits = _fitting(dark, H, every)
        return -float(len(fits[0].rows)) if fits else None

    found = locate(dark, key.paper, None, judge=judge)
    return None if found is None else (found[0], _fitting(dark, found[0], every))


def _fitting(dark: Floats, H: NDArray[np.float64], every: list[Layout]) -> list[Layout]:
    """Layouts whose row boxes are all printed (a box or so may be spoilt), keeping those
    that match the most: another page's rows may be a part of this page's."""
    counts = [_matched(dark, H, list(lay.rows)) for lay in every]
    ok = [
        n if n >= len(lay.rows) - _spare(len(lay.rows)) else -1
        for n, lay in zip(counts, every, strict=True)
    ]
    best = max(ok, default=-1)
    return [lay for n, lay in zip(ok, every, strict=True) if n == best and n >= 0]


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
