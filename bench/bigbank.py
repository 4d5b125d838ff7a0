"""Time and peak memory of `exampdf make` on synthetic banks of 100, 500 and 2,000 questions.

    python bench/bigbank.py                 # all three sizes
    python bench/bigbank.py 100 500         # chosen sizes

Two runs per size, each in a fresh process (peak RSS from wait4): every question in 4
versions, and 100 versions of 50 questions picked from the bank (exam.toml [[sections]]).
Growth should be linear in the pages printed; memory should not grow with the version count.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZES = (100, 500, 2000)
PICK_TOML = '[[sections]]\ngroup = ""\npick = 50\nvary = true\n'


def write_bank(folder: Path, n: int, seed: int = 7) -> None:
    """bench/make_bank.py (issue 8's realistic generator) when present, else a plain one."""
    try:
        sys.path.insert(0, str(Path(__file__).parent))
        from make_bank import write_bank as realistic

        realistic(folder, n, seed)
    except ImportError:
        _plain_bank(folder, n, seed)


def _plain_bank(folder: Path, n: int, seed: int) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    prose = "探索範囲を毎回半分にするため、比較回数は高々対数回で済みます。" * 6
    for i in range(n):
        answer = "ABCD"[rng.randrange(4)]
        (folder / f"q{i:04d}.md").write_text(
            f"# 問{i}\n\n## 問題\n{prose}\n\n## 選択肢\nA. 甲{i}\nB. 乙{i}\nC. 丙{i}\nD. 丁{i}\n\n"
            f"## 正解\n{answer}\n\n## 解説\n{prose}\n\n```python\nprint({i})\n```\n",
            encoding="utf-8",
        )


def run(cwd: Path, *args: str) -> tuple[float, float, int]:
    """(seconds, peak RSS in MiB, pages of exam.pdf) of one `exampdf make`."""
    cmd = [sys.executable, "-m", "exampdf", "make", "bank", "-o", "out", "-q", *args]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    if proc.returncode != 0:
        raise SystemExit(f"exampdf make failed in {cwd}:\n{err}")
    return seconds, usage.ru_maxrss / 1024, _pages(cwd / "out" / "exam.pdf")


def _pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def bench(n: int) -> list[str]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_bank(root / "bank", n)
        s, rss, pages = run(root, "--shuffle", "--versions", "4")
        rows.append(f"{n:>6} {'all × 4':>14} {pages:>7} {s:>8.1f} {rss:>9.0f}")
        (root / "exam.toml").write_text(PICK_TOML, encoding="utf-8")
        s, rss, pages = run(root, "--shuffle", "--versions", "100")
        rows.append(f"{n:>6} {'50 × 100':>14} {pages:>7} {s:>8.1f} {rss:>9.0f}")
    return rows


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or list(SIZES)
    print(f"{'bank':>6} {'versions':>14} {'pages':>7} {'seconds':>8} {'peak MiB':>9}")
    for n in sizes:
        for row in bench(n):
            print(row, flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
