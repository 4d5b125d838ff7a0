"""Ruby in the paragraph engine: one unbreakable unit, drawn centred above in half size."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from exampdf.layout.text.fonts import register_fonts
from exampdf.layout.text.linebreak import break_lines
from exampdf.layout.text.textrun import Run
from tests.helpers.blockpdf import lines_of, typeset

BODY = "exampdf-mincho"


register_fonts()


def _runs(*parts: str | tuple[str, str]) -> list[Run]:
    return [
        Run(p, BODY, 10) if isinstance(p, str) else Run(p[0], BODY, 10, ruby=p[1]) for p in parts
    ]


@pytest.mark.parametrize("width", [45.0, 55.0, 65.0, 75.0, 85.0])
def test_ruby_base_never_breaks(width: float) -> None:
    runs = _runs("あいうえお", ("東京特許", "とうきょうとっきょ"), "かきくけこ")
    lines = break_lines(runs, width)
    starts = [ln.start for ln in lines]
    assert not any(6 <= s <= 8 for s in starts), [ln.text for ln in lines]
    assert "".join(ln.text for ln in lines) == "あいうえお東京特許かきくけこ"


def test_wide_ruby_spaces_its_base_apart_from_neighbours() -> None:
    (plain,) = break_lines(_runs("あ", "字", "い"), 200, align="left")
    (ruby,) = break_lines(_runs("あ", ("字", "むずかしい"), "い"), 200, align="left")
    over = stringWidth("むずかしい", BODY, 5) - stringWidth("字", BODY, 10)
    assert over > 0
    assert ruby.natural == pytest.approx(plain.natural + over, abs=0.01)
    assert ruby.pieces[1].x == pytest.approx(plain.pieces[0].width + over / 2, abs=0.01)


def test_ruby_drawn_centred_above_in_half_size(tmp_path: Path) -> None:
    pdf = typeset(tmp_path, "前の{漢字|かんじ}と後ろ\n")
    rows = lines_of(pdf.chars())
    assert len(rows) == 2
    ruby, body = rows
    assert "".join(c["text"] for c in ruby) == "かんじ"
    assert "".join(c["text"] for c in body) == "前の漢字と後ろ"
    size = body[0]["size"]
    assert all(c["size"] == pytest.approx(size / 2) for c in ruby)
    base = [c for c in body if c["text"] in "漢字"]
    centre = (base[0]["x0"] + base[-1]["x1"]) / 2
    assert (ruby[0]["x0"] + ruby[-1]["x1"]) / 2 == pytest.approx(centre, abs=0.3)
    # just above the base's glyph box (pdfplumber boxes include the font's descent)
    assert -0.5 <= base[0]["top"] - ruby[0]["bottom"] <= 0.3 * size
