"""Slices of the exam laid out apart and joined: the merge, the font seed, the slicing."""

from __future__ import annotations

import hashlib
import io
import re
import zlib
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pdfplumber
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from exampdf.layout.page.pages import PageInfo
from exampdf.layout.text.fonts import register_fonts
from exampdf.pdf.canvas import PaintCanvas
from exampdf.pdf.docseed import DocSeed, apply, capture
from exampdf.pdf.forms import form_digest, inherited_form
from exampdf.pdf.state import paint_state
from exampdf.render.examset import slice_ranges
from exampdf.render.merge import MergeError, RawPdf, merge_pdfs

FONTS = register_fonts()


def _pdf(pages: list[str], seed: DocSeed | None = None, out: list[DocSeed] | None = None) -> bytes:
    """A small ReportLab PDF: one line per page, a bookmark per page, a form on each page."""
    buf = io.BytesIO()
    c = Canvas(buf, invariant=1, initialFontName=FONTS.body)
    if seed is not None:
        apply(seed, c._doc)
    c.beginForm("stamp")
    c.setFont(FONTS.bold, 12)
    c.drawString(0, 0, "共通の見出し")
    c.endForm()
    for i, text in enumerate(pages):
        c.doForm("stamp")
        c.setFont(FONTS.body, 12)
        c.drawString(72, 700, text)
        c.bookmarkPage(f"p{i}-{text}")
        c.addOutlineEntry(text, f"p{i}-{text}", 0)
        c.linkURL("https://example.com/", (72, 690, 200, 712), relative=0)
        c.showPage()
    if out is not None:
        out.append(capture(c._doc))
    c.save()
    return buf.getvalue()


def _texts(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def _fontfiles(data: bytes) -> int:
    return len(re.findall(rb"/Length1 \d+", data))


def test_joined_pages_keep_their_order_text_outline_and_links() -> None:
    seeds: list[DocSeed] = []
    a = _pdf(["第一版の一頁", "第一版の二頁"], out=seeds)
    b = _pdf(["第二版の一頁", "第一版の二頁"], seed=seeds[0])
    out = io.BytesIO()
    assert merge_pdfs(iter([a, b]), out) == 4
    joined = out.getvalue()
    texts = _texts(joined)
    assert [t.splitlines()[0] for t in texts] == [
        "第一版の一頁",
        "第一版の二頁",
        "第二版の一頁",
        "第一版の二頁",
    ]
    assert all("共通の見出し" in t for t in texts)
    reader = PdfReader(io.BytesIO(joined))
    outline = reader.outline
    assert [o.title for o in outline] == [
        "第一版の一頁",
        "第一版の二頁",
        "第二版の一頁",
        "第一版の二頁",
    ]
    assert [reader.get_destination_page_number(o) for o in outline] == [0, 1, 2, 3]
    assert all(len(page["/Annots"]) == 1 for page in reader.pages)
    assert b"/Lang (ja-JP)" in joined or b"/Lang" not in a


def test_seeded_slices_share_font_subsets_and_forms() -> None:
    seeds: list[DocSeed] = []
    a = _pdf(["同じ文字だけ"], out=seeds)
    b = _pdf(["同じ文字だけ"], seed=seeds[0])
    unseeded = _pdf(["字だけ同じ文"])  # same characters, first used in another order
    shared, apart = io.BytesIO(), io.BytesIO()
    merge_pdfs(iter([a, b]), shared)
    merge_pdfs(iter([a, unseeded]), apart)
    assert _fontfiles(shared.getvalue()) == _fontfiles(a)  # one copy of each subset
    # The stamp's bold subset is the same either way; the body's codes differ: kept apart.
    assert _fontfiles(apart.getvalue()) == _fontfiles(a) + 1
    assert shared.getvalue().count(b"/Subtype /Form") == 1
    assert _texts(apart.getvalue())[1].splitlines()[0] == "字だけ同じ文"


def test_a_slice_with_new_characters_keeps_its_own_subset() -> None:
    seeds: list[DocSeed] = []
    a = _pdf(["最初の版"], out=seeds)
    b = _pdf(["最初の版と新しい漢字"], seed=seeds[0])
    out = io.BytesIO()
    merge_pdfs(iter([a, b]), out)
    joined = out.getvalue()
    assert [t.splitlines()[0] for t in _texts(joined)] == [
        "最初の版",
        "最初の版と新しい漢字",
    ]
    # Two different subsets of the body font: each under a name of its own (PDF 9.6.4).
    fonts = re.findall(rb"/BaseFont /(\w{6}\+[\w-]+)", joined)
    described = re.findall(rb"/FontName /(\w{6}\+[\w-]+)", joined)
    assert len(fonts) == len(set(fonts)) == len(described) == len(set(described)) == 3
    assert sorted(fonts) == sorted(described)


def test_seed_replays_names_and_codes() -> None:
    seeds: list[DocSeed] = []
    _pdf(["記号と文字"], out=seeds)
    seed = seeds[0]
    assert [name for name, _ in seed.fonts] == [FONTS.bold, FONTS.body]  # the order first used
    again: list[DocSeed] = []
    _pdf(["記号と文字"], seed=seed, out=again)
    assert again[0] == seed


def _painted(text: str, seed: DocSeed | None = None) -> bytes:
    """A slice on exampdf's canvas: the first paints form P0 (key "stamp"); a later one (with
    `seed`) places it as an inherited form."""
    buf = io.BytesIO()
    c = PaintCanvas(buf, invariant=1, initialFontName=FONTS.body, seed=seed)
    if seed is None:
        paint_state(c).forms["stamp"] = "P0"
        c.beginForm("P0")
        c.setFont(FONTS.bold, 12)
        c.drawString(0, 0, "共通の見出し")
        c.endForm()
    else:
        assert inherited_form(c, "stamp") == "P0"
    c.doForm("P0")
    c.setFont(FONTS.body, 12)
    c.drawString(72, 700, text)
    c.showPage()
    c.save()
    return buf.getvalue()


def test_a_later_slice_places_the_first_slice_s_form_by_name() -> None:
    """By a number the slice does not hold (pdf/resources.py FOREIGN), no stand-in object."""
    first = _painted("第一版")
    later = _painted("第二版", DocSeed((), {form_digest("stamp"): "P0"}))
    assert b"/ExampdfForm" not in later
    out = io.BytesIO()
    merge_pdfs(iter([first, later]), out)
    joined = out.getvalue()
    assert [t.splitlines() for t in _texts(joined)] == [
        ["第一版", "共通の見出し"],
        ["第二版", "共通の見出し"],
    ]
    assert joined.count(b"/Subtype /Form") == 1


def test_merge_is_deterministic_and_streams_are_copied_unchanged() -> None:
    a, b = _pdf(["一"]), _pdf(["二"])
    first, second = io.BytesIO(), io.BytesIO()
    merge_pdfs(iter([a, b]), first)
    merge_pdfs(iter([a, b]), second)
    assert first.getvalue() == second.getvalue()
    streams = re.findall(rb"stream\n(.*?)endstream", first.getvalue(), re.S)
    assert all(zlib.decompress(s) is not None for s in streams if s[:1] == b"x")


def test_not_a_reportlab_pdf_is_refused() -> None:
    with pytest.raises(MergeError):
        RawPdf.read(b"%PDF-1.4\nnothing here\n")


@given(st.integers(min_value=1, max_value=2000))
def test_slices_cover_every_version_once_in_order(count: int) -> None:
    ranges = slice_ranges(count)
    assert ranges[0] == range(1)
    assert [v for r in ranges for v in r] == list(range(count))
    assert all(len(r) > 0 for r in ranges)


def test_exam_slices_join_like_one_document(tmp_path: Path) -> None:
    """Every version still starts on an odd page and page numbers run on across slices."""
    from click.testing import CliRunner

    from exampdf.cli import main

    bank = Path(__file__).resolve().parents[2] / "questions"
    out = tmp_path / "out"
    args = ["make", str(bank), "-o", str(out), "--shuffle", "--versions", "30", "-q"]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert len(slice_ranges(30)) > 2  # the run above really joined several slices
    assert not (out / ".exam-slices").exists()
    reader = PdfReader(out / "exam.pdf")
    starts = [reader.get_destination_page_number(o) for o in reader.outline]
    assert len(starts) == 30
    assert all(p % 2 == 0 for p in starts)  # 0-based: page 1, 3, 5, …
    assert starts == sorted(starts)
    # Later slices place the first slice's paragraphs through stand-ins the join replaced.
    data = (out / "exam.pdf").read_bytes()
    assert b"/ExampdfForm" not in data
    with pdfplumber.open(out / "exam.pdf") as pdf:
        for p in (starts[0], starts[-1]):
            text = pdf.pages[p].extract_text() or ""
            assert "問1" in text and ("○ A" in text or "□ A" in text)


@pytest.mark.parametrize("simplex", [False, True])
def test_slices_that_end_on_an_odd_page_are_padded_with_one_blank(
    tmp_path: Path, simplex: bool
) -> None:
    """Printed on both sides, every version starts on a recto across slice boundaries, with
    exactly the blank pages one long document would have; single-sided, none at all."""
    import dataclasses

    from exampdf.config import ExamConfig
    from exampdf.layout.theme import make_theme
    from exampdf.render.examset import exam_slice_jobs, join_slices
    from exampdf.specs import exam_page, exam_spec
    from exampdf.versions import VersionSpec, build_versions
    from tests.helpers.bankfactory import bank as small_bank

    padded = False
    for size in (12, 20, 28):
        b = small_bank(size)
        config = dataclasses.replace(ExamConfig(), versions=26, shuffle=True, simplex=simplex)
        versions = build_versions(b, VersionSpec(26, 1, True))
        stage = tmp_path / f"{size}"
        stage.mkdir()
        jobs = exam_slice_jobs(
            stage, b, versions, exam_spec(config), exam_page(config), make_theme("mincho", 10.5)
        )
        first = jobs[0](None)
        parts: list[tuple[Sequence[PageInfo], int]] = []
        joined = join_slices(
            stage / "exam.pdf",
            [first, *(j(first.seed) for j in jobs[1:])],
            lambda part, before, parts=parts: parts.append((part, before)),
        )
        pages = [replace(p, number=p.number + before) for part, before in parts for p in part]
        data = (stage / "exam.pdf").read_bytes()
        assert joined.sha256 == hashlib.sha256(data).hexdigest()
        assert len(PdfReader(stage / "exam.pdf").pages) == joined.pages == len(pages)
        starts = [p.number for p in pages if p.index == 1 and not p.blank]
        assert len(starts) == 26
        blanks = [p for p in pages if p.blank]
        if simplex:
            assert not blanks
            continue
        assert all(n % 2 == 1 for n in starts)
        for p in blanks:  # a blank closes its version: the next page starts the next one
            assert p.number + 1 in starts or p.number == len(pages)
        padded |= bool(blanks)
    assert padded or simplex, "no size gave a version an odd number of pages"


@given(st.integers(min_value=1, max_value=800), st.integers(min_value=1, max_value=400))
def test_slices_stay_under_the_printed_question_cap(count: int, items: int) -> None:
    """A slice's pages are held until it is saved: however many versions, a slice prints at
    most SLICE_ITEMS_MAX questions (or one version, if a version alone prints more)."""
    from exampdf.render.examset import SLICE_ITEMS_MAX

    ranges = slice_ranges(count, items)
    assert [v for r in ranges for v in r] == list(range(count))
    assert all(len(r) * items <= max(SLICE_ITEMS_MAX, items) for r in ranges)
    if (count - 1) * items * 3 // 2 <= SLICE_ITEMS_MAX:  # small exams slice as before
        assert ranges == slice_ranges(count)
