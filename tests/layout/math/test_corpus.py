"""The golden corpus: every formula is in the subset, draws no .notdef glyph, embeds its
fonts, and measures from the PDF as recorded (EXAMPDF_UPDATE_GOLDEN=1 records it again)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pdfplumber
import pytest
from reportlab.pdfbase import pdfmetrics

from exampdf.layout.math.engine import lay_out
from exampdf.layout.math.font import glyph_char, math_font
from exampdf.layout.text.fonts import register_fonts
from exampdf.parse.math import check_latex
from tests.layout.math.corpus import COLUMNS, HERE, PER_PAGE, SIZE, boxes, draw, formulas, origin

GOLDEN = HERE / "golden.json"
TOLERANCE = 0.5  # pt


def test_corpus_is_large_and_in_the_subset() -> None:
    assert len(formulas()) >= 60
    assert {f: check_latex(f) for f in formulas() if check_latex(f)} == {}


@pytest.mark.parametrize("formula", formulas())
def test_no_notdef_glyph(formula: str) -> None:
    face = math_font().face
    body = register_fonts().body
    body_face = pdfmetrics.getFont(body).face
    for box in boxes(formula).values():
        assert box.glyphs, formula
        for gid, *_ in box.glyphs:
            assert gid > 0
            assert face.charToGlyph[ord(glyph_char(gid))] == gid
        for text, *_ in box.texts:
            assert all(ord(c) in body_face.charToGlyph for c in text)


def test_laid_out_once_per_process() -> None:
    body = register_fonts().body
    assert lay_out("x^2", False, SIZE, body) is lay_out("x^2", False, SIZE, body)


def _measure(pdf: Path) -> dict[str, dict[str, list[float]]]:
    """Per formula and form: [left, right, lowest baseline, highest baseline, glyph count]
    of what the PDF shows, relative to the formula's origin."""
    out: dict[str, dict[str, list[float]]] = {}
    with pdfplumber.open(pdf) as doc:
        for i, formula in enumerate(formulas()):
            page = doc.pages[i // PER_PAGE]
            for form in COLUMNS:
                _, x, y = origin(i, form)
                chars = [
                    c
                    for c in page.chars
                    if x - 1 <= c["x0"] < x + 250 and abs(c["matrix"][5] - y) < 26
                ]
                bases = [c["matrix"][5] - y for c in chars]
                right = max(c["x1"] for c in chars) - x
                left = min(c["x0"] for c in chars) - x
                out.setdefault(formula, {})[form] = [
                    round(v, 2) for v in (left, right, min(bases), max(bases), len(chars))
                ]
    return out


def test_golden_layout_read_back_from_the_pdf(tmp_path: Path) -> None:
    pdf = tmp_path / "corpus.pdf"
    draw(pdf)
    measured = _measure(pdf)
    if os.environ.get("EXAMPDF_UPDATE_GOLDEN"):
        rows = (
            f" {json.dumps(k, ensure_ascii=False)}: {json.dumps(v)}" for k, v in measured.items()
        )
        GOLDEN.write_text("{\n" + ",\n".join(rows) + "\n}\n", "utf-8")
    golden = json.loads(GOLDEN.read_text("utf-8"))
    assert set(golden) == set(measured)
    for formula, forms in golden.items():
        for form, want in forms.items():
            got = measured[formula][form]
            assert got[4] == want[4], (formula, form, "glyph count")
            assert got[:4] == pytest.approx(want[:4], abs=TOLERANCE), (formula, form)


def test_fonts_embedded_as_subsets(tmp_path: Path) -> None:
    pdf = tmp_path / "corpus.pdf"
    draw(pdf)
    data = pdf.read_bytes()
    assert data.count(b"/FontFile2") >= 2  # the math font and the body font (\text{})
    with pdfplumber.open(pdf) as doc:
        names = {c["fontname"] for page in doc.pages for c in page.chars}
    assert any("STIXTwoMath" in n for n in names)
    assert all("+" in n for n in names)  # subset prefixes


def test_math_italics_read_back_as_themselves(tmp_path: Path) -> None:
    """ToUnicode for codes beyond the BMP (exampdf/pdf/tounicode.py): 𝑥 copies as 𝑥."""
    pdf = tmp_path / "corpus.pdf"
    draw(pdf)
    with pdfplumber.open(pdf) as doc:
        text = "".join(c["text"] for c in doc.pages[0].chars)
    assert "𝑥" in text and "ᵆ" not in text
