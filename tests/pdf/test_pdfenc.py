"""pdf/pdfenc.py: ReportLab's token encoding and name escaping, faster and the same."""

from __future__ import annotations

from typing import Any

import pytest
from reportlab.pdfbase import pdfdoc

from exampdf.pdf.canvas import PaintCanvas
from exampdf.pdf.pdfenc import ORIGINAL, cached_name, fast_enc

ENC, NAME = ORIGINAL


@pytest.mark.parametrize(
    "x", ["12 0 obj\n", "", "/F1 12 Tf", "é", "日本", "a\x18b", "\x1f", "\x7f\x00", b"\xff(x)"]
)
def test_tokens_encode_as_reportlab_encodes_them(x: Any) -> None:
    def outcome(f: Any) -> Any:
        try:
            return f(x)
        except UnicodeEncodeError as e:
            return type(e)

    assert outcome(fast_enc(ENC)) == outcome(ENC)


@pytest.mark.parametrize("name", ["Resources", "FormXob.3f2a", "A B", "a#b(c)", "名前", "x\x01"])
def test_names_escape_as_reportlab_escapes_them(name: str) -> None:
    cached = cached_name(NAME)
    assert cached(name) == NAME(name) and cached(name) == NAME(name)


def test_a_canvas_writes_through_both() -> None:
    PaintCanvas(None, invariant=1)
    assert pdfdoc.pdfdocEnc is not ENC and pdfdoc.PDFName is not NAME
    assert pdfdoc.pdfdocEnc("1 0 R") == b"1 0 R" and pdfdoc.PDFName("Type") == "/Type"
