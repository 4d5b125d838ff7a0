"""Each question row re-located against its own printed frame (as SDAPS re-locates each
box): what a homography from the four corner marks cannot model, a feeder stretching the
page unevenly or a sheet not lying flat, moves a row's bubbles as much as its frame."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import cv2
import numpy as np
from numpy.typing import NDArray

from exampdf.scan.locate import Floats, to_px
from exampdf.sheets import geometry as G

SEARCH = 2.0  # mm either side of where the homography puts a row's edge (rows are 7 mm)
# Across the left and right edges only 1 mm: 「問N」 stands 1.3 mm inside the left one, and
# a bubble 4.4 mm wide forgives a horizontal error that one 3.2 mm tall does not.
SEARCH_X = 1.0
STEP = 0.1  # mm between the offsets tried
ALONG = 1.0  # mm between samples along an edge
LINE = 0.08  # a printed line: this much darker, on average along it, than the median offset
AGREE = 0.5  # mm: both edges of a row must move alike, or the row keeps the homography
OFFSETS = np.arange(-SEARCH, SEARCH + STEP / 2, STEP, dtype=np.float32)

Shift = tuple[float, float]


def row_shifts(dark: Floats, H: NDArray[np.float64], rows: Sequence[G.Row]) -> dict[int, Shift]:
    """Per question row, how far (mm, x and y) its printed frame lies from where the
    homography puts it: the top and bottom edges give y, the left and right edges x; an
    edge not seen, or two edges that disagree, leave that direction at 0."""
    rows = [r for r in rows if r.bubbles]
    if not rows:
        return {}
    edges = [_edges(r.box) for r in rows]  # per row: top, bottom, left, right
    flat = [e for four in edges for e in four]
    pts = np.concatenate([p for p, _ in flat])
    normals = np.concatenate([np.repeat([n], len(p), axis=0) for p, n in flat])
    where = pts[None, :, :] + OFFSETS[:, None, None] * normals[None, :, :]
    px = to_px(H, where.reshape(-1, 2)).reshape(len(OFFSETS), len(pts), 2)
    seen = np.asarray(
        cv2.remap(dark, px[..., 0].copy(), px[..., 1].copy(), cv2.INTER_LINEAR, borderValue=0.0),
        np.float32,
    )
    counts = np.array([len(p) for p, _ in flat])
    profiles = np.add.reduceat(seen, np.cumsum(counts) - counts, axis=1) / np.maximum(counts, 1)
    limits = np.array([SEARCH if n[1] else SEARCH_X for _, n in flat], np.float32)
    found = _peaks(profiles, limits)
    out = {}
    for k, r in enumerate(rows):
        top, bottom, left, right = found[4 * k : 4 * k + 4]
        out[r.number] = (_agreed(left, right), _agreed(top, bottom))
    return out


def shifted(bubbles: Sequence[G.Bubble], shifts: dict[int, Shift]) -> list[G.Bubble]:
    """The bubbles where their row's frame says they are (the student-number grid as is)."""
    out = []
    for b in bubbles:
        dx, dy = shifts.get(b.question, (0.0, 0.0)) if b.question else (0.0, 0.0)
        out.append(replace(b, x=b.x + dx, y=b.y + dy) if dx or dy else b)
    return out


def _edges(box: G.Box) -> list[tuple[Floats, tuple[float, float]]]:
    """Sample points along each edge (ends left out: corners belong to two edges), with the
    edge's normal."""
    xs = np.arange(box.x + ALONG, box.x + box.w - ALONG / 2, ALONG, dtype=np.float32)
    ys = np.arange(box.y + ALONG, box.y + box.h - ALONG / 2, ALONG, dtype=np.float32)

    def line(x: Floats, y: Floats) -> Floats:
        return np.stack([x, y], axis=1).astype(np.float32)

    top, bottom = np.full_like(xs, box.y), np.full_like(xs, box.y + box.h)
    left, right = np.full_like(ys, box.x), np.full_like(ys, box.x + box.w)
    return [
        (line(xs, top), (0.0, 1.0)),
        (line(xs, bottom), (0.0, 1.0)),
        (line(left, ys), (1.0, 0.0)),
        (line(right, ys), (1.0, 0.0)),
    ]


def _peaks(profiles: Floats, limits: Floats) -> list[float | None]:
    """Per edge (a column of profiles: mean darkness along the edge per offset), the offset
    within its limit where it is darkest (a pencil mark or a letter crosses a few samples,
    the printed line all of them); None where no line stands out or the darkest is at the
    limit (the line may lie beyond)."""
    inside = np.abs(OFFSETS)[:, None] <= limits[None, :] + STEP / 2
    masked = np.where(inside, profiles, -1.0)
    best = masked.argmax(axis=0)
    peak = masked[best, np.arange(len(limits))]
    median = np.zeros(len(limits))
    for lim in np.unique(limits):  # two: along x and along y
        cols = limits == lim
        median[cols] = np.median(profiles[np.abs(OFFSETS) <= lim + STEP / 2][:, cols], axis=0)
    at_limit = np.abs(np.abs(OFFSETS[best]) - limits) < STEP / 2
    return [
        None if p - m < LINE or edge else float(OFFSETS[i])
        for p, m, edge, i in zip(peak, median, at_limit, best, strict=True)
    ]


def _agreed(a: float | None, b: float | None) -> float:
    """Both edges seen and moved alike: a single edge may be a pencil stroke along it."""
    if a is None or b is None or abs(a - b) > AGREE:
        return 0.0
    return (a + b) / 2
