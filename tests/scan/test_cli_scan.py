"""`exampdf scan` end to end: scans -> responses.csv -> corrections -> `exampdf grade` gives
the synthetic truth's scores; bad input fails naming the file, writing nothing."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from PIL import Image

from exampdf.cli import main
from tests.helpers.scansynth import Condition, Exam, fill, make_exam, scan, truth_csv


def _pdf(path: Path, images: list[np.ndarray]) -> None:
    pil = [Image.fromarray(i) for i in images]
    pil[0].save(path, "PDF", resolution=300, save_all=True, append_images=pil[1:])


def test_scan_corrections_grade_equals_the_truth(exam: Exam, tmp_path: Path) -> None:
    rng = np.random.default_rng(21)
    images, truths = [], []
    for n in range(6):
        pages, truth = fill(exam, rng, f"{1100 + n}", exam.codes[n % len(exam.codes)])
        cond = Condition("c", upside_down=n == 2, dpi=200 if n == 3 else 300)
        images += [scan(p, cond, rng) for p in pages]
        truths.append(truth)
    other = make_exam(tmp_path / "other", questions=30, versions=1, seed=77)
    images.insert(3, scan(fill(other, rng, "999", other.codes[0])[0][0], Condition("c"), rng))
    images.append(np.full_like(images[0], 250))  # a blank page at the end
    _pdf(tmp_path / "scans.pdf", images)
    out = tmp_path / "scan"
    key = str(exam.key_path)
    r = CliRunner().invoke(
        main, ["scan", str(tmp_path / "scans.pdf"), "--key", key, "-o", str(out)]
    )
    assert r.exit_code == 0, r.output
    assert "scans.pdf:4: a sheet of another exam" in r.output
    assert "scans.pdf:8: blank page" in r.output
    assert {f.name for f in out.iterdir()} == {
        "responses.csv",
        "review.html",
        "annotated.pdf",
        "scan.json",
    }
    # the teacher answers every open question from the sheets themselves (here: the truth)
    want = {t.student: t for t in truths}
    fixes = []
    for page in json.loads((out / "scan.json").read_text(encoding="utf-8"))["pages"]:
        for c in page["cells"]:
            if c["status"] == "review":
                assert c["key"] != "id"
                student = next(x["value"] for x in page["cells"] if x["key"] == "id")
                value = want[student].answers[int(c["key"][1:]) - 1]
                fixes.append([f"{page['file']}#{page['page']}:{c['key']}", value])
    with (tmp_path / "corrections.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["cell", "value"], *fixes])
    args = [
        "scan",
        "--corrections",
        str(tmp_path / "corrections.csv"),
        "--key",
        key,
        "-o",
        str(out),
    ]
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 0 and "need a look" not in r.output, r.output
    (tmp_path / "truth.csv").write_text(truth_csv(truths), encoding="utf-8")
    for name, src in (("read", out / "responses.csv"), ("truth", tmp_path / "truth.csv")):
        r = CliRunner().invoke(main, ["grade", str(src), "--key", key, "-o", str(tmp_path / name)])
        assert r.exit_code == 0, r.output
    scores = [(tmp_path / n / "scores.csv").read_text(encoding="utf-8") for n in ("read", "truth")]
    assert scores[0] == scores[1] and scores[0].count("\n") == 7


def _password_pdf(path: Path) -> None:
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(100, 100)
    w.encrypt("secret")
    with path.open("wb") as f:
        w.write(f)


BAD = {
    "corrupt.pdf": lambda p: p.write_bytes(b"%PDF-1.4\n1 0 obj garbage"),
    "locked.pdf": _password_pdf,
    "huge.png": lambda p: Image.new("1", (12000, 11000)).save(p),
    "notes.png": lambda p: p.write_text("this is not an image", encoding="utf-8"),
    "empty": lambda p: p.mkdir(),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_is_a_clear_error_and_nothing_is_written(
    exam: Exam, tmp_path: Path, name: str
) -> None:
    bad = tmp_path / name
    BAD[name](bad)
    out = tmp_path / "scan"
    r = CliRunner().invoke(main, ["scan", str(bad), "--key", str(exam.key_path), "-o", str(out)])
    assert r.exit_code == 1, r.output
    assert f"error: {bad}" in r.output and "Traceback" not in r.output
    assert not (out / "responses.csv").exists()


def test_without_the_scan_extra_it_says_what_to_install(
    exam: Exam, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in [m for m in sys.modules if m.startswith("exampdf.scan")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "cv2", None)
    r = CliRunner().invoke(main, ["scan", "x.pdf", "--key", str(exam.key_path)])
    assert r.exit_code == 1 and "pip install 'exampdf[scan]'" in r.output
