"""answer-sheets.pdf: fixed mark-sheet geometry per version (docs/answer-sheet.md) as plain data."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from exampdf.config import ExamConfig
from exampdf.model import Bank, Question
from exampdf.model.student import name_values
from exampdf.versions import ExamVersion
from exampdf.versions.labels import option_label

# Every length is in millimetres from the TOP-LEFT corner of an A4 portrait page.
PAGE_W, PAGE_H = 210.0, 297.0
MARK_SIZE, MARK_INSET = 6.0, 8.0  # solid squares, outer edge this far from both page edges
QR_X, QR_Y, QR_SIZE = 166.0, 17.0, 26.0
NAME_Y, NAME_H = 46.0, 10.0
NAME_X0, NAME_X1 = 20.0, 190.0
ID_DIGITS = 8  # columns of the student-number grid
ID_X, ID_Y = 34.0, 64.0  # top-left of the write-in boxes above the digit columns
ID_PITCH_X, ID_PITCH_Y, ID_BOX_H = 6.0, 5.0, 7.0
BUBBLE_W, BUBBLE_H = 4.4, 3.2  # ellipse (single answer) or rectangle (multi) around each label
ROWS_Y, ROWS_BOTTOM = 132.0, 280.0  # question rows fill this band, column by column
COL_XS, COL_W = (20.0, 107.0), 83.0
ROW_PITCH, LABEL_W, OPT_PITCH = 7.0, 14.0, 6.5
MULTI_NOTE = "複数可"
NOTE_W = 9.0  # room kept at a row's right end for 「複数可」
FORMAT = "EXAMPDF1"


@dataclass(frozen=True)
class Bubble:
    x: float  # centre
    y: float
    label: str  # printed inside, as on the exam
    square: bool  # multi-answer check box
    question: int  # 1-based question number; 0 for the student-number grid
    option: int  # 0-based printed option position, or the digit


@dataclass(frozen=True)
class Box:
    x: float  # top-left
    y: float
    w: float
    h: float
    shade: bool = False  # grey label cell


@dataclass(frozen=True)
class Label:
    x: float
    y: float  # baseline
    text: str
    size: float  # points
    bold: bool = False
    align: str = "left"  # left, center, right


@dataclass(frozen=True)
class SheetPage:
    code: str
    page: int  # 1-based within the version's sheet
    qr: str  # payload of the QR code
    bubbles: tuple[Bubble, ...]
    boxes: tuple[Box, ...]
    labels: tuple[Label, ...]
    pages: int = 1


def exam_fingerprint(bank: Bank, versions: Sequence[ExamVersion], seed: int) -> str:
    """12 hex digits naming exactly this set of versions (questions, option orders, seed)."""
    h = hashlib.sha256(f"{FORMAT}|{seed}".encode())
    for v in versions:
        h.update(f"|{v.code}".encode())
        for item in v.items:
            h.update(f"|{bank.questions[item.question].id}:{item.order}".encode())
    return h.hexdigest()[:12]


def answer_sheets(
    bank: Bank, versions: Sequence[ExamVersion], config: ExamConfig
) -> list[SheetPage]:
    fp = exam_fingerprint(bank, versions, config.seed)
    out: list[SheetPage] = []
    for v in versions:
        questions = [(n, bank.questions[it.question]) for n, it in enumerate(v.items, start=1)]
        rows = _place_rows(questions, config.label_style)
        pages = max((p for p, _, _ in rows), default=1)
        for page in range(1, pages + 1):
            bubbles, boxes, labels = _page_frame(config, v, page, pages)
            for p, things, texts in rows:
                if p == page:
                    bubbles += [t for t in things if isinstance(t, Bubble)]
                    boxes += [t for t in things if isinstance(t, Box)]
                    labels += texts
            qr = f"{FORMAT}|fp={fp}|v={v.code}|p={page}/{pages}"
            sheet = (tuple(bubbles), tuple(boxes), tuple(labels))
            out.append(SheetPage(v.code, page, qr, *sheet, pages=pages))
    return out


def registration_marks() -> list[Box]:
    far_x, far_y = PAGE_W - MARK_INSET - MARK_SIZE, PAGE_H - MARK_INSET - MARK_SIZE
    return [
        Box(x, y, MARK_SIZE, MARK_SIZE) for y in (MARK_INSET, far_y) for x in (MARK_INSET, far_x)
    ]


def _page_frame(
    config: ExamConfig, v: ExamVersion, page: int, pages: int
) -> tuple[list[Bubble], list[Box], list[Label]]:
    """What every page of a sheet carries: title, version, names, student number (page 1)."""
    labels = [
        Label(20.0, 24.0, config.title, 14.0, bold=True),
        Label(20.0, 31.0, "解答用紙" + (f"（{page}/{pages}）" if pages > 1 else ""), 10.0),
        Label(148.0, 34.0, v.code, 30.0, bold=True, align="center"),
        Label(148.0, 39.5, "版", 7.0, align="center"),
    ]
    boxes = [Box(134.0, 17.0, 28.0, 26.0)]
    bubbles: list[Bubble] = []
    if page == 1:
        names = name_values(config.name_fields, v.student)
        boxes += _name_boxes(config.name_fields, names, labels)
        b, bx, lb = _id_grid()
        bubbles, boxes, labels = bubbles + b, boxes + bx, labels + lb
        labels += _how_to_mark()
    return bubbles, boxes, labels


def _name_boxes(fields: Sequence[str], values: Sequence[str], labels: list[Label]) -> list[Box]:
    """Label and write-in cell per field across NAME_X0..NAME_X1; names get the spare width."""
    label_ws = [max(12.0, 3.8 * len(f) + 4) for f in fields]
    widths = [0.0 if "名" in f else 24.0 for f in fields]
    spare = NAME_X1 - NAME_X0 - sum(label_ws) - sum(widths)
    names = sum(1 for w in widths if w == 0.0) or 1
    widths = [w or max(20.0, spare / names) for w in widths]
    scale = min(1.0, (NAME_X1 - NAME_X0 - sum(label_ws)) / sum(widths))
    boxes, x = [], NAME_X0
    for i, (field, label_w, w) in enumerate(zip(fields, label_ws, widths, strict=True)):
        cell = w * scale
        boxes += [
            Box(x, NAME_Y, label_w, NAME_H, shade=True),
            Box(x + label_w, NAME_Y, cell, NAME_H),
        ]
        labels.append(Label(x + label_w / 2, NAME_Y + 6.3, field, 9.0, bold=True, align="center"))
        if i < len(values) and values[i]:  # a roster student's own sheet
            labels.append(Label(x + label_w + 2.0, NAME_Y + 6.6, values[i], 11.0))
        x += label_w + cell
    return boxes


def _id_grid() -> tuple[list[Bubble], list[Box], list[Label]]:
    """Write-in boxes over ID_DIGITS columns of 0-9 bubbles (read top to bottom)."""
    labels = [Label(20.0, ID_Y - 2.0, "学籍番号（数字を記入し、その数字をマーク）", 8.0, bold=True)]
    boxes, bubbles = [], []
    for col in range(ID_DIGITS):
        x = ID_X + col * ID_PITCH_X
        boxes.append(Box(x - ID_PITCH_X / 2, ID_Y, ID_PITCH_X, ID_BOX_H))
        for digit in range(10):
            bubbles.append(Bubble(x, id_bubble_y(digit), str(digit), False, 0, digit))
    for digit in range(10):
        labels.append(Label(ID_X - 8.0, id_bubble_y(digit) + 1.1, str(digit), 8.0, align="center"))
    return bubbles, boxes, labels


def id_bubble_y(digit: int) -> float:
    return ID_Y + ID_BOX_H + 3.0 + digit * ID_PITCH_Y


def _how_to_mark() -> list[Label]:
    return [
        Label(100.0, 72.0, "マーク例", 9.0, bold=True),
        Label(100.0, 80.0, "良い例　●", 9.0),
        Label(100.0, 87.0, "悪い例　✓　○　◐", 9.0),
        Label(100.0, 97.0, "・HB以上の鉛筆で、枠いっぱいに濃く塗りつぶすこと。", 8.0),
        Label(100.0, 103.0, "・訂正は消しゴムできれいに消すこと。", 8.0),
        Label(100.0, 109.0, f"・□ の問題は当てはまるものをすべてマーク（{MULTI_NOTE}）。", 8.0),
    ]


Placed = tuple[int, list[Bubble | Box], list[Label]]


def _place_rows(questions: Sequence[tuple[int, Question]], style: str) -> list[Placed]:
    """Rows fill the left column, then the right, then a new page (same geometry)."""
    out: list[Placed] = []
    page, col, y = 1, 0, ROWS_Y
    for number, q in questions:
        height = ROW_PITCH * (q.answer_lines if q.kind == "written" else 1)
        if y + height > ROWS_BOTTOM:
            col, y = col + 1, ROWS_Y
            if col == len(COL_XS):
                page, col = page + 1, 0
        out.append((page, *_row(number, q, style, COL_XS[col], y, height)))
        y += height
    return out


def _row(
    number: int, q: Question, style: str, x: float, y: float, height: float
) -> tuple[list[Bubble | Box], list[Label]]:
    labels = [Label(x + 1.0, y + 4.8, f"問{number}", 9.0, bold=True)]
    things: list[Bubble | Box] = [Box(x, y, COL_W, height)]
    if q.kind == "written":
        labels.append(Label(x + COL_W - 1.5, y + 3.5, "記述", 6.0, align="right"))
        return things, labels
    cy = y + ROW_PITCH / 2
    pitch = option_pitch(len(q.choices))
    for pos in range(len(q.choices)):
        bx = x + LABEL_W + pitch * (pos + 0.5)
        things.append(Bubble(bx, cy, option_label(pos, style), q.multi, number, pos))
    if q.multi:
        labels.append(Label(x + COL_W - 1.0, y + 4.6, MULTI_NOTE, 6.5, align="right"))
    return things, labels


def option_pitch(count: int) -> float:
    """OPT_PITCH, narrowed so that `count` bubbles and 「複数可」 stay inside the row."""
    return min(OPT_PITCH, (COL_W - LABEL_W - NOTE_W) / max(1, count))
