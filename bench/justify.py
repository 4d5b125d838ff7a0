"""Read a PDF back and count loose justified lines: `python bench/justify.py PDF… [--bank DIR]`.

A justified line is a line whose last glyph reaches a right edge that many lines share (a
column's or an option cell's measure; a hung or squeezed 、。 may pass it by half an em).
For each pair of neighbouring characters the extra space is the gap beyond what the engine
sets without stretching, less what is allowed without looking loose: 和欧間 (a quarter em
between kana/kanji and a Latin letter or digit) may grow to half an em, a word space by half
its width. A line's figure is its largest extra, in em of its text size; loose > 0.10 em,
very loose > 0.20 em. Code (the monospaced font: code blocks and inline code) and ruby are
left out. Also counted: JLREQ line-start/line-end faults, Latin words split across lines
without a hyphen (needs --bank, the Markdown the PDF came from, to know the words) and
words broken at a hyphen. `--show N` prints the N loosest lines.
"""

from __future__ import annotations

import argparse
import re
import statistics
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdevice import PDFTextDevice

from exampdf.layout.text import jlreq as J

LOOSE, VERY_LOOSE = 0.10, 0.20
GLUE_EM, GLUE_ALLOWED = 0.25, 0.25  # 和欧間 and how much it may grow
SPACE_ALLOWED = 0.5  # a word space may grow by half its width
SEGMENT_GAP = 1.0  # em: a wider gap separates columns or table cells on one baseline
_JA = re.compile(rf"[{J.JAPANESE_RANGES}]")
_WE = re.compile(rf"[{J.WESTERN_RANGES}]")
_LATIN = re.compile(r"[A-Za-z]")


def _with_trailing_char_space(render: Any) -> Any:
    """pdfminer adds the char space (Tc) between the glyphs of a string but not after its
    last one, as the PDF spec does; the text after a font change (another subset of the
    same font) then reads Tc too far left. Add it, so letter-spaced lines read true."""

    def render_string_horizontal(self: Any, seq: Any, *args: Any) -> Any:
        x, y = render(self, seq, *args)
        charspace = args[5]
        if charspace and any(isinstance(o, bytes) and o for o in seq):
            x += charspace
        return (x, y)

    return render_string_horizontal


PDFTextDevice.render_string_horizontal = _with_trailing_char_space(  # type: ignore[method-assign]
    PDFTextDevice.render_string_horizontal
)


@dataclass
class Seg:
    page: int
    col: int
    base: float
    size: float
    chars: list[dict[str, Any]]

    @property
    def text(self) -> str:
        return "".join(c["text"] for c in self.chars)

    @property
    def x1(self) -> float:
        return float(self.chars[-1]["x1"])


def _mono(c: dict[str, Any]) -> bool:
    """Code: BIZ UDGothic, the monospaced member of the family (the body is BIZ UDP…)."""
    return "BIZUDGothic" in c["fontname"]


def segments(pdf: Any) -> list[Seg]:
    out: list[Seg] = []
    for n, page in enumerate(pdf.pages):
        rows: dict[float, list[dict[str, Any]]] = {}
        for c in page.chars:
            if c.get("upright", True):
                rows.setdefault(round(c["matrix"][5], 1), []).append(c)
        for base, chars in rows.items():
            chars.sort(key=lambda c: c["x0"])
            size = max(c["size"] for c in chars)
            cur: list[dict[str, Any]] = []
            for c in chars:
                if cur and c["x0"] - cur[-1]["x1"] > SEGMENT_GAP * size:
                    out.append(_seg(n, page.width, base, cur))
                    cur = []
                cur.append(c)
            if cur:
                out.append(_seg(n, page.width, base, cur))
    out.sort(key=lambda s: (s.page, s.col, -s.base, s.chars[0]["x0"]))
    return out


def _seg(n: int, width: float, base: float, chars: list[dict[str, Any]]) -> Seg:
    size = max(c["size"] for c in chars)
    col = 0 if chars[0]["x0"] < width / 2 else 1
    return Seg(n, col, base, size, chars)


def looseness(seg: Seg) -> float | None:
    """Extra space in em: the line's letter spacing (the median gap between neighbours
    not in one Latin word, set evenly by the engine) or, where larger, what a word space or
    a 和欧間 takes beyond its own limit and the letter spacing on either side of it; None
    when fewer than eight characters can be measured."""
    chars = [c for c in seg.chars if c["size"] > 0.8 * seg.size]  # ruby left out
    if sum(1 for c in chars if not _mono(c)) < 8:
        return None
    letters: list[float] = []
    spaced: list[tuple[float, float, int]] = []  # gap less what it may take, em, letter gaps
    for a, b, spaces in _neighbours(chars):
        if _mono(a) or _mono(b):
            continue
        em = max(a["size"], b["size"])
        gap = b["x0"] - a["x1"]
        if spaces:
            spaced.append((gap - spaces * (1 + SPACE_ALLOWED), em, 2))
        elif _glued(a["text"], b["text"]):
            spaced.append((gap - (GLUE_EM + GLUE_ALLOWED) * em, em, 1))
        elif not (J.is_word_char(a["text"]) and J.is_word_char(b["text"])):
            letters.append(gap / em)
    spacing = max(0.0, statistics.median(letters)) if letters else 0.0
    worst = max(((x - k * spacing * em) / em for x, em, k in spaced), default=0.0)
    return max(spacing, worst)


def _neighbours(
    chars: list[dict[str, Any]],
) -> Iterator[tuple[dict[str, Any], dict[str, Any], float]]:
    """Neighbouring characters with the width of the spaces between them."""
    i = 0
    while i < len(chars) - 1:
        j, spaces = i + 1, 0.0
        while j < len(chars) and chars[j]["text"] == " ":
            spaces += chars[j]["x1"] - chars[j]["x0"]
            j += 1
        if j == len(chars):
            return
        yield chars[i], chars[j], spaces
        i = j


def _glued(a: str, b: str) -> bool:
    return bool((_JA.match(a) and _WE.match(b)) or (_WE.match(a) and _JA.match(b)))


def _strip_marker(seg: Seg) -> Seg:
    """Drop a list bullet or option label set apart from the text (a gap over half an em)."""
    cs = seg.chars
    for k in range(min(5, len(cs) - 1)):
        if cs[k + 1]["x0"] - cs[k]["x1"] > 0.5 * seg.size:
            return Seg(seg.page, seg.col, seg.base, seg.size, cs[k + 1 :])
    return seg


def right_edges(segs: list[Seg]) -> list[float]:
    """Right edges shared by many lines: the measures text is justified to."""
    counts = Counter(round(s.x1 * 2) / 2 for s in segs if len(s.chars) > 4)
    return sorted(e for e, k in counts.items() if k >= 6)


def justified(seg: Seg, edges: list[float]) -> bool:
    return any(e - 0.5 <= seg.x1 <= e + 0.6 * seg.size for e in edges)


def bank_words(bank: Path) -> set[str]:
    words: set[str] = set()
    for f in bank.rglob("*.md"):
        words.update(re.findall(r"[A-Za-z]+", f.read_text(encoding="utf-8")))
    return words


def report(path: Path, words: set[str] | None, show: int) -> None:
    with pdfplumber.open(path) as pdf:
        segs = [_strip_marker(s) for s in segments(pdf) if not all(_mono(c) for c in s.chars)]
    edges = right_edges(segs)
    rows: list[tuple[float, Seg]] = []
    faults: list[str] = []
    splits: list[str] = []
    hyphens = 0
    for k, s in enumerate(segs):
        text = s.text.rstrip(" ")
        if not text:
            continue
        nxt = segs[k + 1] if k + 1 < len(segs) else None
        same = nxt and (nxt.page, nxt.col) == (s.page, s.col) and 0 < s.base - nxt.base < 3 * s.size
        if not _mono(s.chars[0]) and not J.may_start_line(text[0]):
            faults.append(f"starts: {text[:30]}")
        if not _mono(s.chars[-1]) and not J.may_end_line(text[-1]):
            faults.append(f"ends: {text[-30:]}")
        if same and nxt is not None and _LATIN.match(text[-1:] or " "):
            head = re.match(r"[A-Za-z]+", nxt.text)
            tail = re.search(r"[A-Za-z]+$", text)
            if head and tail and words is not None:
                joined = tail.group() + head.group()
                if joined in words and not (tail.group() in words and head.group() in words):
                    splits.append(f"{text[-20:]} | {nxt.text[:20]}")
        if same and nxt is not None and re.search(r"[A-Za-z]-$", text) and nxt.text[:1].islower():
            hyphens += 1
        if justified(s, edges):
            x = looseness(s)
            if x is not None:
                rows.append((x, s))
    n = len(rows)
    loose = sum(1 for x, _ in rows if x > LOOSE)
    very = sum(1 for x, _ in rows if x > VERY_LOOSE)
    pct = (lambda k: f"{100 * k / n:.1f}%") if n else (lambda k: "-")
    print(
        f"{path}: justified lines {n}, loose {loose} ({pct(loose)}), very loose {very} "
        f"({pct(very)}), line-start/end faults {len(faults)}, split words "
        f"{len(splits) if words is not None else '?'}, hyphenated {hyphens}"
    )
    for f in faults[:10]:
        print("  fault", f)
    for sp in splits[:10]:
        print("  split", sp)
    for x, s in sorted(rows, key=lambda r: -r[0])[:show]:
        print(f"  {x:+.3f} em  p{s.page + 1}  {s.text}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdf", nargs="+", type=Path)
    ap.add_argument("--bank", type=Path, help="the bank the PDF was made from (split words)")
    ap.add_argument("--show", type=int, default=0, help="print the N loosest lines")
    args = ap.parse_args()
    words = bank_words(args.bank) if args.bank else None
    for p in args.pdf:
        report(p, words, args.show)


if __name__ == "__main__":
    main()
