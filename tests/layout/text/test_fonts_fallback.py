"""Per-character font fallback, the 〓 mark, W101 warnings and what the PDF embeds."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader

from exampdf.layout.blocks.inlines import body_style, to_runs
from exampdf.layout.text.fallback import MISSING_MARK, split_runs
from exampdf.layout.text.fonts import register_fonts
from exampdf.layout.text.glyphcheck import glyph_diagnostics
from exampdf.layout.text.textrun import Run
from exampdf.layout.theme import make_theme
from exampdf.model import Emph, Strong, Text
from exampdf.parse import parse_text
from tests.helpers.blockpdf import typeset

FONTS = register_fonts()
BODY, SYMBOL = FONTS.body, "exampdf-symbol"


def _split(text: str) -> list[tuple[str, str]]:
    return [(r.text, r.font) for r in split_runs([Run(text, BODY, 10)], FONTS.fallback)]


def test_symbols_the_face_lacks_come_from_the_symbol_font() -> None:
    assert _split("正解✅です") == [("正解", BODY), ("✅", SYMBOL), ("です", BODY)]
    assert _split("😀★") == [("😀", SYMBOL), ("★", BODY)]  # BIZ UD has ★


def test_selectors_dropped_and_unknown_characters_marked() -> None:
    assert _split("✔\ufe0f") == [("✔", SYMBOL)]
    assert _split("𠮷野家") == [(MISSING_MARK + "野家", BODY)]
    assert _split("\ue000") == [(MISSING_MARK, BODY)]


def test_plain_text_stays_one_run() -> None:
    assert _split("二分探索 binary search") == [("二分探索 binary search", BODY)]


def test_a_run_its_font_draws_is_kept_as_it_is_and_an_empty_one_dropped() -> None:
    run = Run("正解 ok", BODY, 10, color=(0.1, 0.2, 0.3), link="https://example.org", ruby="")
    (kept,) = split_runs([run], FONTS.fallback)
    assert kept is run  # not copied field by field
    assert split_runs([Run("", BODY, 10)], FONTS.fallback) == []
    (ruby,) = split_runs([Run("", BODY, 10, ruby="ふり")], FONTS.fallback)
    assert ruby == Run("", BODY, 10, ruby="ふり")


def test_emphasis_is_the_other_face_and_bold_stays_bold() -> None:
    theme = make_theme()
    runs = to_runs([Emph((Text("強調"),)), Strong((Emph((Text("太"),)),))], body_style(theme))
    assert [(r.text, r.font) for r in runs] == [
        ("強調", "exampdf-gothic"),
        ("太", "exampdf-gothic-bold"),
    ]
    gothic = make_theme("gothic")
    (run,) = to_runs([Emph((Text("強調"),))], body_style(gothic))
    assert run.font == "exampdf-mincho"


QUESTION = """# 記号
## 問題
正しいものは✅で示す。
ここに𠮷がある。

## 選択肢
A. 選択肢\ue001
B. いいえ

## 正解
A

## 解説
| a | b |
|---|---|
| x | 𠮷 |

```
ok
# \ue002
```
"""


def test_w101_names_the_character_and_its_line() -> None:
    question, diags = parse_text(QUESTION, "q/sym.md")
    assert question is not None and not diags
    from exampdf.model import Bank

    got = glyph_diagnostics(Bank((question,)), FONTS)
    assert [(d.code, d.path, d.line) for d in got] == [
        ("W101", "q/sym.md", 4),
        ("W101", "q/sym.md", 7),
        ("W101", "q/sym.md", 16),
        ("W101", "q/sym.md", 20),
    ]
    assert "𠮷 (U+20BB7)" in got[0].message and "〓" in got[0].message


def test_every_font_in_the_pdf_is_embedded(tmp_path: Path) -> None:
    typeset(tmp_path, "記号 ✅ 😀 と `code ✅` と **太字** と *強調*\n\n```\nx = 1  # ✅\n```\n")
    reader = PdfReader(tmp_path / "blocks.pdf")
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            names.add(str(font["/BaseFont"]))
            desc = font.get("/FontDescriptor")
            if desc is None:  # a Type0 font: its descendant carries the descriptor
                desc = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in desc.get_object(), font["/BaseFont"]
    assert any("Symbola" in n for n in names)
    data = (tmp_path / "blocks.pdf").read_bytes()
    assert not re.search(rb"/(Helvetica|Times|Courier|Symbol\b|ZapfDingbats)", data)
