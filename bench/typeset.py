"""Time ReportLab's CJK Paragraph against JParagraph on the same long Japanese text."""

from __future__ import annotations

import io
import re
import time
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate

from exampdf.layout.text.fallback import split_runs
from exampdf.layout.text.fonts import register_fonts
from exampdf.layout.text.jparagraph import JParagraph, ParaStyle
from exampdf.layout.text.textrun import Run

SEEDS = Path("/work/shared/seeds")
SIZE, LEADING = 10.5, 18.0
TARGET_CHARS = 160 * 1660  # about 160 A4 pages at 10.5 pt
REPEAT = 3  # best of three: the machine is shared
_SPAN = re.compile(r"\*\*(.+?)\*\*|`([^`]+)`")


def prose_lines() -> list[str]:
    """Text lines of the seed question files without Markdown block markers."""
    out: list[str] = []
    for f in sorted(SEEDS.glob("*.txt")):
        for line in f.read_text(encoding="utf-8").splitlines():
            line = re.sub(r"^\s*(#+|[-*>]|[A-Z]\.|\d+\.)\s*", "", line).strip()
            if len(line) > 8 and not line.startswith(("```", "|", "model", "#")):
                out.append(line)
    return out


def paragraphs() -> list[str]:
    """Seed lines joined four at a time into paragraphs, repeated to the target length."""
    lines = prose_lines()
    paras = ["".join(lines[i : i + 4]) for i in range(0, len(lines), 4)]
    out: list[str] = []
    while sum(map(len, out)) < TARGET_CHARS:
        out.extend(paras)
    return out


def to_runs(text: str) -> list[Run]:
    body, bold, mono = "exampdf-mincho", "exampdf-gothic-bold", "exampdf-mono"
    runs: list[Run] = []
    pos = 0
    for m in _SPAN.finditer(text):
        runs.append(Run(text[pos : m.start()], body, SIZE))
        if m.group(1):
            runs.append(Run(m.group(1), bold, SIZE))
        else:
            runs.append(Run(m.group(2), mono, SIZE, back=(0.92, 0.92, 0.92)))
        pos = m.end()
    runs.append(Run(text[pos:], body, SIZE))
    # The per-character fallback check the pipeline does (layout.inlines.to_runs)
    return split_runs([r for r in runs if r.text], ("exampdf-symbol",))


def to_markup(text: str) -> str:
    out = escape(text)
    out = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", out)
    return re.sub(r"`([^`]+)`", r'<font face="exampdf-mono" backColor="#ebebeb">\1</font>', out)


def build(story: list[Flowable]) -> tuple[float, int]:
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4)
    start = time.perf_counter()
    doc.build(story)
    return time.perf_counter() - start, doc.page


def timed(make: Callable[[], list[Flowable]]) -> tuple[float, int]:
    """Best wall time of building the story and the document, and the page count."""
    best, pages = float("inf"), 0
    for _ in range(REPEAT):
        start = time.perf_counter()
        story = make()
        made = time.perf_counter() - start
        secs, pages = build(story)
        best = min(best, made + secs)
    return best, pages


def main() -> None:
    register_fonts()
    paras = paragraphs()
    rl_style = ParagraphStyle(
        "body",
        fontName="exampdf-mincho",
        fontSize=SIZE,
        leading=LEADING,
        wordWrap="CJK",
        alignment=TA_JUSTIFY,
        firstLineIndent=SIZE,
    )
    j_style = ParaStyle(leading=LEADING, first_indent=SIZE)
    rl_t, rl_pages = timed(lambda: [Paragraph(to_markup(p), rl_style) for p in paras])
    j_t, j_pages = timed(lambda: [JParagraph(to_runs(p), j_style) for p in paras])
    chars = sum(map(len, paras))
    print(f"text: {len(paras)} paragraphs, {chars} characters")
    print(f"best of {REPEAT} runs, each building the story and the whole PDF")
    print(f"ReportLab CJK Paragraph: {rl_pages} pages in {rl_t:.2f} s")
    print(f"JParagraph:              {j_pages} pages in {j_t:.2f} s")
    print(f"speed-up: {rl_t / j_t:.2f}x")


if __name__ == "__main__":
    main()
