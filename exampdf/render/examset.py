"""exam.pdf in slices of versions that worker processes lay out at once, then joined.

The slices are fixed by the number of versions alone (never by --jobs), and every slice is
laid out by the same code from the same state, so the joined file is the same bytes however
many processes made it. The first slice is one version, laid out first: its font names and
character codes seed every later slice (render/docseed.py), so their font subsets come out
identical and the join keeps one copy of each.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

from exampdf.layout import Decor, ExamSpec, PageGeometry, PageInfo, Probe, Theme, to_even_page
from exampdf.layout.text.fonts import register_again
from exampdf.model import Bank
from exampdf.pdf.docseed import DocSeed
from exampdf.render.pdf import PdfMeta, write_pdf
from exampdf.versions import ExamVersion

if TYPE_CHECKING:
    from exampdf.layout import Rebuild as ExamRebuild

SLICES_MAX = 12  # enough pieces for a few workers to finish together
SLICE_VERSIONS_MIN = 12  # fewer would spend more on each PDF's fixed costs than they save
SLICE_DIR = ".exam-slices"
# A slice's pages are held until it is saved (page n / N per version, and ReportLab writes a
# document at the end), about 40-160 KB a page: a cap on the questions a slice prints keeps a
# worker's memory bounded however many versions there are (300 questions x 200 versions
# reached 400 MB in a worker with 24 versions to a slice). 1,500 printed questions are
# 50 versions of 30 questions, 15 of 100, 5 of 300: about 400 pages.
SLICE_ITEMS_MAX = 1500


@dataclass(frozen=True)
class Slice:
    """What a slice job hands back: its file, its pages and (the first) its font seed."""

    path: Path
    pages: tuple[PageInfo, ...]
    seed: DocSeed | None = None


SliceJob = Callable[[DocSeed | None], Slice]


def slice_ranges(count: int, items: int = 0) -> list[range]:
    """Version 0 alone, then the rest in up to SLICES_MAX runs that shrink towards the end
    (from about 1.5 to 0.5 of the mean), so the workers finish close together; where such a
    run would print more than SLICE_ITEMS_MAX questions (`items` per version), in equal runs
    under that cap instead, as many as it takes."""
    if count <= 1:
        return [range(count)]
    rest = count - 1
    pieces = max(1, min(SLICES_MAX, rest // SLICE_VERSIONS_MIN))
    weights = [3 * pieces - 1 - 2 * i for i in range(pieces)]  # 3n-1, 3n-3, …, n+1
    total = sum(weights)
    bounds = [1 + rest * sum(weights[:i]) // total for i in range(pieces + 1)]
    cap = max(1, SLICE_ITEMS_MAX // items) if items else rest
    if max(b - a for a, b in pairwise(bounds)) > cap:
        pieces = -(-rest // cap)
        bounds = [1 + rest * i // pieces for i in range(pieces + 1)]
    return [range(1), *(range(a, b) for a, b in pairwise(bounds))]


def exam_slice_jobs(
    stage: Path,
    bank: Bank,
    versions: tuple[ExamVersion, ...],
    spec: ExamSpec,
    g: PageGeometry,
    theme: Theme,
    author: str = "",
) -> list[SliceJob]:
    """One job per slice; each writes its PDF under `stage`/SLICE_DIR."""
    folder = stage / SLICE_DIR
    folder.mkdir(exist_ok=True)
    ranges = slice_ranges(len(versions), max((len(v.items) for v in versions), default=0))
    meta = PdfMeta(
        spec.title,
        font=theme.fonts.body,
        first_template="cover" if spec.cover else "body",
        author=author,
        recurring=True,
    )
    decor = Decor(g, theme, spec.title, "")

    def job(k: int, part: tuple[ExamVersion, ...]) -> SliceJob:
        def run(seed: DocSeed | None) -> Slice:
            # The exam layout is imported by the worker laying out a slice, not before the
            # workers fork: the answer key's job (the longest) needs none of it (~5 ms).
            from exampdf.layout import exam_rebuild, exam_story

            if seed is not None:  # its fonts, in a worker that has not met them (the symbol
                register_again([name for name, _ in seed.fonts])  # font, the math font) yet
            story = exam_story(bank, part, spec, theme, g)
            more = k + 1 < len(ranges)
            path = folder / f"{k:04d}.pdf"
            seeds: list[DocSeed] = []
            pages = write_pdf(
                path,
                _padded(story, more and not spec.simplex),
                g,
                decor,
                replace(meta, seed=seed),
                _padded_rebuild(
                    exam_rebuild(bank, part, spec, theme, g), more and not spec.simplex
                ),
                seeds,
            )
            return Slice(path, tuple(pages), seeds[0] if seeds and seed is None else None)

        return run

    return [job(k, versions[r.start : r.stop]) for k, r in enumerate(ranges)]


def _padded(story: list[Flowable], pad: bool) -> list[Flowable]:
    """Printed on both sides, a slice followed by another ends on an even page, so the next
    version starts on a recto once joined, as it would in one long document."""
    return [*story, *to_even_page()] if pad else story


def _padded_rebuild(rebuild: ExamRebuild, pad: bool) -> ExamRebuild:
    def again(probes: list[Probe]) -> list[Flowable] | None:
        story = rebuild(probes)
        return None if story is None else _padded(story, pad)

    return again


@dataclass(frozen=True)
class Joined:
    """exam.pdf once its slices are joined."""

    pages: int
    sha256: str  # of the file (key.json records it)


def join_slices(
    out: Path,
    slices: Iterable[Slice],
    joined: Callable[[Sequence[PageInfo], int], object] = lambda pages, before: None,
) -> Joined:
    """Write the slices (in order) as `out`, deleting each once copied; `joined` is told
    each slice's pages (numbered within the slice) and how many pages come before them."""
    from exampdf.render.merge import Merger, RawPdf  # by the main process, beside the workers

    pages = 0
    with out.open("wb") as f:
        merger = Merger(f)
        for part in slices:
            merger.add(RawPdf.read(part.path.read_bytes()))
            part.path.unlink()
            joined(part.pages, pages)
            pages += len(part.pages)
        merger.close()
    out.parent.joinpath(SLICE_DIR).rmdir()
    return Joined(pages, merger.sha256)
