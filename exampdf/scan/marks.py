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
    residue below LEVEL_EMPTY, and what falls between goes to review."""
    k = max(1, int(samples.shape[1] * DARKEST))
    hi, lo = LEVEL_FILLED, LEVEL_EMPTY
    if binary:  # a black-and-white page has no grey levels: only how much of it is black;
        # a faint mark the copier half dropped leaves specks, so specks go to review
        level = cover = (samples > BINARY_DARK).mean(axis=1)
        hi, lo = BINARY_FILLED, BINARY_EMPTY
    else:
        level = -np.sort(-samples, axis=1)[:, :k].mean(axis=1)
        cover = (samples > PIXEL_DARK).mean(axis=1)
    level = level - _empty_levels(level, bubbles)
    cover = cover - _empty_levels(cover, bubbles)
    out = []
    for b, lv, cv in zip(bubbles, level, cover, strict=True):
        lv, cv = float(lv), float(cv)
        if lv >= hi and cv >= COVER_FILLED:
            state: State = "filled"
            conf = min(1.0, (lv - hi) / 0.1, (cv - COVER_FILLED) / 0.2)
        elif lv <= lo or cv <= COVER_EMPTY:
            state = "empty"
            conf = min(1.0, max((lo - lv) / 0.1, (COVER_EMPTY - cv) / 0.2))
        else:
            state, conf = "unsure", 0.0
        out.append(Reading(b, state, lv, max(0.0, conf)))
    return out


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
