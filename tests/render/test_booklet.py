"""render/booklet.py: an answer-key booklet written in slices of pages and joined is the same
document as one written whole: every page rendered alike, 「n / N」 running across slices,
one outline, the same links; the same bytes for every --jobs; a short one unchanged."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pypdf
import pypdfium2
import pytest
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import PageBreak

from exampdf.layout.page.outline import Bookmark
from exampdf.layout.page.pages import PageInfo
from exampdf.layout.page.paper import geometry
from exampdf.layout.text.paragraphs import ParaStyle, make_paragraph
from exampdf.layout.text.textrun import Run
from exampdf.layout.theme import make_theme
from exampdf.model import Bank, Link, Paragraph, Text
from exampdf.parse.fingerprint import Fingerprint
from exampdf.pdf.docslice import RESUMED
from exampdf.render import booklet, pdf
from exampdf.render.canvas import Tally
from exampdf.render.keyset import KEY, KeyRun, KeySpec, key_pdf_jobs
from exampdf.render.outline import Outline, fold
from exampdf.render.pdf import PdfMeta, write_pdf
from exampdf.versions import ExamVersion, VersionItem
from tests.helpers.bankfactory import question

THEME = make_theme()
WHY = "解説の文は長く、何行にもわたって続きます。" * 12


def _question(i: int) -> Any:
    q = question(f"q{i:02d}", options=4, answer=(i % 4,))
    link = Link((Text("参考"),), f"https://example.com/{i}")
    why = (Paragraph((Text(WHY), link), 12), Paragraph((Text(WHY),), 13))
    return replace(q, explanation=why)


BANK = Bank(tuple(_question(i) for i in range(10)))
VERSIONS = [
    ExamVersion(
        f"V{v:02d}",
        tuple(VersionItem((i + v) % 10, tuple((k + v) % 4 for k in range(4))) for i in range(10)),
    )
    for v in range(40)
]
RUN = KeyRun(KeySpec(title="期末試験", seed=3, shuffle=True), THEME, Fingerprint("f" * 64, ()))


def _booklet(folder: Path, pages_max: int, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, int]:
    """answer-key.pdf with at most `pages_max` pages a slice, and how many slices it took."""
    monkeypatch.setattr(booklet, "BOOKLET_PAGES_MAX", pages_max)
    slices = []
    build = pdf.build_slice

    def counted(*args: Any) -> Any:
        slices.append(1)
        return build(*args)

    monkeypatch.setattr(booklet, "build_slice", counted)
    folder.mkdir()
    key_pdf_jobs(folder, BANK, VERSIONS, RUN)[KEY]()
    return folder / KEY, len(slices)


@pytest.fixture(scope="module")
def whole_and_sliced(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    with pytest.MonkeyPatch.context() as mp:
        root = tmp_path_factory.mktemp("booklet")
        whole, none = _booklet(root / "whole", 10_000, mp)
        sliced, many = _booklet(root / "sliced", 2, mp)
    assert none == 1 and many > 10  # one document; then slices of two pages, counted, written
    return whole, sliced


def _pixels(path: Path) -> list[bytes]:
    doc = pypdfium2.PdfDocument(path)
    try:
        return [bytes(page.render(scale=0.5).to_pil().tobytes()) for page in doc]
    finally:
        doc.close()


def test_sliced_booklet_renders_page_for_page_as_one_document(
    whole_and_sliced: tuple[Path, Path],
) -> None:
    whole, sliced = whole_and_sliced
    a, b = _pixels(whole), _pixels(sliced)
    assert len(a) == len(b) > 10
    assert [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y] == []


def test_page_numbers_run_across_slices(whole_and_sliced: tuple[Path, Path]) -> None:
    _, sliced = whole_and_sliced
    reader = pypdf.PdfReader(sliced)
    n = len(reader.pages)
    feet = [p.extract_text().replace(" ", "").splitlines() for p in reader.pages]
    # the cover carries no number; page i says i-1 / n-1 (the cover is not counted)
    assert all(f"{i}/{n - 1}" in lines for i, lines in enumerate(feet[1:], start=1))
    assert not any(f"/{n - 1}" in line for line in feet[0])


def _outline(path: Path) -> list[tuple[int, str, int]]:
    reader = pypdf.PdfReader(path)
    out: list[tuple[int, str, int]] = []

    def walk(items: list[Any], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                out.append((depth, item.title, reader.get_destination_page_number(item)))

    walk(reader.outline, 0)
    return out


def test_one_outline_with_each_question_under_its_heading(
    whole_and_sliced: tuple[Path, Path],
) -> None:
    whole, sliced = whole_and_sliced
    outline = _outline(sliced)
    assert outline == _outline(whole)
    assert [(d, t) for d, t, _ in outline][:3] == [(0, "表紙"), (0, "解答一覧"), (0, "問題と解説")]
    assert [t for d, t, _ in outline if d == 1] == [f"{i + 1}. title q{i:02d}" for i in range(10)]
    assert not any(RESUMED in t for _, t, _ in outline)


def _links(path: Path) -> list[list[tuple[str, tuple[int, ...]]]]:
    reader = pypdf.PdfReader(path)
    return [
        sorted(
            (str(a.get_object()["/A"]["/URI"]), tuple(round(float(v)) for v in a["/Rect"]))
            for a in page.get("/Annots", [])
        )
        for page in reader.pages
    ]


def test_links_stay_on_their_pages(whole_and_sliced: tuple[Path, Path]) -> None:
    whole, sliced = whole_and_sliced
    links = _links(sliced)
    assert links == _links(whole)
    assert sum(map(len, links)) == 10


def _para(text: str) -> Any:
    return make_paragraph([Run(text, THEME.fonts.body, 10.5)], ParaStyle(leading=18.0))


def test_a_booklet_that_fits_is_the_one_document_it_always_was(tmp_path: Path) -> None:
    def story() -> list[Any]:
        return [Bookmark("a", "一"), _para("一頁目の本文"), PageBreak(), _para("二頁目")]

    def painter(c: Canvas, page: PageInfo) -> None:
        c.drawString(20, 20, f"{page.index} / {page.count}")

    meta, g = PdfMeta("t", font=THEME.fonts.body), geometry("A4")
    pages = booklet.write_booklet(tmp_path / "a.pdf", story, g, painter, meta)
    write_pdf(tmp_path / "b.pdf", story(), g, painter, meta)
    assert len(pages) == 2
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_a_counting_slice_writes_nothing_and_stops_between_pages() -> None:
    story = [Bookmark("a", "一"), _para("一"), PageBreak(), _para("二"), PageBreak(), _para("三")]
    tally = Tally(count_only=True)
    meta, g = PdfMeta("t", font=THEME.fonts.body), geometry("A4")
    counted: list[int] = []

    def numbering(marks: Any, covers: Any) -> list[PageInfo]:
        counted.append(len(marks))
        return []

    args = (g, lambda c, p: None, meta, [], [], 2, numbering, tally)
    data, rest, template = pdf.build_slice(story, *args)
    assert (data, counted, template, tally.outline_level) == (b"", [2], "body", 0)
    assert len(rest) == 1  # the third page's paragraph, for the next slice
    assert pdf.build_slice(rest, *args)[:2] == (b"", []) and counted == [2, 1]


def test_resumed_outline_entries_fold_into_the_entries_they_continue() -> None:
    def item(title: bytes, *children: Outline) -> Outline:
        return Outline(b"(" + title + b")", b"", False, list(children))

    mark = RESUMED.encode()
    outline = [item(b"cover"), item(b"questions", item(b"q1"))]
    fold(outline, [item(mark, item(mark), item(b"q2")), item(b"end")])
    assert [(i.title, [c.title for c in i.children]) for i in outline] == [
        (b"(cover)", []),
        (b"(questions)", [b"(q1)", b"(q2)"]),
        (b"(end)", []),
    ]


def test_sliced_booklet_is_the_same_bytes_for_every_jobs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from exampdf.config import ExamConfig
    from exampdf.pipeline import make

    monkeypatch.setattr(booklet, "BOOKLET_PAGES_MAX", 3)  # workers fork after this
    bank = tmp_path / "bank"
    bank.mkdir()
    for i in range(6):
        options = "\n".join(f"{c}. 選択肢{c}{i}" for c in "ABCD")
        text = f"# 問題{i}\n\n## 問題\n{WHY}\n\n## 選択肢\n{options}\n\n## 正解\nB\n"
        (bank / f"q{i}.md").write_text(f"{text}\n## 解説\n{WHY}\n", encoding="utf-8")
    config = replace(ExamConfig(), versions=12, shuffle=True, seed=5)
    one = make([bank], tmp_path / "one", config, jobs=1)
    two = make([bank], tmp_path / "two", config, jobs=2)
    assert one.ok and two.ok and one.pages[KEY] > 3  # two slices or more
    assert (tmp_path / "one" / KEY).read_bytes() == (tmp_path / "two" / KEY).read_bytes()
