"""The key booklets' parts: answer labels and fingerprints as data, the key table read back."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from reportlab.platypus import Flowable

from exampdf.layout.key.cellgrid import CellGrid
from exampdf.layout.key.keyparts import KeyInfo, answer_text, cover, fingerprint_text, key_tables
from exampdf.layout.page.markers import Deferred
from exampdf.layout.theme import make_theme
from exampdf.model import Bank
from exampdf.versions import ExamVersion, VersionItem
from exampdf.versions.labels import option_label
from exampdf.versions.types import version_code
from tests.helpers.bankfactory import question
from tests.helpers.blockpdf import FRAME_LEFT, FRAME_RIGHT, PAGE, lines_of, typeset_flowables

THEME = make_theme()


def _rows(tmp_path: Path, flowables: list[Flowable]) -> list[str]:
    pdf = typeset_flowables(tmp_path, flowables, THEME, page=(400.0, 2000.0))
    return ["".join(c["text"] for c in ln) for ln in lines_of(pdf.chars())]


def test_answer_text_gives_the_printed_labels_of_the_correct_options() -> None:
    item = VersionItem(0, (2, 0, 1))  # bank C printed first, then A, then B
    assert answer_text(question("q", options=3, answer=(0,)), item) == "B"
    assert answer_text(question("q", options=3, answer=(0, 2)), item) == "A・B"
    kana = answer_text(question("q", options=3, answer=(1,)), item, lambda p: option_label(p, "ア"))
    assert kana == "ウ"
    written = replace(question("w"), choices=(), answer=())
    assert answer_text(written, VersionItem(0, ())) == "記述"


def test_fingerprint_is_four_groups_of_16_on_two_lines() -> None:
    sha = "0123456789abcdef" * 3 + "fedcba9876543210"
    assert fingerprint_text(sha) == (
        "0123456789abcdef 0123456789abcdef\n0123456789abcdef fedcba9876543210"
    )


def _bank_and_versions(n: int) -> tuple[Bank, list[ExamVersion]]:
    bank = Bank(tuple(question(f"q{i}", options=3, answer=(i % 3,)) for i in range(n)))
    a = ExamVersion("A", tuple(VersionItem(i, (0, 1, 2)) for i in range(n)))
    b = ExamVersion("B", tuple(VersionItem(n - 1 - i, (2, 1, 0)) for i in range(n)))
    return bank, [a, b]


def _made(flowables: list[Flowable]) -> list[Flowable]:
    """The story with each deferred band made, as the layout makes it."""
    return [g for f in flowables for g in (f.make() if isinstance(f, Deferred) else [f])]


def test_key_table_wraps_into_bands_that_fit_the_width() -> None:
    bank, versions = _bank_and_versions(30)
    narrow = [f for f in _made(key_tables(bank, versions, THEME, 250.0)) if isinstance(f, CellGrid)]
    wide = [f for f in _made(key_tables(bank, versions, THEME, 2000.0)) if isinstance(f, CellGrid)]
    assert len(wide) == 1 and len(narrow) >= 3
    assert all(t.wrap(250.0, 1000.0)[0] <= 250.0 for t in narrow)


def test_key_table_bands_are_made_only_when_the_layout_reaches_them() -> None:
    """A band's rows are the versions: made up front, 300 questions x 702 versions held
    114 MB of tables before the first page."""
    bank, versions = _bank_and_versions(30)
    story = key_tables(bank, versions, THEME, 250.0)
    assert not any(isinstance(f, CellGrid) for f in story)
    assert sum(isinstance(f, Deferred) for f in story) >= 3


def test_key_table_lists_each_versions_printed_answers_and_totals(tmp_path: Path) -> None:
    bank, versions = _bank_and_versions(4)
    rows = _rows(tmp_path, key_tables(bank, versions, THEME, 300.0))
    # answers A B C A in bank order; B prints the questions backwards and the options C B A
    assert rows == ["版問1問2問3問4計", "AABCA4点", "BCABC4点", "配点：各1点"]


def test_key_table_bands_carry_the_header_and_the_total_only_at_the_end(tmp_path: Path) -> None:
    bank, versions = _bank_and_versions(12)
    rows = _rows(tmp_path, key_tables(bank, versions, THEME, 200.0))
    headers = [r for r in rows if r.startswith("版")]
    assert len(headers) >= 2 and headers[0].startswith("版問1問2")
    assert [h.endswith("計") for h in headers] == [False] * (len(headers) - 1) + [True]
    assert "".join(headers).count("問") == 12
    assert rows[-2].endswith("12点")


def test_uneven_points_go_in_each_cell_instead_of_one_line(tmp_path: Path) -> None:
    bank, versions = _bank_and_versions(2)
    bank = Bank((replace(bank.questions[0], points=3), bank.questions[1]))
    rows = _rows(tmp_path, key_tables(bank, versions, THEME, 300.0))
    # each answer over its points; the version code and total sit between the two lines
    assert rows == ["版問1問2計", "AB", "A4点", "(3点)(1点)", "BC", "B4点", "(1点)(3点)"]


def test_cover_lists_only_the_facts_that_have_a_value(tmp_path: Path) -> None:
    info = KeyInfo(title="期末試験", seed=7, fingerprint="0" * 64)
    rows = _rows(tmp_path, cover(info, [("版", "A版、B版"), ("作成", "")], THEME, "解答・解説"))
    assert rows == ["期末試験", "解答・解説", "版A版、B版"]


def test_a_cover_listing_wider_than_the_page_is_broken_into_lines(tmp_path: Path) -> None:
    """A roster's names ran off both sides of the page as one line."""
    info = KeyInfo(title="期末試験", seed=7, fingerprint="0" * 64)
    names = "、".join(f"{version_code(i)}版" for i in range(100))
    width = FRAME_RIGHT - FRAME_LEFT
    story = cover(info, [("版", names), ("シード", "7")], THEME, "解答・解説", width)
    pdf = typeset_flowables(tmp_path, story, THEME, page=(PAGE[0], 2000.0))
    chars = pdf.chars()
    assert all(c["x0"] >= FRAME_LEFT - 0.01 and c["x1"] <= FRAME_RIGHT + 0.01 for c in chars)
    rows = ["".join(c["text"] for c in ln) for ln in lines_of(chars, tolerance=1.0)]
    assert rows[2].startswith("版A版、B版") and len(rows) > 8
    assert "".join(rows[2:-1])[1:] == names  # every name, in order
    assert not any(r.startswith("版") for r in rows[3:-1])  # 「CV版」 never split from 版
    assert rows[-1] == "シード7"


def test_a_listing_longer_than_a_cell_holds_follows_the_table(tmp_path: Path) -> None:
    """A table row cannot run onto the next page: 400 names go under the table."""
    info = KeyInfo(title="期末試験", seed=7, fingerprint="0" * 64)
    names = "、".join(f"{version_code(i)}版（1-A）" for i in range(400))
    width = FRAME_RIGHT - FRAME_LEFT
    pdf = typeset_flowables(tmp_path, cover(info, [("版", names)], THEME, "解答・解説", width))
    pages = [lines_of(pdf.chars(p), tolerance=1.0) for p in range(len(pdf.pages))]
    rows = ["".join(c["text"] for c in ln) for page in pages for ln in page]
    assert len(pdf.pages) > 1
    assert rows[2:4] == ["版（表の下に）", "版"]
    assert "".join(rows[4:]) == names
