"""Synthetic filled-in answer sheets and their scans (fixed seeds): real sheets from exampdf,
filled the way students fill them, then put through a copier or a phone camera."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np
from numpy.typing import NDArray

from exampdf.config import ExamConfig
from exampdf.layout.text.fonts import register_fonts
from exampdf.model import Bank
from exampdf.render.keyfiles import key_header, key_json, version_entries
from exampdf.render.pdf import PdfMeta
from exampdf.render.sheets import write_answer_sheets
from exampdf.sheets import geometry as G
from exampdf.sheets.compose import answer_sheets, sheet_manifest
from exampdf.specs import sheet_spec
from exampdf.versions import VersionSpec, build_versions
from tests.helpers.bankfactory import question

Gray = NDArray[np.uint8]
DPI = 300


@dataclass
class Exam:
    folder: Path
    key_path: Path
    pages: dict[tuple[str, int], G.SheetPage]  # (version, page) -> geometry
    images: dict[tuple[str, int], Gray]  # (version, page) -> clean render at DPI
    codes: list[str]
    multi: dict[str, list[bool]]  # version -> per question


def make_exam(
    folder: Path, questions: int = 30, versions: int = 4, paper: str = "A4", seed: int = 5
) -> Exam:
    """A bank of choice questions (3-6 options, every fifth multi-answer), its key.json
    and its answer sheets rendered at DPI."""
    qs = [
        question(f"q{i:02d}", options=3 + i % 4, answer=(0, 2) if i % 5 == 4 else (i % 3,))
        for i in range(questions)
    ]
    bank = Bank(tuple(qs))
    config = ExamConfig(answer_sheet=True, paper=paper, seed=seed, shuffle=True)
    vs = build_versions(bank, VersionSpec(versions, seed, True))
    folder.mkdir(parents=True, exist_ok=True)
    header = key_header(config.title, seed, True)
    header["answer_sheet"] = sheet_manifest(bank, vs, sheet_spec(config))
    key_path = folder / "key.json"
    key_path.write_text("".join(key_json(header, version_entries(bank, vs), [])), encoding="utf-8")
    sheets = answer_sheets(bank, vs, sheet_spec(config))
    fonts = register_fonts("mincho")
    pdf = folder / "answer-sheets.pdf"
    write_answer_sheets(pdf, sheets, fonts, PdfMeta("t", font=fonts.body))
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    images = {}
    for i, s in enumerate(sheets):
        bitmap = doc[i].render(scale=DPI / 72, grayscale=True)
        images[(s.code, s.page)] = np.asarray(bitmap.to_pil().convert("L"), np.uint8).copy()
    doc.close()
    multi = {v.code: [bank.questions[it.question].multi for it in v.items] for v in vs}
    return Exam(
        folder, key_path, {(s.code, s.page): s for s in sheets}, images, [v.code for v in vs], multi
    )


@dataclass
class Truth:
    student: str
    version: str
    answers: list[str]  # per question: printed letters the student meant ("" blank)
    kinds: list[str] = field(default_factory=list)  # one, blank, two, erased (per question)


def fill(
    exam: Exam, rng: np.random.Generator, student: str, version: str
) -> tuple[list[Gray], Truth]:
    """Every page of one student's sheet, marked: 80% one mark, 8% blank, 5% two marks, 7%
    erased and re-marked; marks 0.8-1.1x the bubble, off centre, pencil 40-130 with
    texture, a share of faint marks (150-185) and eraser residue (200-232)."""
    faint_share = rng.uniform(0.10, 0.30)
    truth = Truth(student, version, [])
    pages = []
    for page in range(1, 99):
        sheet = exam.pages.get((version, page))
        if sheet is None:
            break
        img = exam.images[(version, page)].copy()
        digits = sheet.paper.id_digits
        id_text = student.rjust(digits)
        for b in sheet.bubbles:
            if b.question == 0 and id_text[b.column] == b.label:
                _mark(img, b, rng, faint_share)
        rows: dict[int, list[G.Bubble]] = {}
        for b in sheet.bubbles:
            if b.question:
                rows.setdefault(b.question, []).append(b)
        for number in sorted(rows):
            row = rows[number]
            kind = rng.choice(["one", "blank", "two", "erased"], p=[0.80, 0.08, 0.05, 0.07])
            picks: list[int] = []
            if kind in ("one", "erased"):
                picks = [int(rng.integers(len(row)))]
            elif kind == "two":
                picks = sorted(int(i) for i in rng.choice(len(row), 2, replace=False))
            if kind == "erased":
                others = [i for i in range(len(row)) if i != picks[0]]
                _mark(img, row[int(rng.choice(others))], rng, 0.0, erased=True)
            for i in picks:
                _mark(img, row[i], rng, faint_share)
            truth.answers.append("".join(chr(65 + i) for i in picks))
            truth.kinds.append(str(kind))
        pages.append(img)
    return pages, truth


def _mark(
    img: Gray, b: G.Bubble, rng: np.random.Generator, faint: float, erased: bool = False
) -> None:
    px = DPI / 25.4
    size = rng.uniform(0.8, 1.1)
    rx, ry = G.BUBBLE_W / 2 * size * px, G.BUBBLE_H / 2 * size * px
    ang = rng.uniform(0, 2 * np.pi)
    off = rng.uniform(0, 0.25)
    cx = (b.x + np.cos(ang) * off * G.BUBBLE_W / 2) * px
    cy = (b.y + np.sin(ang) * off * G.BUBBLE_H / 2) * px
    if erased:
        grey = rng.uniform(200, 232)
    elif rng.random() < faint:
        grey = rng.uniform(150, 185)
    else:
        grey = rng.uniform(40, 130)
    x0, y0 = int(cx - rx - 3), int(cy - ry - 3)
    x1, y1 = int(cx + rx + 4), int(cy + ry + 4)
    yy, xx = np.mgrid[y0:y1, x0:x1]
    wobble = 1 + 0.08 * np.sin(np.arctan2(yy - cy, xx - cx) * 3 + ang)
    inside = ((xx - cx) / rx) ** 2 + ((yy - cy) / ry) ** 2 <= wobble
    texture = rng.normal(0, 14 if not erased else 6, inside.shape)
    streaks = 10 * np.sin((xx + yy * 0.3) * rng.uniform(0.6, 1.2))
    value = np.clip(grey + texture + streaks, 0, 255)
    if erased:
        inside &= rng.random(inside.shape) < rng.uniform(0.5, 0.9)  # patchy residue
    patch = img[y0:y1, x0:x1].astype(np.float32)
    patch = np.where(inside, patch * value / 255.0, patch)
    img[y0:y1, x0:x1] = patch.astype(np.uint8)


@dataclass(frozen=True)
class Condition:
    name: str
    dpi: int = 300
    photo: bool = False
    binarise: bool = False
    dither: bool = False
    upside_down: bool = False
    print95: bool = False
    slip: bool = False  # a sheet feeder that slips: the page stretched unevenly


def scan(img: Gray, cond: Condition, rng: np.random.Generator) -> Gray:
    """A copier's (or a phone's) view of a printed page."""
    h, w = img.shape
    if cond.print95:
        img = _affine(img, 0.95, 0.0, 0.0, 0.0)
    if cond.photo:
        return _photo(img, rng)
    if cond.slip:
        img = _slip(img, rng)
    scale = rng.uniform(0.97, 1.03)
    img = _affine(img, scale, rng.uniform(-3, 3), rng.uniform(-40, 40), rng.uniform(-40, 40))
    if cond.dpi != DPI:
        f = cond.dpi / DPI
        img = cv2.resize(img, (round(w * f), round(h * f)), interpolation=cv2.INTER_AREA)
    sigma = rng.uniform(0.0, 1.0)
    if sigma > 0.2:
        img = cv2.GaussianBlur(img, (0, 0), sigma)
    noisy = img.astype(np.float32) + rng.normal(0, rng.uniform(0, 6), img.shape)
    img = np.clip(noisy * rng.uniform(0.9, 1.0) + rng.uniform(0, 15), 0, 255).astype(np.uint8)
    if cond.binarise:
        img = np.where(img < rng.uniform(170, 200), 0, 255).astype(np.uint8)
    elif cond.dither:
        from PIL import Image

        img = np.asarray(Image.fromarray(img).convert("1").convert("L"), np.uint8)
    else:
        img = _jpeg(img, int(rng.integers(35, 86)))
    if cond.upside_down:
        img = np.ascontiguousarray(img[::-1, ::-1])
    return img


def _affine(img: Gray, scale: float, degrees: float, dx: float, dy: float) -> Gray:
    h, w = img.shape
    M = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, scale)
    M[:, 2] += (dx, dy)
    return cv2.warpAffine(img, M, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)


def _slip(img: Gray, rng: np.random.Generator) -> Gray:
    """What no homography models: a feeder's rollers slip, so the page is stretched and
    squeezed along its travel (up to ~2 mm mid-page, 0.7 % of the page, little at the
    corner marks), and the paper skews a little as it goes."""
    h, w = img.shape
    px = DPI / 25.4
    t = np.linspace(0.0, 1.0, h, dtype=np.float32)
    bump = np.sin(np.pi * t) * (rng.uniform(-2.0, 2.0) * px)
    wave = np.sin(2 * np.pi * t * rng.uniform(1, 3) + rng.uniform(0, 6.3))
    wave *= rng.uniform(0, 0.4) * px
    skew = np.sin(np.pi * t) * (rng.uniform(-0.6, 0.6) * px)
    ys = np.arange(h, dtype=np.float32)[:, None] + (bump + wave * np.sin(np.pi * t))[:, None]
    xs = np.arange(w, dtype=np.float32)[None, :] + skew[:, None] * np.ones((1, w), np.float32)
    ys = np.broadcast_to(ys, (h, w)).astype(np.float32)
    xs = xs.astype(np.float32)
    return cv2.remap(img, xs, ys, cv2.INTER_LINEAR, borderValue=255)


def _jpeg(img: Gray, quality: int) -> Gray:
    ok, data = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return cv2.imdecode(data, cv2.IMREAD_GRAYSCALE)


def _photo(img: Gray, rng: np.random.Generator) -> Gray:
    """The sheet on a dark desk, seen at an angle, lit from one side, at ~180 dpi."""
    h, w = img.shape
    f = 0.6
    small = cv2.resize(img, (int(w * f), int(h * f)), interpolation=cv2.INTER_AREA)
    sh, sw = small.shape
    out_w, out_h = int(sw * 1.25), int(sh * 1.2)
    j = 0.06
    src = np.array([[0, 0], [sw, 0], [sw, sh], [0, sh]], np.float32)
    base = np.array([[0.1, 0.08], [0.9, 0.08], [0.9, 0.92], [0.1, 0.92]], np.float32)
    dst = (base + rng.uniform(-j, j, base.shape)).astype(np.float32) * [out_w, out_h]
    Hm = cv2.getPerspectiveTransform(src, dst.astype(np.float32))
    bg = float(rng.uniform(30, 80))
    photo = cv2.warpPerspective(small, Hm, (out_w, out_h), flags=cv2.INTER_LINEAR, borderValue=bg)
    yy, xx = np.mgrid[0:out_h, 0:out_w].astype(np.float32)
    a = rng.uniform(0, 2 * np.pi)
    ramp = (np.cos(a) * xx / out_w + np.sin(a) * yy / out_h + 1) / 2
    light = rng.uniform(0.55, 0.75) + rng.uniform(0.2, 0.4) * ramp
    photo = photo.astype(np.float32) * light + rng.normal(0, 4, photo.shape)
    photo = cv2.GaussianBlur(np.clip(photo, 0, 255).astype(np.uint8), (0, 0), rng.uniform(0.3, 1.0))
    return _jpeg(photo, int(rng.integers(60, 90)))


def truth_csv(truths: list[Truth]) -> str:
    return "".join(f"{t.student},{t.version},{','.join(t.answers)}\n" for t in truths)


def save_json(path: Path, truths: list[Truth]) -> None:
    path.write_text(json.dumps([t.__dict__ for t in truths]), encoding="utf-8")


def tear_identity(img: Gray, paper: G.Paper) -> Gray:
    """The page with its QR code and its code row torn off (white): only the corner marks
    and the printed layout are left to say what it is."""
    out = img.copy()
    px = DPI / 25.4
    x0, y0, side = int((paper.qr_x - 2) * px), int((G.TOP - 2) * px), int((G.QR_SIZE + 4) * px)
    out[y0 : y0 + side, x0 : x0 + side] = 255
    top, bottom = int((paper.code_y - 1) * px), int((paper.code_y + G.CODE_CELL_H + 1) * px)
    out[top:bottom, int((G.CODE_X - 2) * px) : int((G.CODE_X + 27 * G.CODE_PITCH) * px)] = 255
    return out


# The scan conditions the benchmarks measure (issue 15's list, plus an uneven feeder).
CONDITIONS = [
    Condition("copier 300 dpi"),
    Condition("copier 200 dpi", dpi=200),
    Condition("300 dpi upside down", upside_down=True),
    Condition("300 dpi printed at 95%", print95=True),
    Condition("300 dpi black and white", binarise=True),
    Condition("300 dpi dithered", dither=True),
    Condition("phone photo", photo=True),
    Condition("300 dpi feeder slip", slip=True),
]
