"""A ReportLab Table of short centred strings drawn faster: Table._drawCell overridden."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Table

from exampdf.pdf.ops import set_table_cell_style, table_cell_style
from exampdf.pdf.textshow import draw_centred


class TextGrid(Table):  # type: ignore[misc]
    """A Table of short centred strings (the key table: versions x questions, 20,000 cells
    at 200 versions) drawn as ReportLab draws them, each distinct string measured and
    encoded once per PDF instead of once per cell."""

    def _drawCell(
        self, cellval: Any, cellstyle: Any, pos: tuple[float, float], size: tuple[float, float]
    ) -> None:
        st = cellstyle
        if (
            type(cellval) is not str  # not a str subclass with an onDraw hook
            or st.alignment not in ("CENTER", "CENTRE")
            or st.valign != "MIDDLE"
            or st.direction
            or st.shaping
            or st.href
            or st.destination
        ):
            super()._drawCell(cellval, cellstyle, pos, size)
            return
        canv = self.canv
        cur = table_cell_style(self)
        if cur is not st:  # as Table._drawCell: colour and font on change
            if cur is None or st.color != cur.color:
                canv.setFillColor(st.color)
            if (
                cur is None
                or st.leading != cur.leading
                or st.fontname != cur.fontname
                or st.fontsize != cur.fontsize
            ):
                canv.setFont(st.fontname, st.fontsize, st.leading)
            set_table_cell_style(self, st)
        colpos, rowpos = pos
        colwidth, rowheight = size
        x = colpos + (colwidth + st.leftPadding - st.rightPadding) * 0.5
        vals = cellval.split("\n")
        y = rowpos + (st.bottomPadding + rowheight - st.topPadding + len(vals) * st.leading) / 2.0
        y -= st.fontsize
        for v in vals:
            draw_centred(canv, x, y, v)
            y -= st.leading
