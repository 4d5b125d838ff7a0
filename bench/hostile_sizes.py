"""How long parsing takes on the worst files just under the size limit (issue 17 item 5).

Every shape here is a question file as large as the limits allow (MAX_FILE_BYTES, 3,000
lines) built to make some part of the parser do the most work: thousands of options, of
table rows, of headings, emphasis markers that never close, brackets, letters citing
letters…
Each is parsed with `parse_bytes` (no cache) and the seconds are printed; the promise is
that none takes more than a few seconds. Figures only: timings are never asserted in tests.

    python bench/hostile_sizes.py
"""

from __future__ import annotations

import time
from collections.abc import Callable

from exampdf.parse.bank import parse_bytes
from exampdf.parse.limits import MAX_FILE_BYTES, MAX_LINES

HEAD = "# t\n\n## 問題\n問い\n\n"
TAIL = "\n\n## 正解\nA\n"


def fill(unit: str, head: str = HEAD, tail: str = TAIL) -> str:
    """head + as many `unit`s as fit under the size and line limits + tail (a unit without
    a newline is repeated along lines of about 4,000 characters)."""
    if "\n" not in unit:
        unit = unit * max(1, 4000 // len(unit)) + "\n"
    room = MAX_FILE_BYTES - len((head + tail).encode()) - 16
    lines = MAX_LINES - (head + tail).count("\n") - 2
    count = min(room // len(unit.encode()), lines // unit.count("\n"))
    return head + unit * count + tail


SHAPES: dict[str, Callable[[], str]] = {
    "20,000 options (A. x)": lambda: fill("A. o\n", HEAD + "## 選択肢\n"),
    "options citing letters": lambda: fill("A. AとB\n", HEAD + "## 選択肢\n"),
    "table rows": lambda: fill("|a|b|c|\n", HEAD + "|h|h|h|\n|-|-|-|\n"),
    "unclosed emphasis": lambda: fill("*a _b ", HEAD, "\n\n## 選択肢\nA. x\nB. y" + TAIL),
    "brackets and links": lambda: fill("[a](", HEAD, "\n\n## 選択肢\nA. x\nB. y" + TAIL),
    "headings": lambda: fill("### h\n\n", HEAD, "## 選択肢\nA. x\nB. y" + TAIL),
    "list items": lambda: fill("- a\n", HEAD, "\n## 選択肢\nA. x\nB. y" + TAIL),
    "quote markers": lambda: fill("> " * 8 + "a\n", HEAD, "\n## 選択肢\nA. x\nB. y" + TAIL),
    "backticks": lambda: fill("`a`` ", HEAD, "\n\n## 選択肢\nA. x\nB. y" + TAIL),
    "answer labels": lambda: fill("A、", HEAD + "## 選択肢\nA. x\nB. y\n\n## 正解\n", "\n"),
    "ruby and math marks": lambda: fill("｜漢《かん》$x$", HEAD, "\n\n## 選択肢\nA. x" + TAIL),
    "plain Japanese lines": lambda: fill("日本語の文章です。" * 10 + "\n"),
}


def main() -> None:
    print(f"{'shape':28} {'KiB':>6} {'seconds':>8}  result")
    worst = 0.0
    for name, make in SHAPES.items():
        text = make()
        data = text.encode()
        start = time.perf_counter()
        question, diags = parse_bytes(data, "q.md")
        took = time.perf_counter() - start
        worst = max(worst, took)
        codes = sorted({d.code for d in diags})[:4]
        result = "parsed" if question is not None else "refused " + ",".join(codes)
        print(f"{name:28} {len(data) / 1024:6.0f} {took:8.2f}  {result}")
    over = ("|a|b|c|\n" * 20_000).encode()
    start = time.perf_counter()
    _, diags = parse_bytes(HEAD.encode() + over[: MAX_FILE_BYTES - 100], "q.md")
    took = time.perf_counter() - start
    kib = MAX_FILE_BYTES // 1024
    print(f"{'20,000 table rows (refused)':28} {kib:6} {took:8.2f}  {diags[0].code}")
    print(f"worst: {worst:.2f} s")


if __name__ == "__main__":
    main()
