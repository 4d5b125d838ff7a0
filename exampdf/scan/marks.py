"""Filled or empty, per bubble, against the sheet's own empty bubbles and the local paper
white (never one fixed threshold), each decision with a confidence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import cv2
import numpy as np
from numpy.typing import NDArray

from exampdf.scan.locate import Floats, to_px
from exampdf.sheets import geometry as G

State = Literal["filled", "empty", "unsure"]
INNER = 0.78  # sample inside this share of the bubble's radii: the printed ring stays out
PIXEL_DARK = 0.2  # a sample this much darker than the paper white is pencil (or letter ink)
DARKEST = 0.4  # share of a bubble's samples whose darkness is its level
# Darkness above an empty bubble's: faint HB pencil (grey 150-185) reaches ~0.27 and more,
# eraser residue (grey 200-232) stays under ~0.22; in between goes to review.
LEVEL_FILLED, LEVEL_EMPTY = 0.25, 0.19
BINARY_DARK, BINARY_FILLED, BINARY_EMPTY = 0.5, 0.5, 0.1  # black share of the samples
# Thresholded pages: a faint mark the copier dropped still darkens the printed letter under
# it (pencil over red ink goes black) and leaves specks: mean darkness over the sheet's empty
# bubbles of the same letter above this is a trace, never a confident "empty" (measured on
# 200 synthetic sheets: empty bubbles reach 0.04, dropped faint marks 0.10 and more).
BINARY_TRACE = 0.06
COVER_FILLED, COVER_EMPTY = 0.3, 0.1  # share of dark samples: a dot or a stray line is no mark


@dataclass(frozen=True)
class Reading:
    bubble: G.Bubble
    state: State
    score: float  # darkness above this sheet's empty bubbles
    confidence: float  # 0 at the edge of the uncertain band, 1 far from it


def _grid() -> Floats:
    """Sample offsets in units of the bubble's radii, inside the INNER ellipse."""
    u = np.linspace(-1, 1, 13)
    v = np.linspace(-1, 1, 9)
    uu, vv = np.meshgrid(u, v)
    keep = uu**2 + vv**2 <= 1.0
    pts = np.stack([uu[keep], vv[keep]], axis=1) * INNER
    return pts.astype(np.float32)


GRID = _grid()


def sample(dark: Floats, H: NDArray[np.float64], bubbles: Sequence[G.Bubble]) -> Floats:
    """Per bubble, the darkness at every GRID point (rows: bubbles)."""
    if not bubbles:
        return np.zeros((0, len(GRID)), np.float32)
    centres = np.array([[b.x, b.y] for b in bubbles], np.float32)
    radii = np.array([G.BUBBLE_W / 2, G.BUBBLE_H / 2], np.float32)
    mm = centres[:, None, :] + GRID[None, :, :] * radii
    px = to_px(H, mm.reshape(-1, 2)).reshape(len(bubbles), len(GRID), 2)
    out = cv2.remap(dark, px[..., 0].copy(), px[..., 1].copy(), cv2.INTER_LINEAR, borderValue=0.0)
    return np.asarray(out, np.float32)


def decide(samples: Floats, bubbles: Sequence[G.Bubble], binary: bool = False) -> list[Reading]:
    """A bubble's level is the mean darkness of its darkest DARKEST share of samples (the
    pencil, wherever in the bubble it lies), less the level of this sheet's empty bubbles
    with the same printed label; pencil, even faint, sits above LEVEL_FILLED, eraser
    residue below LEVEL_EMPTY, and what falls between goes to review (review rather than a
    guess: a row whose only reading is unsure never reads as blank)."""
    if binary:
        return _settle_rows(_decide_binary(samples, bubbles))
    k = max(1, int(samples.shape[1] * DARKEST))
    level = -np.sort(-samples, axis=1)[:, :k].mean(axis=1)
    cover = (samples > PIXEL_DARK).mean(axis=1)
    level = level - _empty_levels(level, bubbles)
    cover = cover - _empty_levels(cover, bubbles)
    out = []
    for b, lv, cv in zip(bubbles, level, cover, strict=True):
        lv, cv = float(lv), float(cv)
        if lv >= LEVEL_FILLED and cv >= COVER_FILLED:
            state: State = "filled"
            conf = min(1.0, (lv - LEVEL_FILLED) / 0.1, (cv - COVER_FILLED) / 0.2)
        elif lv <= LEVEL_EMPTY or cv <= COVER_EMPTY:
            state = "empty"
            conf = min(1.0, max((LEVEL_EMPTY - lv) / 0.1, (COVER_EMPTY - cv) / 0.2))
        else:
            state, conf = "unsure", 0.0
        out.append(Reading(b, state, lv, max(0.0, conf)))
    return out


def _decide_binary(samples: Floats, bubbles: Sequence[G.Bubble]) -> list[Reading]:
    """A black-and-white page has no grey levels: how much of the bubble is black decides,
    and an empty reading also needs no trace (the letter gone dark, specks) of a faint mark
    the copier dropped."""
    share = (samples > BINARY_DARK).mean(axis=1)
    share = share - _empty_levels(share, bubbles)
    trace = samples.mean(axis=1)
    trace = trace - _empty_levels(trace, bubbles)
    out = []
    for b, sh, tr in zip(bubbles, share, trace, strict=True):
        sh, tr = float(sh), float(tr)
        if sh >= BINARY_FILLED:
            state: State = "filled"
            conf = min(1.0, (sh - BINARY_FILLED) / 0.1)
        elif sh <= BINARY_EMPTY and tr <= BINARY_TRACE:
            state = "empty"
            conf = min(1.0, (BINARY_EMPTY - sh) / 0.1, (BINARY_TRACE - tr) / 0.03)
        else:
            state, conf = "unsure", 0.0
        out.append(Reading(b, state, sh, max(0.0, conf)))
    return out


def _settle_rows(readings: list[Reading]) -> list[Reading]:
    """Beside a clear mark in its row, a bubble with only specks of black is erasure residue
    (a student rubs out the answer they change): empty, at the lowest confidence."""
    marked = {r.bubble.question for r in readings if r.bubble.question and r.state == "filled"}
    return [
        Reading(r.bubble, "empty", r.score, 0.0)
        if r.state == "unsure" and r.bubble.question in marked and r.score < BINARY_EMPTY
        else r
        for r in readings
    ]


def _empty_levels(values: Floats, bubbles: Sequence[G.Bubble]) -> Floats:
    """Per printed label, the value of an unmarked bubble (the letter's own ink): most
    bubbles of a sheet are empty, so the lower quartile of a label's bubbles is one."""
    by: dict[str, list[float]] = {}
    for b, c in zip(bubbles, values, strict=True):
        by.setdefault(b.label, []).append(float(c))
    every = sorted(float(c) for c in values)
    fallback = every[len(every) // 4] if every else 0.0
    base = {}
    for label, cs in by.items():
        cs.sort()
        base[label] = cs[len(cs) // 4] if len(cs) >= 4 else fallback
    return np.array([base[b.label] for b in bubbles], np.float32)
