"""The printed answer sheet: geometry (sheets/geometry.py) plus its texts, per version."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from exampdf.model import Bank, Question
from exampdf.model.student import name_values
from exampdf.sheets import geometry as G
from exampdf.sheets.geometry import Box, Bubble, Label, Paper, SheetPage, VersionSheet
from exampdf.sheets.spec import SheetSpec
from exampdf.versions import ExamVersion
from exampdf.versions.labels import option_label


def sheet_paper(spec: SheetSpec, versions: Sequence[ExamVersion]) -> Paper:
    """The paper of exam.toml, with as many ID digits as exam.toml or the roster's IDs ask."""
    ids = [len(unicodedata.normalize("NFKC", v.student.id)) for v in versions if v.student]
    digits = spec.id_digits or max(ids, default=G.DEFAULT_ID_DIGITS)
    return G.paper(spec.paper, min(G.MAX_ID_DIGITS, max(1, digits)))


def exam_fingerprint(bank: Bank, versions: Sequence[ExamVersion], seed: int) -> str:
    return G.fingerprint(
        seed,
        [(v.code, [(bank.questions[i.question].id, i.order) for i in v.items]) for v in versions],
    )


def version_sheet(bank: Bank, v: ExamVersion, index: int, spec: SheetSpec) -> VersionSheet:
    qs = [bank.questions[it.question] for it in v.items]
    labels = tuple(
        tuple(option_label(pos, spec.label_style) for pos in range(len(q.choices))) for q in qs
    )
    names = name_values(spec.name_fields, v.student)
    return VersionSheet(v.code, index, tuple(row_spec(q) for q in qs), labels, names)


def row_spec(q: Question) -> G.RowSpec:
    if q.kind == "written":
        return G.RowSpec(0, False, q.answer_lines)
    return G.RowSpec(len(q.choices), q.multi)


def answer_sheets(bank: Bank, versions: Sequence[ExamVersion], spec: SheetSpec) -> list[SheetPage]:
    fp = exam_fingerprint(bank, versions, spec.seed)
    p = sheet_paper(spec, versions)
    out: list[SheetPage] = []
    for index, v in enumerate(versions):
        sheet = version_sheet(bank, v, index, spec)
        rows = G.place_rows(sheet, p)
        pages = max((r.page for r in rows), default=1)
        for page in range(1, pages + 1):
            bubbles, boxes, labels = _frame(spec, sheet, p, fp, page, pages)
            for r in (r for r in rows if r.page == page):
                bubbles += r.bubbles
                boxes.append(r.box)
                labels += _row_labels(r, sheet.rows[r.number - 1].options == 0)
            qr = G.qr_payload(fp, v.code, page, pages)
            out.append(
                SheetPage(v.code, page, qr, tuple(bubbles), tuple(boxes), tuple(labels), pages, p)
            )
    return out


def _frame(
    spec: SheetSpec, v: VersionSheet, p: Paper, fp: str, page: int, pages: int
) -> tuple[list[Bubble], list[Box], list[Label]]:
    """What every page of a sheet carries: title, version, names, student number, code row.
    Continuation pages repeat the student number so each page names its student."""
    title_w = p.version_x - G.GAP - G.EDGE
    labels = _title(spec.title, title_w)
    sheet_name = "解答用紙" + (f"（{page}/{pages}）" if pages > 1 else "")
    labels.append(Label(G.EDGE, 47.0, sheet_name, 10.0))
    vx, vw = p.version_x, G.VERSION_W
    size = G.fit_size(v.code, vw - 3.0, 30.0, 6.0)
    labels += [
        Label(vx + vw / 2, G.TOP + 12.0 + size * G.PT * 0.36, v.code, size, True, "center", vw - 2),
        Label(vx + vw / 2, G.TOP + G.VERSION_H - 2.0, "版", 7.0, align="center"),
    ]
    boxes = [Box(vx, G.TOP, vw, G.VERSION_H), *G.corner_marks(p)]
    boxes += _name_boxes(spec.name_fields, v.names, labels, p)
    bubbles, grid = G.id_grid(p)
    boxes += grid
    labels.append(
        Label(G.EDGE, G.ID_Y - 2.0, "学籍番号（数字を記入し、その数字をマーク）", 8.0, True)
    )
    labels += [
        Label(G.ID_X - 7.0, G.id_bubble_y(d) + 1.1, str(d), 8.0, align="center") for d in range(10)
    ]
    labels += _how_to_mark(p)
    bits = G.code_bits(fp, v.index, page)
    boxes += [
        Box(x - G.CODE_CELL_W / 2, y - G.CODE_CELL_H / 2, G.CODE_CELL_W, G.CODE_CELL_H, fill=True)
        for (x, y), bit in zip(G.code_cells(p), bits, strict=True)
        if bit
    ]
    return bubbles, boxes, labels


def _title(title: str, width: float) -> list[Label]:
    """One line at up to 14 pt, else two or three lines shrunk to fit beside the version box."""
    for lines, top, largest, smallest in ((1, 31.0, 14.0, 11.0), (2, 28.0, 12.0, 8.0)):
        size = largest
        while size >= smallest:
            parts = G.wrap(title, width, size)
            if len(parts) <= lines:
                step = size * G.PT * 1.3
                return [
                    Label(G.EDGE, top + i * step, t, size, True, max_w=width)
                    for i, t in enumerate(parts)
                ]
            size -= 0.5
    parts = G.wrap(title, width, 7.0)[:3]
    return [Label(G.EDGE, 27.0 + i * 3.4, t, 7.0, True, max_w=width) for i, t in enumerate(parts)]


def _name_boxes(
    fields: Sequence[str], values: Sequence[str], labels: list[Label], p: Paper
) -> list[Box]:
    """Label and write-in cell per field across the content width; names get the spare width."""
    x0, x1 = G.EDGE, p.w - G.EDGE
    label_ws = [max(12.0, 3.8 * len(f) + 4) for f in fields]
    widths = [0.0 if "名" in f else 24.0 for f in fields]
    spare = x1 - x0 - sum(label_ws) - sum(widths)
    names = sum(1 for w in widths if w == 0.0) or 1
    widths = [w or max(20.0, spare / names) for w in widths]
    scale = min(1.0, (x1 - x0 - sum(label_ws)) / sum(widths))
    boxes, x = [], x0
    for i, (field, label_w, w) in enumerate(zip(fields, label_ws, widths, strict=True)):
        cell = w * scale
        boxes += [
            Box(x, G.NAME_Y, label_w, G.NAME_H, shade=True),
            Box(x + label_w, G.NAME_Y, cell, G.NAME_H),
        ]
        y = G.NAME_Y + 6.3
        labels.append(Label(x + label_w / 2, y, field, 9.0, True, "center", label_w - 1))
        if i < len(values) and values[i]:  # a roster student's own sheet
            size = G.fit_size(values[i], cell - 4.0, 11.0, 6.0)
            labels.append(Label(x + label_w + 2.0, y + 0.3, values[i], size, max_w=cell - 3.0))
        x += label_w + cell
    return boxes


def _how_to_mark(p: Paper) -> list[Label]:
    x = max(100.0, G.id_column_x(p.id_digits) + 8.0)
    width = p.w - G.EDGE - x
    texts = [
        (78.0, "マーク例", 9.0, True),
        (85.0, "良い例　●", 9.0, False),
        (92.0, "悪い例　✓　○　◐", 9.0, False),
        (101.0, "・HB以上の鉛筆で、枠いっぱいに濃く塗りつぶすこと。", 8.0, False),
        (107.0, "・訂正は消しゴムできれいに消すこと。", 8.0, False),
        (113.0, f"・□ の問題は当てはまるものをすべてマーク（{G.MULTI_NOTE}）。", 8.0, False),
    ]
    return [
        Label(x, y, text, G.fit_size(text, width, size, 5.0), bold, max_w=width)
        for y, text, size, bold in texts
    ]


def _row_labels(r: G.Row, written: bool) -> list[Label]:
    x, y, w = r.box.x, r.box.y, r.box.w
    labels = [Label(x + 1.0, y + 4.8, f"問{r.number}", 9.0, bold=True)]
    if written:
        labels.append(Label(x + w - 1.5, y + 3.5, "記述", 6.0, align="right"))
    elif r.multi:
        labels.append(Label(x + w - 1.0, y + 4.6, G.MULTI_NOTE, 6.5, align="right"))
    return labels


def sheet_manifest(
    bank: Bank, versions: Sequence[ExamVersion], spec: SheetSpec
) -> dict[str, object]:
    """key.json's "answer_sheet": what the scanner needs to replay the geometry."""
    p = sheet_paper(spec, versions)
    lines = {
        bank.questions[it.question].id: bank.questions[it.question].answer_lines
        for v in versions
        for it in v.items
        if bank.questions[it.question].kind == "written"
    }
    return {
        "format": G.FORMAT,
        "fingerprint": exam_fingerprint(bank, versions, spec.seed),
        "paper": [p.w, p.h],
        "id_digits": p.id_digits,
        "written_lines": lines,
    }


def unmarkable_ids(ids: Sequence[str], digits: int) -> list[tuple[str, int, int]]:
    """(id, its digits, the grid's columns) for each roster id the student-number grid
    cannot hold: ids are marked one digit per column, so only digits fit (0 digits: not
    all digits), and no more of them than the grid has columns."""
    grid = digits or min(G.MAX_ID_DIGITS, max((len(i) for i in ids), default=0))
    out = []
    for sid in ids:
        plain = unicodedata.normalize("NFKC", sid)
        if not (plain.isascii() and plain.isdigit()):
            out.append((sid, 0, grid))
        elif len(plain) > grid:
            out.append((sid, len(plain), grid))
    return out
