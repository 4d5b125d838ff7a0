"""The staff-room report: summary, histogram of totals (reportlab.graphics), item table."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from exampdf.grade.analysis import ItemStats
from exampdf.layout.blocks.tables import AutoTable
from exampdf.layout.text.paragraphs import Align, ParaStyle, make_paragraph
from exampdf.layout.text.textrun import Run
from exampdf.layout.theme import RULE_GREY, Theme

BAR_GREY = (0.45, 0.45, 0.45)
WEAK = 0.2  # discrimination below this is worth a second look (Ebel's rule of thumb)


@dataclass(frozen=True)
class ReportData:
    title: str
    totals: tuple[float, ...]
    max_points: int
    items: tuple[ItemStats, ...]


def report_story(data: ReportData, theme: Theme, width: float) -> list[Flowable]:
    size = theme.size * 1.5
    head = ParaStyle(leading=size * 1.4, align="center", phrases=True)
    return [
        make_paragraph([Run(f"{data.title}　成績分析", theme.fonts.heading, size)], head),
        Spacer(1, 4 * mm),
        _para(_summary(data), theme),
        Spacer(1, 3 * mm),
        histogram(data.totals, data.max_points, theme, width),
        Spacer(1, 6 * mm),
        AutoTable(*_item_grid(data.items, theme), theme),
        Spacer(1, 3 * mm),
        _para(
            "正答率: 満点の割合。平均: 得点率の平均。識別力: 上位27%と下位27%の得点率の差"
            f"（{WEAK} 未満に ※）。A, B, … は各選択肢を選んだ人数で、"
            "元の問題ファイルの記号で数えています（太字が正解）。",
            theme,
            small=True,
        ),
    ]


def _summary(data: ReportData) -> str:
    t = data.totals
    sd = statistics.pstdev(t) if len(t) > 1 else 0.0
    return (
        f"受験者 {len(t)} 人　満点 {data.max_points} 点　平均 {statistics.mean(t):.1f} 点　"
        f"中央値 {statistics.median(t):g} 点　標準偏差 {sd:.1f}　"
        f"最高 {max(t):g} 点　最低 {min(t):g} 点"
    )


def _para(text: str, theme: Theme, small: bool = False) -> Flowable:
    size = theme.size * (0.85 if small else 1.0)
    return make_paragraph([Run(text, theme.fonts.body, size)], ParaStyle(leading=size * 1.6))


def bins(totals: Sequence[float], max_points: int) -> tuple[float, list[int]]:
    """Bin width (one point up to 30 points, else about 20 bins) and counts per bin."""
    width = 1.0 if max_points <= 30 else float(math.ceil(max_points / 20))
    counts = [0] * (int(max_points // width) + 1)
    for total in totals:
        counts[min(len(counts) - 1, int(total // width))] += 1
    return width, counts


def histogram(totals: Sequence[float], max_points: int, theme: Theme, width: float) -> Drawing:
    step, counts = bins(totals, max_points)
    height, left, bottom = 55 * mm, 10 * mm, 8 * mm
    plot_w, plot_h = width - left - 2 * mm, height - bottom - 4 * mm
    d = Drawing(width, height)
    d.initialFontName = theme.fonts.body  # else the renderer selects Times-Roman, never embedded
    top = max(counts) or 1
    bar_w = plot_w / len(counts)
    font, size = theme.fonts.body, theme.size * 0.75
    for i, n in enumerate(counts):
        x = left + i * bar_w
        if n:
            h = plot_h * n / top
            d.add(Rect(x + 1, bottom, bar_w - 2, h, fillColor=BAR_GREY, strokeColor=None))
            d.add(_label(x + bar_w / 2, bottom + h + 2, str(n), font, size))
        label_every = max(1, math.ceil(len(counts) / 15))  # keep axis labels apart
        if i % label_every == 0:
            d.add(_label(x + bar_w / 2, bottom - size - 2, f"{i * step:g}", font, size))
    d.add(Line(left, bottom, left + plot_w, bottom, strokeColor=RULE_GREY, strokeWidth=0.6))
    d.add(_label(left - 2, bottom + plot_h - size, "人", font, size, "end"))
    d.add(_label(left + plot_w, 0, "点", font, size, "end"))
    return d


def _label(x: float, y: float, text: str, font: str, size: float, anchor: str = "middle") -> String:
    return String(x, y, text, fontName=font, fontSize=size, textAnchor=anchor)


Grid = list[list[list[Run]]]


def _item_grid(items: Sequence[ItemStats], theme: Theme) -> tuple[Grid, list[Align]]:
    """One column per bank letter, so distractors line up; the correct options in bold."""
    body, bold = theme.fonts.body, theme.fonts.bold
    size = theme.size * 0.85
    letters = sorted({x for it in items for x in it.letters})

    def cell(text: str, font: str = body) -> list[Run]:
        return [Run(text, font, size)]

    header = ["問題", "配点", "正解", "人数", "正答率", "平均", "識別力", *letters, "無答"]
    grid = [[cell(h, bold) for h in header]]
    for it in items:
        d = it.discrimination
        disc = "—" if d is None else f"{d:+.2f}" + ("※" if d < WEAK else "")
        row = [it.id, str(it.points), "".join(it.answer) or "記述", str(it.n)]
        row += [f"{it.correct_rate:.0%}", f"{it.mean:.0%}", disc]
        cells = [cell(x) for x in row]
        for x in letters:
            count = str(it.chosen[x]) if x in it.chosen else ""
            cells.append(cell(count, bold if x in it.answer else body))
        grid.append([*cells, cell(str(it.blank))])
    right: Align = "right"
    aligns: list[Align] = ["left", right, "center", *[right] * (5 + len(letters))]
    return grid, aligns
