"""One scanned page -> what it says: which sheet page, the student number, one answer per
question row, and the rows a person should look at (with their crops)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import cv2
import numpy as np
from numpy.typing import NDArray

from exampdf.i18n import CATALOG, t
from exampdf.scan.frame import place_by_frame
from exampdf.scan.keyinfo import ScanKey, ScanVersion
from exampdf.scan.locate import (
    Floats,
    Gray,
    code_row,
    darkness,
    locate,
    read_qr,
    working_image,
)
from exampdf.scan.marks import Reading, decide, sample
from exampdf.scan.relocate import row_shifts, shifted
from exampdf.sheets import geometry as G

CROP_PX_PER_MM = 8.0
VIEW_PX_PER_MM = 3.0  # the page kept for the annotated PDF


@dataclass
class Cell:
    """A question's answer (printed positions) or the student number, as read."""

    key: str  # "q12" or "id"
    value: str  # letters (A B …) or digits as read; "" blank
    status: str  # "ok", "double" (two marks on a single-answer row), "review"
    confidence: float
    options: int = 0  # bubbles in the row (10 per column for the student number)
    multi: bool = False
    crop: bytes = b""  # PNG of the row, for review


@dataclass
class Guess:
    """A page of unknown version read with one geometry: the sheets (version code, page)
    printed with it, and the question rows as read there."""

    sheets: list[tuple[str, int]]
    cells: list[Cell]


@dataclass
class PageRead:
    file: str
    page: int
    # "read", "other-exam", "foreign", "blank", "not-located", "unknown-version",
    # "ask-version" (an answer sheet of this exam whose version the teacher picks in review),
    # "not-ours" (one the teacher said is not this exam's)
    status: str
    detail: str = ""  # why it was not read: a catalogue id (problem() words it)
    value: str = ""  # the detail's value (a foreign QR code's text, a fingerprint)
    version: str = ""
    sheet_page: int = 0
    student: str = ""  # roster version's id
    by_qr: bool = False  # identified by its QR code (else by its code row)
    cells: list[Cell] = field(default_factory=list)
    view: bytes = b""  # JPEG of the page, for the annotated PDF
    marks: list[tuple[float, float, str]] = field(default_factory=list)  # px x, y, state
    guesses: list[Guess] = field(default_factory=list)  # "ask-version": one per geometry
    header: bytes = b""  # "ask-version": PNG of the names, student number and version box


def problem(p: PageRead) -> str:
    """Why a page was not read, in the user's language."""
    return t(p.detail, value=p.value) if p.detail in CATALOG else p.detail or p.status


def read_page(img: Gray, file: str, number: int, key: ScanKey) -> PageRead:
    work = working_image(img, key.paper)
    dark = darkness(work)
    out = PageRead(file, number, "not-located")
    if float((dark > 0.3).mean()) < 0.002:
        out.status, out.detail = "blank", "scan.page.blank"
        return out
    payload, qr_pts = read_qr(work)
    if payload.startswith("FOREIGN|"):
        out.status, out.detail, out.value = "foreign", "scan.page.foreign", payload[8:]
        return out
    fp_byte = int(key.fingerprint[:2], 16)
    found = locate(dark, key.paper, qr_pts, fp_byte=fp_byte)
    if found is None and qr_pts is not None:  # zxing's corners are rough on a photo
        found = locate(dark, key.paper, qr_pts, tolerance=15.0, fp_byte=fp_byte)
    if found is None and not payload:
        return _ask_version(work, dark, key, out, _is_binary(img))
    if found is None:
        out.detail = "scan.page.not_located"
        return out
    H, _ = found
    version = _identify(payload, dark, H, key, out)
    if version is None:
        return out
    out.status, out.version, out.student = "read", version.sheet.code, version.student
    out.by_qr = bool(payload)
    _read_bubbles(work, dark, H, key, version, out, _is_binary(img))
    return out


def _ask_version(work: Gray, dark: Floats, key: ScanKey, out: PageRead, binary: bool) -> PageRead:
    """Neither QR code nor code row: if the corner marks and the printed boxes say this is
    one of the exam's sheets, read it with every geometry it may have; the teacher names
    its version (and page) in the review."""
    placed = place_by_frame(dark, key)
    if placed is None:
        out.detail = "scan.page.not_laid_out"
        return out
    H, layouts = placed
    decoded = G.decode_bits(code_row(dark, H, key.paper))
    if decoded is not None and decoded[0] != int(key.fingerprint[:2], 16):
        out.status, out.detail = "other-exam", "scan.page.other_code_row"
        return out
    for layout in layouts:
        code, page = layout.sheets[0]
        version = key.by_code(code)
        assert version is not None
        trial = PageRead(out.file, out.page, "read", sheet_page=page)
        _read_bubbles(work, dark, H, key, version, trial, binary)
        out.guesses.append(Guess(list(layout.sheets), trial.cells[1:]))
        if not out.cells:  # the student-number grid is the same on every sheet
            out.cells, out.view = trial.cells[:1], trial.view
            top = G.ROWS_Y * VIEW_PX_PER_MM
            out.marks = [m for m in trial.marks if m[1] < top]
    out.status = "ask-version"
    out.detail = "scan.page.ask_version"
    out.header = _crop(work, H, header_box(key.paper))
    return out


def header_box(paper: G.Paper) -> tuple[float, float, float, float]:
    """Title, version box, name fields and the written student number, across the sheet."""
    x0 = G.EDGE - 4.0
    top = G.TOP - 2.0
    return x0, top, paper.w - 2 * x0, G.ID_Y + G.ID_BOX_H + 1.0 - top


def _is_binary(img: Gray) -> bool:
    """A page thresholded to black and white: almost no pixel is grey, and black comes in
    solid runs (a dithered page's isolated dots still carry grey levels once averaged)."""
    h, w = img.shape
    crop = img[h // 4 : h * 3 // 4 : 2, w // 4 : w * 3 // 4]
    if float(((crop > 24) & (crop < 231)).mean()) >= 0.01:
        return False
    black = crop < 128
    edges = int((black[:, 1:] != black[:, :-1]).sum())
    return edges < 0.6 * max(1, int(black.sum()))


def _identify(
    payload: str, dark: Floats, H: NDArray[np.float64], key: ScanKey, out: PageRead
) -> ScanVersion | None:
    if payload:
        fields = dict(f.split("=", 1) for f in payload.split("|")[1:] if "=" in f)
        if fields.get("fp") != key.fingerprint:
            out.status = "other-exam"
            out.detail, out.value = "scan.page.other_exam", str(fields.get("fp"))
            return None
        version = key.by_code(fields.get("v", ""))
        page = int(fields.get("p", "1/1").split("/")[0])
    else:
        bits = code_row(dark, H, key.paper)
        decoded = G.decode_bits(bits)
        if decoded is None or decoded[0] != int(key.fingerprint[:2], 16):
            out.status = "unknown-version"
            out.detail = "scan.page.unknown_version"
            return None
        version = key.versions[decoded[1]] if decoded[1] < len(key.versions) else None
        page = decoded[2]
    if version is None or not 1 <= page <= version.pages:
        out.status, out.detail = "other-exam", "scan.page.not_in_key"
        return None
    out.sheet_page = page
    return version


def _read_bubbles(
    work: Gray,
    dark: Floats,
    H: NDArray[np.float64],
    key: ScanKey,
    v: ScanVersion,
    out: PageRead,
    binary: bool,
) -> None:
    here = [row for row in G.place_rows(v.sheet, key.paper) if row.page == out.sheet_page]
    bubbles = shifted(G.bubbles_of(v.sheet, key.paper, out.sheet_page), row_shifts(dark, H, here))
    readings = decide(sample(dark, H, bubbles), bubbles, binary)
    grid = [r for r in readings if r.bubble.question == 0]
    out.cells.append(_id_cell(grid, key.paper.id_digits))
    rows: dict[int, list[Reading]] = {}
    for r in readings:
        if r.bubble.question:
            rows.setdefault(r.bubble.question, []).append(r)
    for row in G.place_rows(v.sheet, key.paper):
        if row.page == out.sheet_page and row.bubbles:
            out.cells.append(_row_cell(row, rows[row.number]))
    for c in out.cells:
        if c.status == "review":
            c.crop = _crop(work, H, _crop_box(c, v, key.paper))
    s = VIEW_PX_PER_MM  # the view: the sheet upright, whatever the scan's dpi and angle
    out.marks = [(r.bubble.x * s, r.bubble.y * s, r.state) for r in readings]
    out.view = _view(work, H, key.paper)


def _row_cell(row: G.Row, readings: Sequence[Reading]) -> Cell:
    filled = [r for r in readings if r.state == "filled"]
    unsure = any(r.state == "unsure" for r in readings)
    value = "".join(chr(ord("A") + r.bubble.option) for r in filled)
    status = "review" if unsure else "double" if len(filled) > 1 and not row.multi else "ok"
    conf = min(r.confidence for r in readings)
    return Cell(f"q{row.number}", value, status, conf, len(readings), row.multi)


def _id_cell(grid: Sequence[Reading], digits: int) -> Cell:
    """Exactly one mark per column; empty leading columns are a shorter number."""
    value, status, started = "", "ok", False
    for col in range(digits):
        cells = [r for r in grid if r.bubble.column == col]
        filled = [r for r in cells if r.state == "filled"]
        if any(r.state == "unsure" for r in cells) or len(filled) > 1:
            status = "review"
        if len(filled) == 1:
            value, started = value + filled[0].bubble.label, True
        elif not filled and started:
            status = "review"  # a gap inside the number
        elif len(filled) > 1:
            value += "?"
    if not value:
        status = "review"
    conf = min((r.confidence for r in grid), default=0.0)
    return Cell("id", value, status, conf, 10 * digits)


def _crop_box(c: Cell, v: ScanVersion, paper: G.Paper) -> tuple[float, float, float, float]:
    if c.key == "id":
        x0 = G.id_column_x(0) - 9.0
        return x0, G.ID_Y - 5.0, G.id_column_x(paper.id_digits) - x0, G.ID_BOX_H + 60.0
    number = int(c.key[1:])
    row = next(r for r in G.place_rows(v.sheet, paper) if r.number == number)
    return row.box.x, row.box.y - 1.0, row.box.w, row.box.h + 2.0


def _crop(work: Gray, H: NDArray[np.float64], box: tuple[float, float, float, float]) -> bytes:
    x, y, w, h = box
    s = CROP_PX_PER_MM
    to_mm = np.array([[1 / s, 0, x], [0, 1 / s, y], [0, 0, 1]], np.float64)
    size = (int(w * s), int(h * s))
    crop = cv2.warpPerspective(
        work, H @ to_mm, size, flags=cv2.WARP_INVERSE_MAP | cv2.INTER_LINEAR, borderValue=255
    )
    ok, png = cv2.imencode(".png", crop)
    return png.tobytes() if ok else b""


def _view(work: Gray, H: NDArray[np.float64], paper: G.Paper) -> bytes:
    s = VIEW_PX_PER_MM
    to_mm = np.array([[1 / s, 0, 0], [0, 1 / s, 0], [0, 0, 1]], np.float64)
    size = (int(paper.w * s), int(paper.h * s))
    flags = cv2.WARP_INVERSE_MAP | cv2.INTER_LINEAR
    upright = cv2.warpPerspective(work, H @ to_mm, size, flags=flags, borderValue=255)
    ok, jpg = cv2.imencode(".jpg", upright, [cv2.IMWRITE_JPEG_QUALITY, 70])
    return jpg.tobytes() if ok else b""
