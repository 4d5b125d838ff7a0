"""Answer-sheet geometry in mm (docs/answer-sheet.md): plain data the printer paints and the
scanner reads, for any paper size."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

# Every length is in millimetres from the TOP-LEFT corner of a portrait page.
PAPERS = {"A4": (210.0, 297.0), "B5": (182.0, 257.0), "B4": (257.0, 364.0)}
PAPERS |= {"A3": (297.0, 420.0), "letter": (215.9, 279.4)}
# Corner marks: solid squares far from the paper edge (feeders and 95% printing lose edges)
# and twice any bubble's size, so nothing else on the sheet looks like one.
MARK_SIZE, MARK_INSET = 8.0, 10.0
EDGE = 20.0  # left/right content edge; header and rows stay inside [EDGE, width - EDGE]
TOP = 22.0  # content starts below the top marks
QR_SIZE = 24.0  # ~0.75 mm modules for a version-3 code: 5 pixels each at 200 dpi
VERSION_W, VERSION_H, GAP = 30.0, 24.0, 4.0
NAME_Y, NAME_H = 52.0, 10.0
ID_Y = 70.0  # top of the write-in boxes above the digit columns
ID_X, ID_PITCH_X, ID_PITCH_Y, ID_BOX_H = 30.0, 6.0, 5.0, 7.0
DEFAULT_ID_DIGITS, MAX_ID_DIGITS = 8, 16
BUBBLE_W, BUBBLE_H = 4.4, 3.2  # ellipse (single answer) or rectangle (multi)
ROWS_Y = ID_Y + ID_BOX_H + 3.0 + 10 * ID_PITCH_Y + 3.0  # question rows start below the grid
ROWS_BOTTOM_MARGIN = 26.0  # rows end this far above the bottom edge (code row below them)
COL_MIN_W, COL_GAP = 66.0, 4.0
ROW_PITCH, LABEL_W, OPT_PITCH = 7.0, 14.0, 6.5
CODE_CELL_W, CODE_CELL_H, CODE_PITCH, CODE_X = 2.6, 2.6, 3.6, 30.0
FP_BITS, VERSION_BITS, PAGE_BITS = 8, 10, 4
MULTI_NOTE = "複数可"
NOTE_W = 9.0  # room kept at a row's right end for 「複数可」
FORMAT = "EXAMPDF1"
PT = 25.4 / 72  # mm per point


@dataclass(frozen=True)
class Bubble:
    x: float  # centre
    y: float
    label: str  # printed inside, as on the exam
    square: bool  # multi-answer check box
    question: int  # 1-based question number; 0 for the student-number grid
    option: int  # 0-based printed option position, or the digit
    column: int = 0  # student-number grid: the digit column


@dataclass(frozen=True)
class Box:
    x: float  # top-left
    y: float
    w: float
    h: float
    shade: bool = False  # grey label cell
    fill: bool = False  # solid black (corner marks, code cells)


@dataclass(frozen=True)
class Label:
    x: float
    y: float  # baseline
    text: str
    size: float  # points
    bold: bool = False
    align: str = "left"  # left, center, right
    max_w: float = 0.0  # the painter squeezes text wider than this (0: no limit)


@dataclass(frozen=True)
class RowSpec:
    """What a question's answer row needs: option count (0 when written) and its kind."""

    options: int
    multi: bool = False
    lines: int = 0  # written answers: ruled lines


@dataclass(frozen=True)
class Paper:
    w: float
    h: float
    id_digits: int = DEFAULT_ID_DIGITS

    @property
    def qr_x(self) -> float:
        return self.w - EDGE - QR_SIZE

    @property
    def version_x(self) -> float:
        return self.qr_x - GAP - VERSION_W

    @property
    def rows_bottom(self) -> float:
        return self.h - ROWS_BOTTOM_MARGIN

    @property
    def columns(self) -> tuple[float, ...]:
        """Left edges of the row columns: as many as fit COL_MIN_W, sharing the width."""
        inner = self.w - 2 * EDGE
        n = max(1, int((inner + COL_GAP) // (COL_MIN_W + COL_GAP)))
        w = self.col_w
        return tuple(EDGE + i * (w + COL_GAP) for i in range(n))

    @property
    def col_w(self) -> float:
        inner = self.w - 2 * EDGE
        n = max(1, int((inner + COL_GAP) // (COL_MIN_W + COL_GAP)))
        return (inner - (n - 1) * COL_GAP) / n

    @property
    def code_y(self) -> float:
        """Top of the printed code row, level with the bottom corner marks."""
        return self.h - MARK_INSET - MARK_SIZE / 2 - CODE_CELL_H / 2


def paper(name: str, id_digits: int = DEFAULT_ID_DIGITS) -> Paper:
    w, h = PAPERS.get(name, PAPERS["A4"])
    return Paper(w, h, id_digits)


@dataclass(frozen=True)
class SheetPage:
    code: str
    page: int  # 1-based within the version's sheet
    qr: str  # payload of the QR code
    bubbles: tuple[Bubble, ...]
    boxes: tuple[Box, ...]
    labels: tuple[Label, ...]
    pages: int = 1
    paper: Paper = Paper(210.0, 297.0)


@dataclass(frozen=True)
class VersionSheet:
    """One version's sheet: its code, its place in key.json and its rows in printed order."""

    code: str
    index: int
    rows: tuple[RowSpec, ...]
    labels: tuple[tuple[str, ...], ...] = ()  # printed option labels per row ("" -> A B C)
    names: tuple[str, ...] = ()  # a roster student's values for the name fields


def fingerprint(
    seed: int, versions: Sequence[tuple[str, Sequence[tuple[str, tuple[int, ...]]]]]
) -> str:
    """12 hex digits naming exactly this set of versions: per version its code and each
    question's id and option order (so key.json alone recomputes it)."""
    h = hashlib.sha256(f"{FORMAT}|{seed}".encode())
    for code, items in versions:
        h.update(f"|{code}".encode())
        for qid, order in items:
            h.update(f"|{qid}:{order}".encode())
    return h.hexdigest()[:12]


def qr_payload(fp: str, code: str, page: int, pages: int) -> str:
    return f"{FORMAT}|fp={fp}|v={code}|p={page}/{pages}"


def corner_marks(p: Paper) -> list[Box]:
    far_x, far_y = p.w - MARK_INSET - MARK_SIZE, p.h - MARK_INSET - MARK_SIZE
    return [
        Box(x, y, MARK_SIZE, MARK_SIZE, fill=True)
        for y in (MARK_INSET, far_y)
        for x in (MARK_INSET, far_x)
    ]


def mark_centres(p: Paper) -> list[tuple[float, float]]:
    """Top-left, top-right, bottom-left, bottom-right."""
    return [(b.x + MARK_SIZE / 2, b.y + MARK_SIZE / 2) for b in corner_marks(p)]


def code_bits(fp: str, index: int, page: int) -> list[int]:
    """The printed code row: 1, fingerprint byte, version index, page-1, two parities, 1."""
    bits = _bits(int(fp[:2], 16), FP_BITS) + _bits(index, VERSION_BITS)
    bits += _bits(page - 1, PAGE_BITS)
    parity = [sum(bits[0::2]) % 2, sum(bits[1::2]) % 2]
    return [1, *bits, *parity, 1]


def decode_bits(bits: Sequence[int]) -> tuple[int, int, int] | None:
    """(fingerprint byte, version index, page) from a read code row, or None if it fails."""
    if len(bits) != FP_BITS + VERSION_BITS + PAGE_BITS + 4 or bits[0] != 1 or bits[-1] != 1:
        return None
    body, parity = list(bits[1:-3]), list(bits[-3:-1])
    if parity != [sum(body[0::2]) % 2, sum(body[1::2]) % 2]:
        return None
    fpb, rest = _int(body[:FP_BITS]), body[FP_BITS:]
    return fpb, _int(rest[:VERSION_BITS]), _int(rest[VERSION_BITS:]) + 1


def code_cells(p: Paper) -> list[tuple[float, float]]:
    """Centres of the code-row cells."""
    n = FP_BITS + VERSION_BITS + PAGE_BITS + 4
    y = p.code_y + CODE_CELL_H / 2
    return [(CODE_X + i * CODE_PITCH + CODE_CELL_W / 2, y) for i in range(n)]


def _bits(value: int, n: int) -> list[int]:
    return [(value >> i) & 1 for i in range(n)]


def _int(bits: Sequence[int]) -> int:
    return sum(b << i for i, b in enumerate(bits))


def text_width(text: str, size: float) -> float:
    """An estimate of `text`'s width in mm at `size` points: wide characters 1 em, others
    0.55 em (the painter squeezes anything that still comes out wider)."""
    ems = sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.55 for ch in text)
    return ems * size * PT


def fit_size(text: str, width: float, size: float, smallest: float) -> float:
    """The largest size <= `size` (down to `smallest`) at which `text` fits `width`."""
    return max(smallest, min(size, size * width / max(text_width(text, size), 1e-6)))


def wrap(text: str, width: float, size: float) -> list[str]:
    """Greedy character wrap of `text` into lines of at most `width` mm at `size` points."""
    lines, line = [], ""
    for ch in text:
        if line and text_width(line + ch, size) > width:
            lines.append(line)
            line = ch.lstrip()
        else:
            line += ch
    return [*lines, line] if line else lines


def id_bubble_y(digit: int) -> float:
    return ID_Y + ID_BOX_H + 3.0 + digit * ID_PITCH_Y


def id_column_x(col: int) -> float:
    return ID_X + col * ID_PITCH_X


def id_grid(p: Paper) -> tuple[list[Bubble], list[Box]]:
    """Write-in boxes over `id_digits` columns of 0-9 bubbles (read top to bottom)."""
    boxes, bubbles = [], []
    for col in range(p.id_digits):
        x = id_column_x(col)
        boxes.append(Box(x - ID_PITCH_X / 2, ID_Y, ID_PITCH_X, ID_BOX_H))
        bubbles += [Bubble(x, id_bubble_y(d), str(d), False, 0, d, col) for d in range(10)]
    return bubbles, boxes


@dataclass(frozen=True)
class Row:
    """A question's answer row: its frame and, for a choice question, its bubbles."""

    number: int
    page: int
    box: Box
    bubbles: tuple[Bubble, ...]
    multi: bool


def place_rows(v: VersionSheet, p: Paper) -> list[Row]:
    """Rows fill the left column, then the next, then a continuation page (same frame)."""
    out: list[Row] = []
    cols = p.columns
    page, col, y = 1, 0, ROWS_Y
    for number, spec in enumerate(v.rows, start=1):
        height = ROW_PITCH * (spec.lines if spec.options == 0 else 1)
        height = min(height, p.rows_bottom - ROWS_Y)  # a huge written box takes one column
        if y + height > p.rows_bottom + 1e-6:
            col, y = col + 1, ROWS_Y
            if col == len(cols):
                page, col = page + 1, 0
        x = cols[col]
        labels = v.labels[number - 1] if number <= len(v.labels) else ()
        bubbles = _row_bubbles(number, spec, labels, x, y, p.col_w)
        out.append(Row(number, page, Box(x, y, p.col_w, height), bubbles, spec.multi))
        y += height
    return out


def _row_bubbles(
    number: int, spec: RowSpec, labels: Sequence[str], x: float, y: float, col_w: float
) -> tuple[Bubble, ...]:
    cy, pitch = y + ROW_PITCH / 2, option_pitch(spec.options, col_w)
    return tuple(
        Bubble(
            x + LABEL_W + pitch * (pos + 0.5),
            cy,
            labels[pos] if pos < len(labels) else chr(ord("A") + pos),
            spec.multi,
            number,
            pos,
        )
        for pos in range(spec.options)
    )


def option_pitch(count: int, col_w: float) -> float:
    """OPT_PITCH, narrowed so that `count` bubbles and 「複数可」 stay inside the row."""
    return min(OPT_PITCH, (col_w - LABEL_W - NOTE_W) / max(1, count))


def page_count(v: VersionSheet, p: Paper) -> int:
    return max((r.page for r in place_rows(v, p)), default=1)


def bubbles_of(v: VersionSheet, p: Paper, page: int) -> list[Bubble]:
    """Every bubble the reader looks at on one page: the student-number grid, then rows."""
    grid, _ = id_grid(p)
    return grid + [b for r in place_rows(v, p) if r.page == page for b in r.bubbles]
