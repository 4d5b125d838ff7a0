"""A long document (the answer-key booklet) written in slices of pages and joined, so that
its memory is bounded however many versions it lists.

Every page says 「n / N」, so N must be known before any page is written. A story that ends
within BOOKLET_PAGES_MAX pages is one document, byte for byte as render/pdf.py writes any
story. A longer one is laid out twice, in slices of at most BOOKLET_PAGES_MAX pages, each
taking the story up at the page where the last one stopped (pdf/docslice.py), in this
process: first only counting the pages (holding none, writing nothing), then numbered as
the whole document and streamed into the join (render/merge.py) as each is written. Each
slice starts from the fonts of the one before (the join shares the font subsets they have
in common) and the paragraph forms of the first. A slice ends only between pages and lays
out the same story from the same state, so the pages are those of one document; the bytes
differ from it (fonts, forms), the same for every --jobs, as one process writes them all.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import replace
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from exampdf.layout import PageGeometry, PageInfo, ResumeOutline, page_infos
from exampdf.pdf.docseed import DocSeed
from exampdf.render.canvas import Painter, Tally
from exampdf.render.pdf import PdfMeta, build_slice

# About 130 KB a page is held until its slice is written, and what a document remembers
# (strings shown, paragraphs seen) lives as long as it (300 questions x 702 versions: the
# 2,141-page booklet took 540 MB as one document). 500 pages keep W1's and W2's booklets
# (74 and 414 pages) one document, written once.
BOOKLET_PAGES_MAX = 500


def write_booklet(
    path: Path,
    story: Callable[[], list[Flowable]],
    geometry: PageGeometry,
    painter: Painter,
    meta: PdfMeta,
) -> list[PageInfo]:
    """Write the story `story()` makes as `path`, in one piece or in slices; every page."""
    pages_max = BOOKLET_PAGES_MAX
    first: list[PageInfo] = []
    tally = Tally()
    data, rest, template = build_slice(  # a longer story's slices are written again
        story(), geometry, painter, meta, first, None, pages_max, page_infos, tally
    )
    if not rest:
        path.write_bytes(data)
        return first
    del data  # numbered as if it were the whole document: counted, then written again
    whole = _count(first, rest, template, tally.outline_level, geometry, meta, pages_max)
    return _write_slices(path, story(), geometry, painter, meta, whole, pages_max)


def _count(
    first: Sequence[PageInfo],
    rest: list[Flowable],
    template: str,
    level: int,
    geometry: PageGeometry,
    meta: PdfMeta,
    pages_max: int,
) -> list[PageInfo]:
    """Every page of the document whose first slice made `first`: the rest laid out in
    slices that hold and write nothing."""
    marks = [(p.section, p.blank) for p in first]
    covers = {p.number - 1 for p in first if p.cover}

    def numbering(more: Sequence[tuple[str, bool]], cover: Collection[int]) -> list[PageInfo]:
        covers.update(len(marks) + c for c in cover)
        marks.extend(more)
        return []

    while rest:
        rest.insert(0, ResumeOutline(level))
        tally = Tally(count_only=True)
        counting = replace(meta, first_template=template)
        _, rest, template = build_slice(
            rest, geometry, _no_paint, counting, [], [], pages_max, numbering, tally
        )
        level = tally.outline_level
    return page_infos(marks, covers)


def _no_paint(canvas: Canvas, page: PageInfo) -> None:
    pass


def _write_slices(
    path: Path,
    rest: list[Flowable],
    geometry: PageGeometry,
    painter: Painter,
    meta: PdfMeta,
    whole: Sequence[PageInfo],
    pages_max: int,
) -> list[PageInfo]:
    from exampdf.render.merge import Merger, RawPdf  # a booklet in slices only (~2 ms)

    written: list[PageInfo] = []
    first_forms: DocSeed | None = None
    seed: DocSeed | None = None
    with path.open("wb") as out:
        merger = Merger(out)
        while rest:
            tally = Tally()
            seeds: list[DocSeed] = []
            data, rest, template = build_slice(
                rest,
                geometry,
                painter,
                replace(meta, seed=seed),
                written,
                seeds,
                pages_max,
                _numbered_as(whole, len(written)),
                tally,
            )
            merger.add(RawPdf.read(data))
            del data
            first_forms = first_forms or seeds[0]
            # The next slice starts from these fonts (the join shares their subsets) and
            # places the first slice's forms; it opens the outline levels left open.
            seed = DocSeed(seeds[0].fonts, first_forms.forms)
            if rest:
                rest.insert(0, ResumeOutline(tally.outline_level))
                meta = replace(meta, first_template=template)
        merger.close()
    if [p.number for p in written] != [p.number for p in whole]:
        raise RuntimeError("the slices laid out other pages than the count")  # a bug, not input
    return written


def _numbered_as(
    whole: Sequence[PageInfo], before: int
) -> Callable[[Sequence[tuple[str, bool]], Collection[int]], list[PageInfo]]:
    """A slice's pages as the whole document numbers them, `before` pages into it; checked
    against what the slice itself saw (the same layout must give the same pages)."""

    def numbering(marks: Sequence[tuple[str, bool]], covers: Collection[int]) -> list[PageInfo]:
        mine = list(whole[before : before + len(marks)])
        seen = [(p.section, p.blank) for p in mine]
        if seen != list(marks) or {p.number - before - 1 for p in mine if p.cover} != set(covers):
            raise RuntimeError("a slice laid out other pages than the count")
        return mine

    return numbering
