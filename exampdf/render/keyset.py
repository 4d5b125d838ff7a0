"""Write every key output into the staging folder: answer-key.pdf, keys/<code>.pdf, key.json
and key.csv (key.json's record of the PDFs' SHA-256 last, once they are written)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from exampdf import __version__
from exampdf.config import SectionPick
from exampdf.layout import Decor, KeyInfo, PageInfo, Theme, geometry, key_story, version_key_story
from exampdf.model import Bank
from exampdf.parse.fingerprint import Fingerprint
from exampdf.render.booklet import write_booklet
from exampdf.render.pdf import PdfMeta, write_pdf
from exampdf.versions import ExamVersion
from exampdf.versions.labels import option_label

if TYPE_CHECKING:
    from exampdf.render.keywriter import KeyFiles

# key.json and key.csv are made by the main process once the workers are under way: their
# modules (render/keywriter.py, keyfiles.py, csvfile.py) are imported then, not before the
# workers fork.

EXAM, KEY, KEY_JSON, KEY_CSV, KEYS_DIR = "exam.pdf", "answer-key.pdf", "key.json", "key.csv", "keys"


@dataclass(frozen=True)
class KeySpec:
    """What the key outputs take from the settings (built by the pipeline)."""

    title: str
    seed: int
    shuffle: bool
    paper: str = "A4"  # the key is always portrait, one column
    date: str = ""
    pdf_author: str = ""
    label_style: str = "A"
    key_per_version: bool = False
    balance: bool = True
    sections: tuple[SectionPick, ...] = ()


@dataclass(unsafe_hash=True)
class KeyRun:
    """Everything the key outputs need besides the bank and the versions."""

    spec: KeySpec
    theme: Theme
    bank_print: Fingerprint
    spread: tuple[str, ...] = ()
    sheet: Mapping[str, object] | None = None  # key.json's "answer_sheet", with answer sheets


def key_pdf_jobs(
    stage: Path, bank: Bank, versions: Sequence[ExamVersion], run: KeyRun
) -> dict[str, Callable[[], int]]:
    """answer-key.pdf and, when asked, keys/<code>.pdf: name -> a job that writes it and
    returns its page count. Jobs are independent, so they may run in other processes."""
    spec, theme = run.spec, run.theme
    g = geometry(spec.paper)
    style = spec.label_style
    info = KeyInfo(
        title=spec.title,
        seed=spec.seed,
        fingerprint=run.bank_print.sha256,
        date=spec.date,
        tool=__version__,
        spread=run.spread,
        label=_labels(style),
    )
    decor = Decor(g, theme, spec.title, "解答・解説")

    def booklet() -> int:
        meta = PdfMeta(
            title=f"{spec.title} 解答・解説", font=theme.fonts.body, author=spec.pdf_author
        )
        story = partial(key_story, bank, versions, info, theme, g.frame_width)
        return len(write_booklet(stage / KEY, story, g, decor, meta))

    def one(v: ExamVersion) -> Callable[[], int]:
        def job() -> int:
            story = version_key_story(bank, v, info, theme, g.frame_width)
            vmeta = PdfMeta(
                title=f"{spec.title} {v.code}版 解答・解説",
                font=theme.fonts.body,
                author=spec.pdf_author,
            )
            return len(write_pdf(stage / f"{KEYS_DIR}/{v.code}.pdf", story, g, decor, vmeta))

        return job

    jobs: dict[str, Callable[[], int]] = {KEY: booklet}
    if spec.key_per_version:
        (stage / KEYS_DIR).mkdir()
        jobs.update({f"{KEYS_DIR}/{v.code}.pdf": one(v) for v in versions})
    return jobs


def write_key_files(
    stage: Path,
    bank: Bank,
    versions: Sequence[ExamVersion],
    exam_pages: Sequence[PageInfo],
    pages: Mapping[str, int],
    run: KeyRun,
) -> None:
    """key.json and key.csv at once, every PDF in `stage` (the JSON records their SHA-256)."""
    with closing(key_files(stage, bank, versions, run, pages)) as files:
        files.add(exam_pages)
        files.finish({})


def key_files(
    stage: Path, bank: Bank, versions: Sequence[ExamVersion], run: KeyRun, pdfs: Iterable[str]
) -> KeyFiles:
    """key.json and key.csv begun, written as the exam's pages come (render/keywriter.py);
    `pdfs`: the PDFs besides exam.pdf whose SHA-256 key.json records."""
    from exampdf.render.keyfiles import Provenance, key_header
    from exampdf.render.keywriter import KeyFiles

    spec = run.spec
    provenance = Provenance(
        tool=__version__,
        bank=run.bank_print,
        files=dict.fromkeys((EXAM, *pdfs), "0" * 64),  # each written once its file is done
        balance=spec.balance,
        picks=spec.sections,
    )
    header = key_header(spec.title, spec.seed, spec.shuffle, provenance)
    if run.sheet is not None:  # before the versions, as key.json has always put it
        header["answer_sheet"] = dict(run.sheet)
    return KeyFiles(stage, (KEY_JSON, KEY_CSV), bank, versions, header)


def _labels(style: str) -> Callable[[int], str]:
    """option_label in `style`, the first 26 positions looked up (the key asks 60,000 times
    at 100 questions x 200 versions, 2% of its time)."""
    first = [option_label(pos, style) for pos in range(26)]
    return lambda pos: first[pos] if pos < 26 else option_label(pos, style)
