"""Sheets whose QR code and code row are both torn off, measured per scan condition: how
many are recognised and asked for their version, whether the printed version is among
those offered (and how many are), once it is chosen the question rows read wrong without
a flag (silent) and the share of rows sent to review, and
pages of another exam printed alike (rows and bubbles elsewhere) wrongly asked.

    python bench/scan_versionless.py [--sheets 40] [--questions 30]

Every seed is fixed (tests/helpers/scansynth.py makes, fills and scans the sheets).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from exampdf.scan.keyinfo import read_scan_key
from exampdf.scan.read import read_page
from exampdf.scan.results import apply
from tests.helpers.scansynth import CONDITIONS, fill, make_exam, scan, tear_identity


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sheets", type=int, default=40)
    ap.add_argument("--questions", type=int, default=30)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        exam = make_exam(Path(tmp) / "e", questions=args.questions, versions=4)
        other = make_exam(Path(tmp) / "o", questions=args.questions, versions=4, seed=99)
        key = read_scan_key(exam.key_path.read_text(encoding="utf-8"))
        print(
            f"{'condition':26} {'asked':>7} {'offered ok':>10} {'offered':>7} "
            f"{'silent rows':>11} {'review':>7} {'foreign asked':>13} {'ms/page':>8}"
        )
        for n, cond in enumerate(CONDITIONS):
            rng = np.random.default_rng(1000 + n)
            asked = right = offered = sure = silent = rows = review = foreign = 0
            cpu = 0.0
            for i in range(args.sheets):
                version = exam.codes[i % len(exam.codes)]
                pages, truth = fill(exam, rng, f"{7000 + i}", version)
                img = scan(tear_identity(pages[0], key.paper), cond, rng)
                t0 = time.process_time()
                r = read_page(img, "b", 1, key)
                cpu += time.process_time() - t0
                if r.status != "ask-version":
                    continue
                asked += 1
                sheets = [s for g in r.guesses for s in g.sheets]
                offered += len(sheets)
                right += (version, 1) in sheets
                apply([r], {"b#1:version": f"{version}/1"}, key)
                for c in r.cells[1:]:
                    rows += 1
                    review += c.status == "review"
                    if c.status != "review":
                        sure += 1
                        silent += c.value != truth.answers[int(c.key[1:]) - 1]
                foreign_page = fill(other, rng, f"{8000 + i}", other.codes[i % 4])[0][0]
                alien = scan(tear_identity(foreign_page, key.paper), cond, rng)
                foreign += read_page(alien, "f", 1, key).status == "ask-version"
            s = args.sheets
            print(
                f"{cond.name:26} {asked:>3}/{s:<3} {right:>6}/{asked:<3} "
                f"{offered / max(asked, 1):>7.2f} {silent:>5}/{sure:<5} "
                f"{100 * review / max(rows, 1):>6.2f}% {foreign:>9}/{asked:<3} "
                f"{1000 * cpu / s:>8.1f}"
            )


if __name__ == "__main__":
    main()
