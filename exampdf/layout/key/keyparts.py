"""Small pieces the answer-key booklets share: text lines, headings, the key table, the cover."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from exampdf.layout.key.cellgrid import CellGrid, GridLook
from exampdf.layout.page.markers import Deferred
from exampdf.layout.text.paragraphs import Align, ParaStyle, make_paragraph
from exampdf.layout.text.textrun import Run
from exampdf.layout.theme import BOX_GREY, RULE_GREY, Theme
from exampdf.model import Bank, Question
from exampdf.versions import ExamVersion, VersionItem
from exampdf.versions.types import letter

Label = Callable[[int], str]  # printed position -> option label (A, ア, 1, ①)
KEYS_COLUMN = 32 * mm  # the cover table's first column
CELL_SIDE = 6.0  # a Table cell's left and right padding
CELL_LINES_MAX = 30


@dataclass(unsafe_hash=True)
class KeyInfo:
    """What the cover of a key booklet says, besides the bank and the versions."""

    title: str
    seed: int
    fingerprint: str  # SHA-256 over the bank files
    date: str = ""
    tool: str = ""  # exampdf version
    spread: tuple[str, ...] = ()  # where correct answers are printed (balance report)
    label: Label = letter


def answer_text(q: Question, item: VersionItem, label: Label = letter) -> str:
    """The printed labels of the correct options, or 記述 for a written answer."""
    if not q.choices:
        return "記述"
    if len(q.answer) == 1:  # the common case, 40,000 times at 200 versions x 100 questions
        return label(item.order.index(q.answer[0]))  # item.position, without the call
    return "・".join(label(p) for p in sorted(map(item.order.index, q.answer)))  # printed_answer


def line(
    text: str, theme: Theme, size: float | None = None, bold: bool = False, align: Align = "left"
) -> Flowable:
    s = size or theme.size
    font = theme.fonts.bold if bold else theme.fonts.body
    return make_paragraph([Run(text, font, s)], ParaStyle(leading=s * 1.6, align=align))


def heading(text: str, theme: Theme, size: float | None = None) -> Flowable:
    s = size or theme.size * 1.1
    style = ParaStyle(
        leading=s * 1.5, align="left", space_before=s * 0.5, space_after=s * 0.2, phrases=True
    )
    return make_paragraph([Run(text, theme.fonts.heading, s)], style)


def cover(
    info: KeyInfo,
    rows: Sequence[tuple[str, str]],
    theme: Theme,
    subtitle: str,
    width: float = 0.0,
) -> list[Flowable]:
    """Title, subtitle, then a two-column table of facts (date, seed, fingerprint, versions).
    A value wider than `width` leaves (a roster's names) is broken into lines in its cell
    (as one line, the table ran off both sides of the page); one of more than
    CELL_LINES_MAX lines follows the table instead, where it may run onto the next page (a
    table row cannot)."""
    big = theme.size * 2.0
    facts = [(k, v) for k, v in rows if v]
    room = width - KEYS_COLUMN - 2 * CELL_SIDE
    # a Table cell's leading; phrases keep 「2024001版」 whole at a line end
    style = ParaStyle(leading=theme.size * 1.2, align="left", phrases=True)
    cells: list[list[str | Flowable]] = []
    after: list[Flowable] = []
    for k, v in facts:
        if not width or "\n" in v or stringWidth(v, theme.fonts.body, theme.size) <= room:
            cells.append([k, v])
            continue
        body = make_paragraph([Run(v, theme.fonts.body, theme.size)], style)
        if body.wrap(room, 1e9)[1] <= CELL_LINES_MAX * style.leading:
            cells.append([k, body])
        else:
            cells.append([k, "（表の下に）"])
            body = make_paragraph([Run(v, theme.fonts.body, theme.size)], style)
            after += [Spacer(1, 4 * mm), line(k, theme, bold=True), body]
    wraps = any(not isinstance(v, str) for _, v in cells)
    table = Table(
        cells,
        colWidths=[KEYS_COLUMN, width - KEYS_COLUMN if wraps else None],
        hAlign="CENTER",
        repeatRows=0,
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), theme.fonts.body, theme.size),
                ("FONT", (0, 0), (0, -1), theme.fonts.bold, theme.size),
                ("GRID", (0, 0), (-1, -1), 0.5, RULE_GREY),
                ("BACKGROUND", (0, 0), (0, -1), BOX_GREY),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return [
        Spacer(1, 30 * mm),
        line(info.title, theme, big, bold=True, align="center"),
        Spacer(1, 4 * mm),
        line(subtitle, theme, theme.size * 1.4, bold=True, align="center"),
        Spacer(1, 16 * mm),
        table,
        *after,
    ]


def fingerprint_text(fingerprint: str) -> str:
    """A SHA-256 in groups of 16, on two lines, so a person can compare it by eye."""
    groups = [fingerprint[i : i + 16] for i in range(0, len(fingerprint), 16)]
    return " ".join(groups[:2]) + "\n" + " ".join(groups[2:])


def answer_table(
    bank: Bank, versions: Sequence[ExamVersion], label: Label = letter
) -> list[list[str]]:
    """answer_text of every version's every item, [version][item]: the key table and
    「出題位置」 both print each (60,000 calls at 100 questions x 200 versions, made once)."""
    questions = bank.questions
    return [[answer_text(questions[i.question], i, label) for i in v.items] for v in versions]


def key_tables(
    bank: Bank,
    versions: Sequence[ExamVersion],
    theme: Theme,
    width: float,
    label: Label = letter,
    answers: Sequence[Sequence[str]] | None = None,  # answer_table(bank, versions, label)
) -> list[Flowable]:
    """Rows = versions, columns = question numbers, cells = printed labels; a total column.
    Columns that do not fit the width wrap into further bands under the first. Each band is
    made when the layout reaches it and freed once drawn: a band's rows grow with the
    versions (300 questions x 702 versions: 34 bands of 703 rows, 114 MB all made at once)."""
    if answers is None:
        answers = answer_table(bank, versions, label)
    count = max((len(v.items) for v in versions), default=0)
    points = {bank.questions[i.question].points for v in versions for i in v.items}
    uneven = len(points) > 1
    size = theme.size * 0.9

    measured: dict[str, float] = {}  # cells repeat: A, B, A・C … (20,000 at 200 versions)

    def fits(text: str) -> float:
        w = measured.get(text)
        if w is None:
            parts = text.split("\n")
            w = measured[text] = float(max(stringWidth(p, theme.fonts.bold, size) for p in parts))
        return w + 10

    columns = [fits(f"問{c + 1}") for c in range(count)]
    questions = bank.questions
    for v, texts in zip(versions, answers, strict=True):  # the widest cell of each column
        for c, (i, text) in enumerate(zip(v.items, texts, strict=True)):
            columns[c] = max(columns[c], fits(_cell(questions[i.question], text, uneven)))
    code_width = max(fits(v.code) for v in versions) + 4
    total_width = fits("計000点")
    band = _Band(bank, versions, answers, uneven, theme, size, code_width, total_width)
    out: list[Flowable] = []
    start = 0
    while start < count:
        stop, used = start, code_width + total_width
        while stop < count and (stop == start or used + columns[stop] <= width):
            used += columns[stop]
            stop += 1
        out.append(Deferred(partial(band.flowables, range(start, stop), columns, stop == count)))
        start = stop
    if not uneven and points:
        (each,) = points
        out.append(line(f"配点：各{each}点", theme, theme.size * 0.9))
    return out


@dataclass(unsafe_hash=True)
class _Band:
    """What every band of the key table shares; `flowables` makes one band's table."""

    bank: Bank
    versions: Sequence[ExamVersion]
    answers: Sequence[Sequence[str]]  # [version][item]
    uneven: bool
    theme: Theme
    size: float
    code_width: float
    total_width: float

    def flowables(self, cols: range, columns: list[float], last: bool) -> list[Flowable]:
        rows = [["版", *(f"問{c + 1}" for c in cols), *(["計"] if last else [])]]
        questions, uneven = self.bank.questions, self.uneven
        for v, texts in zip(self.versions, self.answers, strict=True):
            items = v.items
            body = [
                _cell(questions[items[c].question], texts[c], uneven) if c < len(items) else ""
                for c in cols
            ]
            if last:
                body.append(f"{sum(questions[i.question].points for i in items)}点")
            rows.append([v.code, *body])
        widths = [self.code_width, *(columns[c] for c in cols)]
        widths += [self.total_width] if last else []
        look = GridLook(
            self.theme.fonts.body,
            self.theme.fonts.bold,
            self.size,
            RULE_GREY,
            BOX_GREY,
            pad=3.0,  # as the ReportLab Table it replaces
        )
        lines = 2 if self.uneven else 1  # a cell "A\n(3点)" when questions differ in points
        grid = CellGrid(rows[0], rows[1:], widths, look, bold=(0,), lines=lines)
        return [grid, Spacer(1, 4 * mm)]


def _cell(q: Question, text: str, uneven: bool) -> str:
    return f"{text}\n({q.points}点)" if uneven else text
