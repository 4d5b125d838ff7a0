"""A version's cover page: title, subject, date, duration, 注意事項, name fields, version code."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from exampdf.layout.blocks.labeled import Labeled
from exampdf.layout.exam.spec import ExamSpec
from exampdf.layout.text.paragraphs import ParaStyle, make_paragraph
from exampdf.layout.text.textrun import Run
from exampdf.layout.theme import Theme
from exampdf.pdf.ops import font_state, replayed
from exampdf.pdf.state import paint_state

DO_NOT_OPEN = "指示があるまで開いてはいけません"
NOTES_HEADING = "注意事項"


def default_instructions(spec: ExamSpec) -> tuple[str, ...]:
    """What the cover says when exam.toml gives no `instructions`."""
    where = "解答用紙" if spec.answer_sheet else "この問題冊子"
    return (
        f"{'・'.join(spec.name_fields)}を所定の欄に記入しなさい。",
        f"解答はすべて{where}に記入しなさい。",
        "印刷が不鮮明な箇所やページの抜けがあれば、手を挙げて監督者に知らせなさい。",
    )


def cover_flowables(
    spec: ExamSpec,
    code: str,
    theme: Theme,
    width: float,
    height: float,
    names: Sequence[str] = (),  # values for the name boxes (roster)
) -> list[Flowable]:
    """Everything on the cover, spread over a frame `width` x `height`."""
    f, s = theme.fonts, theme.size
    top: list[Flowable] = []
    if spec.school:
        top.append(_line(spec.school, f.body, s * 1.2))
    top.append(_line(spec.title, f.heading, s * 2.4, space_before=s))
    if spec.subtitle:
        top.append(_line(spec.subtitle, f.bold, s * 1.4))
    top += [Spacer(1, 6 * mm), _facts(spec, theme), Spacer(1, 8 * mm), VersionBadge(code, theme)]
    notes = notes_box(spec.instructions or default_instructions(spec), theme, width * 0.8)
    bottom: list[Flowable] = [
        notes,
        Spacer(1, 10 * mm),
        name_table(spec.name_fields, theme, width * 0.9, align="CENTER", values=names),
        Spacer(1, 12 * mm),
        _line(DO_NOT_OPEN, f.heading, s * 1.9),
    ]
    used = sum(
        fl.wrap(width, height)[1] + fl.getSpaceBefore() + fl.getSpaceAfter()
        for fl in [*top, *bottom]
    )
    # The slack keeps rounding in ReportLab's frame from pushing the last line to a new page.
    return [*top, Spacer(1, max(6 * mm, height - used - 6 * mm)), *bottom]


def _line(text: str, font: str, size: float, space_before: float = 0.0) -> Flowable:
    return make_paragraph(
        [Run(text, font, size)],
        ParaStyle(leading=size * 1.5, align="center", phrases=True, space_before=space_before),
    )


def _facts(spec: ExamSpec, theme: Theme) -> Flowable:
    """科目・実施日・試験時間 as a small centred table (only the ones given)."""
    rows = [
        (label, value)
        for label, value in (
            ("科目", spec.subject),
            ("実施日", spec.date),
            ("試験時間", spec.duration),
        )
        if value
    ]
    if not rows:
        return Spacer(1, 0)
    cells = [[_cell(a, theme, bold=True), _cell(b, theme)] for a, b in rows]
    table = Table(cells, colWidths=[28 * mm, 70 * mm], hAlign="CENTER")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), theme.fonts.body, theme.size),  # not Helvetica
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, (0.55, 0.55, 0.55)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def _cell(text: str, theme: Theme, bold: bool = False) -> Flowable:
    font = theme.fonts.bold if bold else theme.fonts.body
    return make_paragraph(
        [Run(text, font, theme.size * 1.15)],
        ParaStyle(leading=theme.size * 1.9, align="left"),
    )


def notes_box(lines: Sequence[str], theme: Theme, width: float) -> Table:
    """注意事項 in a ruled box, numbered, wrapped with a hanging indent."""
    s = theme.size
    items: list[Flowable] = []
    for i, text in enumerate(lines, start=1):
        label = make_paragraph([Run(f"{i}.", theme.fonts.body, s)], ParaStyle(leading=s * 1.7))
        body = make_paragraph(
            [Run(text, theme.fonts.body, s)], ParaStyle(leading=s * 1.7, align="left")
        )
        items.append(Labeled(label, body, s * 2.0))
    head = make_paragraph(
        [Run(NOTES_HEADING, theme.fonts.heading, s * 1.2)],
        ParaStyle(leading=s * 2.0, align="center"),
    )
    table = Table([[head], [items]], colWidths=[width], hAlign="CENTER")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), theme.fonts.body, theme.size),  # not Helvetica
                ("BOX", (0, 0), (-1, -1), 0.9, (0, 0, 0)),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, (0, 0, 0)),
                ("LEFTPADDING", (0, 1), (-1, -1), 4 * mm),
                ("RIGHTPADDING", (0, 1), (-1, -1), 4 * mm),
                ("BOTTOMPADDING", (0, 1), (-1, -1), 3 * mm),
            ]
        )
    )
    return table


def field_width(label: str, room: float) -> float:
    """Names get the most room; numbers and classes a few characters."""
    if "名" in label:
        return room * 0.5
    return room * (0.22 if "番号" in label and len(label) > 2 else 0.13)


def name_table(
    fields: Sequence[str],
    theme: Theme,
    width: float,
    height: float = 12 * mm,
    align: str = "RIGHT",
    values: Sequence[str] = (),  # printed into the write-in cells (a roster student's row)
) -> Table:
    """Label cells shaded, write-in cells white, scaled to fit `width`."""
    s = theme.size
    labels = [s * 1.1 * max(2, len(f)) + 6 for f in fields]
    room = width - sum(labels)
    wanted = [field_width(f, room) for f in fields]
    scale = min(1.0, room / sum(wanted))
    cells: list[str | Flowable] = []
    widths: list[float] = []
    for i, (field, lab, want) in enumerate(zip(fields, labels, wanted, strict=True)):
        value = values[i] if i < len(values) else ""
        cells += [field, FitText(value, theme.fonts.bold, s, height - 2) if value else ""]
        widths += [lab, want * scale]
    table = NameTable([cells], colWidths=widths, rowHeights=[height], hAlign=align)
    if not values:  # every version's table the same: its operators are copied (NameTable)
        table.same_as = ("name_table", tuple(fields), theme, width, height, align)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), theme.fonts.bold, s),
                ("BOX", (0, 0), (-1, -1), 0.9, (0, 0, 0)),
                ("INNERGRID", (0, 0), (-1, -1), 0.5, (0, 0, 0)),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                *[
                    ("BACKGROUND", (c, 0), (c, 0), (0.92, 0.92, 0.92))
                    for c in range(0, len(cells), 2)
                ],
            ]
        )
    )
    return table


class NameTable(Table):  # type: ignore[misc]
    """A name table; one without values (`same_as` set) draws the same operators wherever
    it stands at the same place in the same font, so it is drawn once per document and
    then copied (a Table's draw costs a quarter of a millisecond, once per version)."""

    same_as: tuple[Any, ...] | None = None

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        if self.same_as is None:
            super().drawOn(canvas, x, y, _sW)
            return
        key = (self.same_as, x, y, _sW, *font_state(canvas))
        # text cells only: no form, link or resource, so the operators can be copied
        replayed(
            canvas,
            paint_state(canvas).tables,
            key,
            lambda: super(NameTable, self).drawOn(canvas, x, y, _sW),
        )


MIN_SIZE = 6.0  # points: the smallest text still read at a glance


class FitText(Flowable):  # type: ignore[misc]
    """Text in a fixed cell (a student's name): its size where it fits, else smaller down to
    MIN_SIZE, else two lines, else narrowed; it never reaches the cell's rules."""

    def __init__(self, text: str, font: str, size: float, room: float) -> None:
        super().__init__()
        self.text, self.font, self.size, self.room = text, font, size, room
        self.lines: list[str] = [text]
        self.used = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.lines, self.used = _fit(self.text, self.font, self.size, avail_width)
        self.height = min(self.room, self.used * 1.15 * len(self.lines))
        return self.width, self.height

    def draw(self) -> None:
        c, size = self.canv, self.used
        step = self.height / len(self.lines)
        for i, line in enumerate(self.lines):
            width = stringWidth(line, self.font, size)
            squeeze = min(1.0, self.width / width) if width else 1.0
            text = c.beginText()
            text.setFont(self.font, size)
            text.setHorizScale(100 * squeeze)
            baseline = self.height - step * i - (step + size * 0.72) / 2
            text.setTextOrigin((self.width - width * squeeze) / 2, baseline)
            text.textOut(line)
            c.drawText(text)


def _fit(text: str, font: str, size: float, width: float) -> tuple[list[str], float]:
    """(lines, size): one line as large as fits (not below MIN_SIZE), else two lines split
    at the space nearest the middle (or the middle) at the size the longer one allows."""
    one = stringWidth(text, font, size)
    if one <= width or size * width / one >= MIN_SIZE:
        return [text], min(size, size * width / one) if one else size
    middle = len(text) // 2
    spaces = [i for i, ch in enumerate(text) if ch in " 　"]
    cut = min(spaces, key=lambda i: abs(i - middle)) if spaces else middle
    lines = [text[:cut].strip(), text[cut:].strip()]
    longest = max(stringWidth(line, font, size) for line in lines)
    return lines, max(MIN_SIZE, min(size, size * width / longest))


class VersionBadge(Flowable):  # type: ignore[misc]
    """The version code, large, in a box: proctors check it from the front of the room."""

    def __init__(self, code: str, theme: Theme) -> None:
        super().__init__()
        self.code, self.theme = code, theme
        self.size = 44.0 if len(code) <= 2 else 30.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, self.size * 1.6
        return self.width, self.height

    def draw(self) -> None:
        c, font = self.canv, self.theme.fonts.heading
        text_w = c.stringWidth(self.code, font, self.size)
        caption = "版"
        cap_size = self.size * 0.45
        box_w = text_w + cap_size * 1.3 + self.size * 0.8
        x0 = (self.width - box_w) / 2
        c.saveState()
        c.setLineWidth(2)
        c.rect(x0, 0, box_w, self.height)
        c.setFont(font, self.size)
        base = (self.height - self.size * 0.72) / 2
        c.drawString(x0 + self.size * 0.4, base, self.code)
        c.setFont(font, cap_size)
        c.drawString(x0 + self.size * 0.4 + text_w + cap_size * 0.3, base, caption)
        c.restoreState()
