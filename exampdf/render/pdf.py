"""Write a story to a PDF file: page templates with 1 or 2 frames, invariant mode, font subsets."""

from __future__ import annotations

import gc
import io
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.platypus import Flowable, PageTemplate

from exampdf.layout import PageGeometry, PageInfo, Probe, page_infos
from exampdf.layout.blocks.shrinks import keep, noting
from exampdf.pdf.docseed import DocSeed
from exampdf.pdf.docslice import SliceDocTemplate, StoryFrame
from exampdf.render.canvas import Numbering, Painter, Tally, deferred_canvas

# Streams stay binary (Flate only): ASCII85 makes every font and page a quarter larger and
# costs time to encode; nothing we write travels through a 7-bit channel.
rl_config.useA85 = 0

# Given where the probes landed in a first pass, a better story (or None: the first is final).
Rebuild = Callable[[list[Probe]], Sequence[Flowable] | None]


@dataclass(frozen=True)
class PdfMeta:
    """A document's metadata and how its canvas starts."""

    title: str
    subject: str = ""
    author: str = ""
    font: str = "exampdf-mincho"  # the canvas's initial font, so Helvetica is never referenced
    first_template: str = "body"  # "cover" when the document opens with a cover page
    seed: DocSeed | None = None  # start from these font names and codes (a later slice)
    recurring: bool = False  # paragraphs recur all through (exam versions): forms at once


def write_pdf(
    path: Path,
    story: Sequence[Flowable],
    geometry: PageGeometry,
    painter: Painter,
    meta: PdfMeta,
    rebuild: Rebuild | None = None,
    seed_out: list[DocSeed] | None = None,  # receives the written file's font seed
) -> list[PageInfo]:
    """Lay out and write `story`; with `rebuild`, a second pass may lay out a revised story."""
    pages: list[PageInfo] = []
    probes: list[Probe] = []
    seeds: list[DocSeed] | None = None if seed_out is None else []  # none made if not asked
    first = io.BytesIO()
    with noting() as shrinks:  # kept only if this pass is the one written
        written = _released(_build(first, story, geometry, painter, meta, pages, probes, seeds))
    _free_document(written)
    second = rebuild(probes) if rebuild else None
    if second is None:
        path.write_bytes(first.getvalue())
    else:
        first = io.BytesIO()
        pages.clear()
        if seeds is not None:
            seeds.clear()
        with noting() as shrinks, path.open("wb") as out:
            written = _released(_build(out, second, geometry, painter, meta, pages, [], seeds))
        _free_document(written)
    keep(shrinks)
    if seed_out is not None and seeds is not None:
        seed_out.extend(seeds)
    return pages


def build_slice(
    story: list[Flowable],
    geometry: PageGeometry,
    painter: Painter,
    meta: PdfMeta,
    pages: list[PageInfo],
    seeds: list[DocSeed] | None,  # None: the document's seed is not needed (none is made)
    pages_max: int,
    numbering: Numbering,
    tally: Tally,
) -> tuple[bytes, list[Flowable], str]:
    """Lay out `story` up to `pages_max` pages as one PDF (render/booklet.py): its bytes
    (none if the tally only counts), the story left and the page template the next page
    takes. A story that ends within `pages_max` comes out as write_pdf writes it."""
    out = io.BytesIO()
    with noting() as shrinks:
        doc = _build(
            out, story, geometry, painter, meta, pages, [], seeds, pages_max, numbering, tally
        )
    if not tally.count_only:
        keep(shrinks)  # W112 is once per block: a slice laid out again notes nothing new
    rest, template = doc.rest, doc.next_template
    written = _released(doc)
    del doc
    _free_document(written)
    return out.getvalue(), rest, template


def _released(doc: SliceDocTemplate) -> weakref.ref[Any] | None:
    """The built document let go of its canvas and template (pdf/docslice.py): a weak
    reference to the canvas, dead once the last outside reference to `doc` is gone."""
    canvas = doc.release()
    return None if canvas is None else weakref.ref(canvas)


def _free_document(canvas: weakref.ref[Any] | None) -> None:
    """Make sure the document just written is freed, every page of it. Platypus' document,
    the canvas and the pages point at each other; with those references broken (`_released`)
    reference counting frees them at once. Should anything still hold the canvas in a cycle
    (a flowable of some other kind keeping it), a full collection frees it: without one,
    every slice a worker wrote stayed in memory until the process ended (300 questions x 702
    versions: 2 GB in one process), since `make` collects rarely (cli/make.py)."""
    if canvas is not None and canvas() is not None:
        gc.collect()


def _build(
    out: io.BufferedIOBase | io.BytesIO,
    story: Sequence[Flowable],
    g: PageGeometry,
    painter: Painter,
    meta: PdfMeta,
    pages: list[PageInfo],
    probes: list[Probe],
    seeds: list[DocSeed] | None,
    pages_max: int = 0,  # end the document after this many pages (0: at the story's end)
    numbering: Numbering = page_infos,
    tally: Tally | None = None,
) -> SliceDocTemplate:
    doc = SliceDocTemplate(
        out,
        pagesize=(g.width, g.height),
        leftMargin=g.left,
        rightMargin=g.right,
        topMargin=g.top,
        bottomMargin=g.bottom,
        title=meta.title,
        subject=meta.subject,
        author=meta.author,
        creator="exampdf",
        producer="exampdf",
        invariant=1,
        lang="ja-JP",
        initialFontName=meta.font,
        pages_max=pages_max,
    )
    templates = {"body": page_template("body", g, g.columns), "cover": page_template("cover", g, 1)}
    order = [meta.first_template, *(n for n in templates if n != meta.first_template)]
    doc.addPageTemplates([templates[n] for n in order])
    # Platypus consumes the list it is given: flowables already drawn can be freed.
    flowables = story if isinstance(story, list) else list(story)
    canvas = deferred_canvas(
        painter, pages, probes, meta.seed, seeds, meta.recurring, numbering, tally
    )
    doc.build(flowables, canvasmaker=canvas)
    return doc


def page_template(name: str, g: PageGeometry, columns: int) -> PageTemplate:
    """A page with `columns` frames side by side (ids col0, col1, …)."""
    rects = (
        g.column_frames()
        if columns == g.columns
        else [(g.left, g.bottom, g.frame_width, g.frame_height)]
    )
    frames = [
        StoryFrame(
            x, y, w, h, id=f"col{i}", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0
        )
        for i, (x, y, w, h) in enumerate(rects)
    ]
    return PageTemplate(name, frames)
