"""The fast paths of drawing and fitting give exactly what the plain ways give.

Each shortcut (strings encoded once per PDF, centred table cells, unstretched lines without
a token loop, code wrapped by prefix sums) is compared here with the code it replaces, on
many inputs, down to the bytes or the floats."""

from __future__ import annotations

import io
import random
import re

import pytest
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Table, TableStyle

from exampdf.layout import make_theme
from exampdf.layout.blocks.codeblock import (
    CONTINUATION,
    PAD,
    CodeBlockFlowable,
    CodeLine,
    Piece,
    _char_width,
    tokenize,
    wrap_lines,
)
from exampdf.layout.text import jlreq as J
from exampdf.layout.text import jsegment
from exampdf.layout.text.fonts import register_fonts
from exampdf.layout.text.jsegment import measure
from exampdf.layout.text.linebreak import break_lines
from exampdf.layout.text.linefit import Stretch, _unstretched, by_tokens, justified
from exampdf.layout.text.textrun import Run
from exampdf.layout.theme import RULE_GREY
from exampdf.pdf.textgrid import TextGrid
from exampdf.pdf.textshow import CentredColumns, draw_centred, encodings, show, show_at

MONO, BODY, BOLD = "exampdf-mono", "exampdf-mincho", "exampdf-gothic-bold"
WORDS = [
    "版",
    "問",
    "A",
    "B",
    "C",
    "→",
    "出題位置：",
    "　",
    " ",
    "漢字かな",
    "Python 3",
    "、",
    "。",
]


@pytest.fixture(scope="module", autouse=True)
def _fonts() -> None:
    register_fonts()


def _canvas() -> Canvas:
    return Canvas(io.BytesIO(), invariant=1, pageCompression=0)


def _strings(seed: int, n: int) -> list[tuple[str, str]]:
    rnd = random.Random(seed)
    many = "".join(chr(0x4E00 + i) for i in range(600))  # more than one 256-code subset
    out = [(BODY, ""), (BODY, many), (MONO, "(x) \\ y")]
    for _ in range(n):
        text = "".join(rnd.choice(WORDS) for _ in range(rnd.randint(0, 6)))
        out.append((rnd.choice([BODY, BOLD, MONO]), text))
    return out


def _page(canv: Canvas) -> str:
    return "\n".join(canv._code)


def test_show_writes_what_textout_writes() -> None:
    plain, fast = _canvas(), _canvas()
    for canv, out in ((plain, False), (fast, True)):
        to = canv.beginText()
        for font, text in _strings(1, 400):
            to.setFont(font, 9.0)
            if out:
                show(to, text)
            else:
                to._textOut(text)
        canv.drawText(to)
    assert _page(fast) == _page(plain)
    # Subset codes were assigned in the same order: the fonts come out the same too.
    assert plain.getpdfdata() == fast.getpdfdata()


def test_show_at_writes_the_matrix_then_what_textout_writes() -> None:
    plain, fast = _canvas(), _canvas()
    for canv, out in ((plain, False), (fast, True)):
        to = canv.beginText()
        known = encodings(canv)
        for n, (font, text) in enumerate(_strings(3, 300)):
            if n % 7 == 0:
                to.setFont(font, 9.0)
            tm = f"1 0 0 1 {n:.3f} 10.000 Tm"
            if out:
                show_at(to, tm, text, known)
            else:
                to._code.append(tm)
                to._textOut(text)
        canv.drawText(to)
    assert _page(fast) == _page(plain)
    assert plain.getpdfdata() == fast.getpdfdata()


def test_show_keeps_encodings_per_document() -> None:
    # The same string in a second PDF gets that PDF's codes, not the first one's.
    first, second = _canvas(), _canvas()
    for canv, text in ((first, "漢字かな"), (second, "かな")):
        to = canv.beginText()
        to.setFont(BODY, 10.0)
        show(to, text)
    plain = _canvas()
    to = plain.beginText()
    to.setFont(BODY, 10.0)
    to._textOut("かな")
    fast = second.beginText()
    fast.setFont(BODY, 10.0)
    show(fast, "かな")
    assert fast._code[-1] == to._code[-1]


def test_draw_centred_writes_what_draw_centred_string_writes() -> None:
    plain, fast = _canvas(), _canvas()
    for canv, out in ((plain, False), (fast, True)):
        for n, (font, text) in enumerate(_strings(2, 300)):
            canv.setFont(font, 8.0 + n % 3, 11.0)
            if out:
                draw_centred(canv, 100.0 + n * 0.37, 700.0 - n, text)
            else:
                canv.drawCentredString(100.0 + n * 0.37, 700.0 - n, text)
    assert _page(fast) == _page(plain)
    assert plain.getpdfdata() == fast.getpdfdata()


def test_centred_columns_write_what_draw_centred_writes() -> None:
    """Rows and single cells in columns, texts repeating at the same x grid after grid, one
    font after another (a Type 1 font too, which ReportLab draws itself)."""
    rnd = random.Random(3)
    texts = [t for _, t in _strings(4, 40) if t]
    plain, fast = _canvas(), _canvas()
    for canv, out in ((plain, False), (fast, True)):
        rnd.seed(3)
        for grid in range(30):
            font = [BODY, BOLD, "Helvetica"][grid % 3]
            canv.setFont(font, 9.0, 10.8)
            xs = [40.0 + 55.5 * c + (grid % 4) * 0.3 for c in range(6)]
            columns = CentredColumns(canv, xs)
            for r in range(8):
                row = [rnd.choice(texts) for _ in xs]
                which = [c for c in range(len(xs)) if rnd.random() < 0.7]
                y = 700.0 - 13.3 * r - grid
                if not out:
                    for c in which:
                        draw_centred(canv, xs[c], y, row[c])
                elif r % 3:
                    columns.row(y, row, which)
                else:
                    for c in which:
                        columns.cell(c, y, row[c])
    assert _page(fast) == _page(plain)
    assert plain.getpdfdata() == fast.getpdfdata()


def test_text_grid_draws_like_a_table() -> None:
    rows = [["版", "問1", "問2", "計"], *([c, "A", "B・C", "10点"] for c in "ABCDEFG")]
    rows.append(["H", "A\n(2点)", "", "12点"])
    style = TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), BODY, 9),
            ("FONT", (0, 0), (-1, 0), BOLD, 9),
            ("GRID", (0, 0), (-1, -1), 0.5, (0.5, 0.5, 0.5)),
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("ALIGN", (0, 0), (0, -1), "LEFT"),  # another alignment goes the plain way
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]
    )
    pdfs = []
    for cls in (Table, TextGrid):
        canv = _canvas()
        table = cls(rows, colWidths=[30, 40, 40, 40])
        table.setStyle(style)
        table.wrapOn(canv, 400, 800)
        table.drawOn(canv, 50, 300)
        pdfs.append(canv.getpdfdata())
    assert pdfs[0] == pdfs[1]


def _random_runs(rnd: random.Random) -> list[Run]:
    alphabet = "あいう漢字ABC abc 123　、。「」→()/.-_ｱ%é"
    return [
        Run(
            "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30))),
            rnd.choice([BODY, BOLD]),
            rnd.choice([10.0, 9.0]),
            back=rnd.choice([None, None, (0.9, 0.9, 0.9)]),  # inline code: 和欧間 at its ends
            ruby=rnd.choice(["", "", "", "ふりがなwhile"]),  # a wide ruby: pads at its ends
        )
        for _ in range(rnd.randint(1, 5))
    ]


def test_glue_sits_between_word_and_other_characters() -> None:
    # Text.glue_at relies on it: 和欧間 inside a token of linefit would not be applied.
    japanese = re.compile(f"[{J.JAPANESE_RANGES}]")
    word = re.compile(f"[{J.WORD_RANGES}]")
    assert not any(japanese.match(chr(c)) and word.match(chr(c)) for c in range(0x10000))
    western = re.compile(f"[{J.WESTERN_RANGES}]")
    assert all(word.match(chr(c)) for c in range(0x10000) if western.match(chr(c)))


def test_unstretched_lines_match_the_token_loop() -> None:
    rnd = random.Random(5)
    cases = 0
    for _ in range(1500):
        t = measure(_random_runs(rnd))
        if not t.text:
            continue
        for _ in range(4):
            a = rnd.randint(0, len(t.text) - 1)
            b = rnd.randint(a + 1, len(t.text))
            x0 = rnd.choice([0.0, 12.5])
            assert _unstretched(t, a, b, x0) == by_tokens(t, a, b, x0, Stretch())
            cases += 1
    assert cases > 5000


def test_justified_takes_the_token_loop_when_stretched() -> None:
    t = measure([Run("出題位置：A版 問3 → C　B版 問1 → D", BODY, 10.0)])
    st = Stretch(0.3, 0.5, 1.0)
    assert justified(t, 0, len(t.text), 0.0, st) == by_tokens(t, 0, len(t.text), 0.0, st)


def _wrap_by_characters(
    lines: list[tuple[Piece, ...]], width: float, size: float
) -> list[CodeLine]:
    """The character loop wrap_lines replaced."""
    out: list[CodeLine] = []
    for number, line in enumerate(lines, start=1):
        current: list[Piece] = []
        used, first = 0.0, len(out)
        for piece in line:
            start = 0
            for i, ch in enumerate(piece.text):
                w = _char_width(ch, piece.font, size)
                if used + w > width and (current or i > start):
                    if i > start:
                        current.append(Piece(piece.text[start:i], piece.color, piece.font))
                    out.append(CodeLine(tuple(current), len(out) > first))
                    current, used, start = [], 0.0, i
                used += w
            if start < len(piece.text):
                current.append(Piece(piece.text[start:], piece.color, piece.font))
        out.append(CodeLine(tuple(current), len(out) > first))
        out[first] = CodeLine(out[first].pieces, out[first].continued, number)
    return out


def test_code_wrapping_matches_the_character_loop() -> None:
    code = (
        "def f(x):  # 日本語のコメント、とても長い説明がここに続きます\n"
        "\treturn [x * 2 for x in range(100)] + ['あいうえお' * 4]\n\n"
        + "W" * 120
        + "\n全角　スペース\n"
    )
    lines = tokenize(code, "python", (MONO, MONO), ())
    rnd = random.Random(7)
    widths = [rnd.uniform(4.0, 300.0) for _ in range(200)] + [5.0, 50.0, 100.0]
    for width in widths:
        assert wrap_lines(lines, width, 9.0) == _wrap_by_characters(lines, width, 9.0)


def test_wrapped_rows_never_pass_the_width() -> None:
    lines = tokenize("x = 'あいうえおかきくけこ' * 10  # コメント\n", "python", (MONO, MONO), ())
    for row in wrap_lines(lines, 60.0, 9.0):
        w = sum(_char_width(c, p.font, 9.0) for p in row.pieces for c in p.text)
        assert w <= 60.0 or sum(len(p.text) for p in row.pieces) == 1
    rows = wrap_lines(lines, 60.0, 9.0)
    assert [r.number for r in rows] == [1] + [0] * (len(rows) - 1)
    assert [r.continued for r in rows] == [False] + [True] * (len(rows) - 1)


def test_phrases_are_not_looked_up_for_a_text_that_fits_one_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rnd = random.Random(11)
    cases = []
    for _ in range(400):
        runs = _random_runs(rnd)
        width = rnd.choice([60.0, 150.0, 400.0, 2000.0])
        indent = rnd.choice([0.0, 10.0, -10.0])
        cases.append((runs, width, indent, rnd.choice(["justify", "left", "center"])))
    fast = [break_lines(r, w, i, align=a, phrases=True) for r, w, i, a in cases]  # type: ignore[arg-type]
    monkeypatch.setattr(jsegment, "_one_line", lambda t, limit: False)
    slow = [break_lines(r, w, i, align=a, phrases=True) for r, w, i, a in cases]  # type: ignore[arg-type]
    assert fast == slow
    assert sum(len(lines) == 1 for lines in fast) > 100  # the shortcut was taken


def _code_text_by_pieces(block: CodeBlockFlowable, c: Canvas) -> str:
    """The per-piece show_at loop CodeBlockFlowable._text replaced."""
    size, mono = block.theme.code_size, block.theme.fonts.mono
    to = c.beginText()
    known = encodings(c)
    state: list[object] = [None, None]

    def put(x: float, y: float, text: str, font: str, color: tuple[float, float, float]) -> None:
        if state[0] != font:
            state[0] = font
            to.setFont(font, size)
        if state[1] != color:
            state[1] = color
            to.setFillColorRGB(*color)
        show_at(to, f"1 0 0 1 {x:.3f} {y:.3f} Tm", text, known)

    y = block.height - (PAD if block.top else 0) - size
    for line in block._lines or []:
        if line.number and block.numbered:
            num = str(line.number)
            right = PAD + block.gutter - block.mark_w - 2
            put(right - sum(_char_width(ch, mono, size) for ch in num), y, num, mono, RULE_GREY)
        if line.continued:
            put(PAD + block.gutter - block.mark_w, y, CONTINUATION, mono, RULE_GREY)
        x = PAD + block.gutter
        for piece in line.pieces:
            put(x, y, piece.text, piece.font, piece.color)
            x += sum(_char_width(ch, piece.font, size) for ch in piece.text)
        y -= block.theme.code_leading
    return " ".join(to._code)


def test_code_block_text_writes_what_a_show_at_per_piece_writes() -> None:
    theme = make_theme()
    code = "def f(x):  # 日本語のコメント、とても長い説明\n\treturn [x * 2 for x in r]\n" * 12
    plain, fast = _canvas(), _canvas()
    for width, numbered, lang in [
        (150.0, True, "python"),
        (420.0, False, "python"),
        (90.0, True, ""),
    ]:
        block = CodeBlockFlowable(code, lang, theme, numbered=numbered)
        block.wrap(width, 1000.0)
        assert any(line.continued for line in block._lines or []) or width > 400
        for top in (True, False):
            block.top = top
            assert " ".join(block._text(fast)._code) == _code_text_by_pieces(block, plain)
