"""The math-heavy bank of bench/math_bank.py made into an exam and read back: no formula
crosses the frame or overlaps the text of another line (ink from the font's outlines), inline
formulas share their line's baseline (±0.5 pt), and no glyph is .notdef."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from click.testing import CliRunner

from exampdf.cli import main
from exampdf.layout.math.font import char_glyph, font_path
from exampdf.layout.page.paper import geometry

ROOT = Path(__file__).resolve().parents[2]
SIZE = 10.5


def _write_math_bank(folder: Path) -> None:
    spec = importlib.util.spec_from_file_location("math_bank", ROOT / "bench" / "math_bank.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write_math_bank(folder, 30, 1)  # bench/run.py's M1 bank


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[list[dict[str, Any]]]:
    tmp = tmp_path_factory.mktemp("mathbank")
    _write_math_bank(tmp / "bank")
    args = ["make", str(tmp / "bank"), "-o", str(tmp / "out"), "--versions", "1"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    with pdfplumber.open(tmp / "out" / "exam.pdf") as pdf:
        return [list(p.chars) for p in pdf.pages]


def _is_math(c: dict[str, Any]) -> bool:
    return "STIXTwoMath" in str(c["fontname"])


def _base(c: dict[str, Any]) -> float:
    return float(c["matrix"][5])


def test_no_formula_crosses_the_frame(pages: list[list[dict[str, Any]]]) -> None:
    g = geometry("A4")
    for chars in pages:
        for c in filter(_is_math, chars):
            assert g.left - 0.01 <= c["x0"] and c["x1"] <= g.width - g.right + 0.01, c["text"]


def test_inline_formulas_share_their_line_baseline(pages: list[list[dict[str, Any]]]) -> None:
    """Every full-size relation sign is on a Japanese line's baseline, or alone on its lines
    (a display formula); never half a line off."""
    checked = 0
    for chars in pages:
        bases = {round(_base(c), 2) for c in chars if not _is_math(c) and c["text"] > "\u3000"}
        for c in chars:
            if _is_math(c) and c["text"] == "=" and abs(float(c["size"]) - SIZE) < 0.01:
                near = min((abs(_base(c) - b) for b in bases), default=99.0)
                assert near <= 0.5 or near >= 6.0, (c["text"], _base(c), near)
                checked += near <= 0.5
    assert checked > 20


def _ink_boxes(gids: set[int]) -> dict[int, tuple[float, float, float, float]]:
    """Each glyph's inked box in 1/1000 em, from the font's own outlines (ziafont)."""
    import ziafont

    font = ziafont.Font(str(font_path()))
    per_em = 1000 / font.info.layout.unitsperem
    out = {}
    for gid in gids:
        bb = font.glyph_fromid(gid).path.bbox
        out[gid] = (bb.xmin * per_em, bb.xmax * per_em, bb.ymin * per_em, bb.ymax * per_em)
    return out


def test_no_formula_overlaps_the_text_of_another_line(pages: list[list[dict[str, Any]]]) -> None:
    """The ink of every math glyph against the em box of every Japanese character that is
    above or below it on another line."""
    ink = _ink_boxes({char_glyph(c["text"]) for chars in pages for c in filter(_is_math, chars)})
    checked = 0
    for chars in pages:
        text = [c for c in chars if not _is_math(c) and c["text"] > "\u3000"]
        for c in filter(_is_math, chars):
            gid = char_glyph(c["text"])
            assert gid > 0, c["text"]  # never .notdef
            xmin, xmax, ymin, ymax = ink[gid]
            s, x, y = float(c["size"]) / 1000, float(c["matrix"][4]), _base(c)
            x0, x1, y0, y1 = x + xmin * s, x + xmax * s, y + ymin * s, y + ymax * s
            for t in text:
                if abs(_base(t) - y) < 0.5 or t["x1"] <= x0 or t["x0"] >= x1:
                    continue  # same line, or not above or below this glyph
                top = _base(t) + 0.88 * float(t["size"])
                bottom = _base(t) - 0.12 * float(t["size"])
                assert y1 <= bottom + 0.01 or y0 >= top - 0.01, (c["text"], t["text"])
                checked += 1
    assert checked > 100


def test_a_math_bank_prints_with_more_workers_than_cores(tmp_path: Path) -> None:
    """A later exam slice is seeded with the first slice's fonts, the math font among them;
    a worker that had drawn no formula yet did not know it (KeyError: 'exampdf-math'). A
    fresh process, so nothing registered by earlier tests is inherited."""
    bank = tmp_path / "bank"
    bank.mkdir()
    q = "# t\n\n## 問題\n$a$ とする。\n\n$$\nx^2 + y^2\n$$\n\n## 選択肢\nA. 一\nB. 二\n"
    (bank / "q.md").write_text(q + "\n## 正解\nB\n", encoding="utf-8")
    args = ["make", str(bank), "-o", str(tmp_path / "out"), "--versions", "6", "--jobs", "4"]
    done = subprocess.run(
        [sys.executable, "-m", "exampdf", *args], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    with pdfplumber.open(tmp_path / "out" / "exam.pdf") as pdf:
        math = [sum(c["fontname"].endswith("+STIXTwoMath") for c in p.chars) for p in pdf.pages]
    assert sum(1 for n in math if n) == 6  # each version's page has its formulas
