"""A sheet whose QR code and code row are both torn off: found by its corner marks, known
as this exam's by its printed boxes, read with every geometry it may have, and its version
chosen by the teacher (corrections) before its row reaches responses.csv."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from html import escape
from pathlib import Path

import cv2
import numpy as np
import pytest
from click.testing import CliRunner
from PIL import Image

from exampdf.cli import main
from exampdf.scan.frame import layouts
from exampdf.scan.keyinfo import ScanKey, ScanVersion, read_scan_key
from exampdf.scan.read import PageRead, read_page
from exampdf.scan.results import apply, dump, load, responses_csv, students
from exampdf.sheets import geometry as G
from tests.helpers.scansynth import (
    Condition,
    Exam,
    Truth,
    fill,
    scan,
    tear_identity,
    truth_csv,
)


def _key(exam: Exam) -> ScanKey:
    return read_scan_key(exam.key_path.read_text(encoding="utf-8"))


def _torn(
    exam: Exam, seed: int, student: str, version: str, cond: Condition
) -> tuple[PageRead, Truth]:
    rng = np.random.default_rng(seed)
    pages, truth = fill(exam, rng, student, version)
    img = scan(tear_identity(pages[0], _key(exam).paper), cond, rng)
    return read_page(img, "s.pdf", 3, _key(exam)), truth


def _silent(r: PageRead, truth: Truth) -> list[str]:
    return [
        f"{c.key}: {c.value!r}"
        for c in r.cells
        if c.key != "id" and c.status != "review" and c.value != truth.answers[int(c.key[1:]) - 1]
    ]


@pytest.mark.parametrize(
    "cond",
    [Condition("upside down", upside_down=True), Condition("photo", photo=True)],
    ids=lambda c: c.name,
)
def test_a_sheet_without_qr_and_code_row_asks_its_version_and_is_read_once_chosen(
    exam: Exam, cond: Condition
) -> None:
    r, truth = _torn(exam, 31, "4711", exam.codes[1], cond)
    assert (r.status, r.version) == ("ask-version", "")
    # the versions' bubbles stand in different places: only the one printed is offered
    assert [g.sheets for g in r.guesses] == [[(truth.version, 1)]]
    assert [(c.key, c.value, c.status) for c in r.cells] == [("id", "4711", "ok")]
    header = cv2.imdecode(np.frombuffer(r.header, np.uint8), cv2.IMREAD_GRAYSCALE)
    assert header.shape[1] > 2.5 * header.shape[0]  # the header strip, upright
    key = _key(exam)
    assert responses_csv(students([r], key)).splitlines()[1] == "4711,?," + ",".join("?" * 30)
    apply([r], {"s.pdf#3:version": truth.version.lower() + "/1"}, key)
    assert (r.status, r.version, r.sheet_page) == ("read", truth.version, 1)
    assert len(r.cells) == 31 and _silent(r, truth) == []
    assert responses_csv(students([r], key)).splitlines()[1].startswith(f"4711,{truth.version},")


def test_the_choice_survives_scan_json_and_can_be_changed_or_refused(exam: Exam) -> None:
    r, truth = _torn(exam, 32, "815", exam.codes[0], Condition("c"))
    key = _key(exam)
    [r] = load(dump([r]))
    assert r.status == "ask-version" and r.guesses[0].sheets == [("A", 1)] and r.header
    apply([r], {"s.pdf#3:version": "C/1"}, key)  # not offered: still asked
    assert r.status == "ask-version"
    apply([r], {"s.pdf#3:version": "A/1", "s.pdf#3:q2": "d"}, key)  # the rows' fixes after
    assert (r.status, r.version, r.cells[2].value) == ("read", "A", "D")
    assert [e for e in _silent(r, truth) if not e.startswith("q2:")] == []
    apply([r], {"s.pdf#3:version": "-"}, key)
    assert r.status == "not-ours" and students([r], key) == []
    apply([r], {"s.pdf#3:version": "a/1"}, key)  # and changed again
    assert (r.status, r.version) == ("read", "A")


def test_rings_whitened_by_the_copier_leave_the_boxes_to_say_which_versions_fit(
    exam: Exam,
) -> None:
    rng = np.random.default_rng(34)
    page = tear_identity(fill(exam, rng, "31", exam.codes[2])[0][0], _key(exam).paper)
    harsh = np.where(page < 120, 0, 255).astype(np.uint8)  # light red rings turn white
    r = read_page(harsh, "s.pdf", 1, _key(exam))
    assert r.status == "ask-version"
    assert sorted(s for g in r.guesses for s in g.sheets) == [(c, 1) for c in exam.codes]


def test_a_continuation_page_is_offered_only_as_the_page_its_rows_fit(long_exam: Exam) -> None:
    rng = np.random.default_rng(9)
    key = _key(long_exam)
    pages, truth = fill(long_exam, rng, "1234", long_exam.codes[0])
    r = read_page(scan(tear_identity(pages[1], key.paper), Condition("c"), rng), "s", 1, key)
    assert r.status == "ask-version"
    assert [g.sheets for g in r.guesses] == [[(long_exam.codes[0], 2)]]
    apply([r], {"s#1:version": f"{long_exam.codes[0]}/2"}, key)
    assert r.sheet_page == 2 and r.cells[1].key == "q29" and _silent(r, truth) == []


def test_pages_not_laid_out_as_this_exams_sheet_are_never_read_in(
    exam: Exam, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from tests.helpers.scansynth import make_exam

    key = _key(exam)
    rng = np.random.default_rng(6)
    for questions, seed in ((12, 3), (30, 99)):  # rows elsewhere; rows alike, bubbles not
        other = make_exam(tmp_path_factory.mktemp("o"), questions=questions, versions=1, seed=seed)
        page = fill(other, rng, "1", other.codes[0])[0][0]
        torn = scan(tear_identity(page, key.paper), Condition("c"), rng)
        assert read_page(torn, "x", 1, key).status == "not-located"
    letter = np.full((3508, 2480), 250, np.uint8)  # four corner squares, then a letter
    for x, y in G.mark_centres(key.paper):
        cx, cy, half = int(x * 300 / 25.4), int(y * 300 / 25.4), int(G.MARK_SIZE * 150 / 25.4)
        letter[cy - half : cy + half, cx - half : cx + half] = 0
    for i in range(30):
        cv2.putText(letter, "Dear parents, the school trip", (300, 400 + 90 * i), 0, 2, 0, 3)
    assert read_page(letter, "x", 2, key).status == "not-located"


def test_versions_printed_alike_are_one_reading_offering_each_version() -> None:
    rows = (G.RowSpec(4), G.RowSpec(3, True), G.RowSpec(0, lines=3))
    paper = G.paper("A4")
    versions = tuple(
        ScanVersion(G.VersionSheet(code, i, rows), 1, "") for i, code in enumerate("AB")
    )
    other = ScanVersion(G.VersionSheet("C", 2, rows[::-1]), 1, "")
    found = layouts(ScanKey("0" * 12, paper, (*versions, other)))
    assert [lay.sheets for lay in found] == [(("A", 1), ("B", 1)), (("C", 1),)]


def test_a_sheet_whose_version_shares_its_print_with_another_offers_both(exam: Exam) -> None:
    data = json.loads(exam.key_path.read_text(encoding="utf-8"))
    data["versions"].append({**data["versions"][0], "code": "D"})  # printed as A is
    key = read_scan_key(json.dumps(data))
    rng = np.random.default_rng(33)
    page = tear_identity(fill(exam, rng, "606", "A")[0][0], key.paper)
    r = read_page(scan(page, Condition("c"), rng), "s.pdf", 1, key)
    assert [g.sheets for g in r.guesses] == [[("A", 1), ("D", 1)]]  # read once, both offered
    apply([r], {"s.pdf#1:version": "D/1"}, key)
    assert (r.status, r.version) == ("read", "D")


def test_the_versions_its_student_number_points_to_are_offered_first() -> None:
    import re

    from exampdf.scan.read import Cell, Guess
    from exampdf.scan.review import review_html

    def page(n: int, status: str, ident: str, version: str = "") -> PageRead:
        p = PageRead("s.pdf", n, status, version=version, sheet_page=1)
        p.cells = [Cell("id", ident, "ok", 1.0)]
        if status == "ask-version":
            p.guesses = [Guess([(c, 1) for c in ("A", "B", "C", "1204")], [])]
        return p

    html = review_html(
        [
            page(1, "read", "1203", "C"),
            page(2, "ask-version", "1203"),
            page(3, "ask-version", "1204"),
        ],
        "t",
    )
    asks = [
        re.findall(r'data-v="([^"]*)"( class="likely")?', a) for a in html.split('class="ask"')[1:]
    ]
    # the student's other page was read as C; a roster version is named by its student number
    assert asks[0][:2] == [("C/1", ' class="likely"'), ("A/1", "")]
    assert asks[1][:2] == [("1204/1", ' class="likely"'), ("A/1", "")]


def _fixes_from_truth(out: Path, truths: dict[str, Truth]) -> list[list[str]]:
    """What the teacher answers for every open reading, looking at the sheets (the truth)."""
    fixes = []
    for page in json.loads((out / "scan.json").read_text(encoding="utf-8"))["pages"]:
        if page["status"] != "read":
            continue
        student = next(x["value"] for x in page["cells"] if x["key"] == "id")
        for c in page["cells"]:
            if c["status"] == "review":
                value = truths[student].answers[int(c["key"][1:]) - 1]
                fixes.append([f"{page['file']}#{page['page']}:{c['key']}", value])
    return fixes


def _correct(out: Path, key: str, fixes: list[list[str]]) -> str:
    path = out.parent / "corrections.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["cell", "value"], *fixes])
    args = ["--lang", "en", "scan", "--corrections", str(path), "--key", key, "-o", str(out)]
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 0, r.output
    return r.output


def test_scan_then_version_chosen_then_grade_equals_the_truth(exam: Exam, tmp_path: Path) -> None:
    rng = np.random.default_rng(41)
    images, truths = [], {}
    for n in range(4):
        pages, truth = fill(exam, rng, f"{2200 + n}", exam.codes[(n + 2) % len(exam.codes)])
        page = tear_identity(pages[0], _key(exam).paper) if n == 1 else pages[0]
        images.append(scan(page, Condition("c", upside_down=n == 1), rng))
        truths[truth.student] = truth
    Image.fromarray(images[0]).save(
        tmp_path / "scans.pdf",
        "PDF",
        resolution=300,
        save_all=True,
        append_images=[Image.fromarray(i) for i in images[1:]],
    )
    out, key = tmp_path / "scan", str(exam.key_path)
    r = CliRunner().invoke(
        main, ["--lang", "en", "scan", str(tmp_path / "scans.pdf"), "--key", key, "-o", str(out)]
    )
    assert r.exit_code == 0, r.output
    assert "1 answer sheet without a readable QR code or code row waits for its version" in r.output
    rows = (out / "responses.csv").read_text(encoding="utf-8").splitlines()
    assert "2201,?," + ",".join("?" * 30) in rows
    html = (out / "review.html").read_text(encoding="utf-8")
    assert 'data-cell="' + escape(str(tmp_path / "scans.pdf")) + '#2:version"' in html
    chosen = [[f"{tmp_path / 'scans.pdf'}#2:version", f"{truths['2201'].version}/1"]]
    output = _correct(out, key, chosen + _fixes_from_truth(out, truths))
    assert "waits for its version" not in output
    if "need a look" in output:  # rows of the chosen version that are uncertain: a second look
        output = _correct(out, key, _fixes_from_truth(out, truths))
    assert "need a look" not in output and "?" not in (out / "responses.csv").read_text("utf-8")
    (tmp_path / "truth.csv").write_text(truth_csv(list(truths.values())), encoding="utf-8")
    for name, src in (("read", out / "responses.csv"), ("truth", tmp_path / "truth.csv")):
        r = CliRunner().invoke(main, ["grade", str(src), "--key", key, "-o", str(tmp_path / name)])
        assert r.exit_code == 0, r.output
    scores = [(tmp_path / n / "scores.csv").read_text(encoding="utf-8") for n in ("read", "truth")]
    assert scores[0] == scores[1] and scores[0].count("\n") == 5


def test_a_sheet_printed_alike_whose_code_row_names_another_exam_is_not_asked(exam: Exam) -> None:
    key = _key(exam)
    byte = (int(key.fingerprint[:2], 16) + 1) % 256
    elsewhere = replace(key, fingerprint=f"{byte:02x}{key.fingerprint[2:]}")  # same layout
    rng = np.random.default_rng(12)
    page = fill(exam, rng, "1", exam.codes[2])[0][0]
    qr_lost = tear_identity(page, key.paper)
    h = int(key.paper.code_y * 300 / 25.4) - 30
    qr_lost[h:] = page[h:]  # the code row is still there
    r = read_page(scan(qr_lost, Condition("c"), rng), "x", 1, elsewhere)
    assert (r.status, r.cells) == ("other-exam", [])
    # both lost: printed alike, nothing tells the exams apart; the teacher sees its header
    both = read_page(scan(tear_identity(page, key.paper), Condition("c"), rng), "x", 2, elsewhere)
    assert both.status == "ask-version"
