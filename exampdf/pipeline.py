"""The make pipeline: bank files -> parse -> versions -> layout -> PDF and key files."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, suppress
from pathlib import Path

from exampdf.config import ExamConfig
from exampdf.layout import Shrink, make_theme, shrink_diagnostics
from exampdf.layout.blocks.lexcache import lex_ahead
from exampdf.parse.fingerprint import fingerprint
from exampdf.prepare import Ahead, MakeResult, Prepared, Refused, prepare
from exampdf.progress import Progress, Step, ignore
from exampdf.render.encrypt import encrypt_pdfs
from exampdf.render.examset import Slice, exam_slice_jobs, join_slices
from exampdf.render.keyset import (
    EXAM,
    KEY,
    KEY_CSV,
    KEY_JSON,
    KEYS_DIR,
    KeyRun,
    key_files,
    key_pdf_jobs,
)
from exampdf.render.output import fsync_all, staged_output
from exampdf.render.parallel import Job, Workers, reap
from exampdf.render.pdf import PdfMeta
from exampdf.specs import exam_page, exam_spec, key_spec, sheet_spec

__all__ = ["MakeResult", "Prepared", "make", "prepare", "write_all"]  # prepare: exampdf.prepare

SHEETS = "answer-sheets.pdf"


def make(
    inputs: Sequence[Path],
    out: Path,
    config: ExamConfig,
    progress: Progress = ignore,
    key_password: str = "",  # set: answer-key PDFs are encrypted (AES-256) before moving in
    jobs: int = 1,  # processes writing PDFs at once
    ahead: Ahead | None = None,  # prepare() already under way in another process
) -> MakeResult:
    prepared = ahead.result(progress) if ahead else prepare(inputs, config, progress)
    if isinstance(prepared, MakeResult):
        return prepared
    new = [folder for folder in (out, *out.parents) if not folder.exists()]
    try:
        with staged_output(out, owned=(KEYS_DIR,)) as stage:
            pages, shrinks = write_all(stage, prepared, config, progress, key_password, jobs)
            prepared = prepared.settled()  # the checks' diagnostics (write_all waited for them)
    except Exception as error:  # the checks, run beside the writers, found errors: nothing
        refused = error if isinstance(error, Refused) else _refused(prepared)
        if refused is None:  # (a busy or unwritable output folder is told only after them,
            raise  # as a run that checks first tells it)
        for folder in new:  # moved in, and no folder left that a run checking first never made
            with suppress(OSError):
                folder.rmdir()
        return refused.result
    finally:
        reap()  # the workers ended while the key files were written and the files moved in
    progress(Step("files", 1, 1))
    keys = tuple(name for name in pages if name.startswith(f"{KEYS_DIR}/"))
    names = (EXAM, KEY, KEY_JSON, KEY_CSV, *((SHEETS,) if SHEETS in pages else ()), *keys)
    return MakeResult(
        (*prepared.diagnostics, *shrink_diagnostics(shrinks, prepared.named)),
        tuple(out / name for name in names),
        pages,
        len(prepared.versions),
        len(prepared.bank.questions),
        prepared.spread if config.shuffle else None,
    )


def write_all(
    stage: Path,
    prepared: Prepared,
    config: ExamConfig,
    progress: Progress,
    key_password: str,
    jobs: int,
) -> tuple[dict[str, int], list[Shrink]]:
    """Every output into `stage`; returns name -> pages, and the blocks printed scaled down."""
    bank, versions = prepared.bank, prepared.versions
    theme = make_theme(config.font, config.base_size)
    sheet = None
    if config.answer_sheet:  # what `exampdf scan` replays the sheet geometry from
        from exampdf.sheets.compose import sheet_manifest

        sheet = sheet_manifest(bank, versions, sheet_spec(config))
    run = KeyRun(
        key_spec(config), theme, fingerprint(bank.files), tuple(prepared.spread.lines_ja()), sheet
    )
    key_jobs = key_pdf_jobs(stage, bank, versions, run)
    slices = exam_slice_jobs(
        stage, bank, versions, exam_spec(config), exam_page(config), theme, config.pdf_author
    )
    names = list(key_jobs)
    tasks: list[Job] = [*(_no_arg(key_jobs[n]) for n in names), *slices]
    with Workers(tasks, jobs, early=len(names)) as workers:  # the key jobs, longest, first
        keys = [workers.submit(i) for i in range(len(names))]
        # The first slice's fonts seed the others, so they wait for it; the worker that
        # lays it out keeps every question's broken lines for the slices it takes next.
        pending = workers.submit(len(names))
        if prepared.pending is None:  # else the bank's process lexes them (prepare/ahead.py)
            lex_ahead(bank, stop=pending.ready)  # idle till then; a first run's key job lexes less
        prepared.settled()  # the bank's checks, if still under way: a refusal stops the workers
        first: Slice = pending.get()
        rest = [workers.submit(len(names) + i, first.seed) for i in range(1, len(slices))]
        # key.json and key.csv as the slices are joined: the PDFs' SHA-256 are left after
        with closing(key_files(stage, bank, versions, run, names)) as keys_out:
            exam = join_slices(
                stage / EXAM,
                _reported(first, [r.get for r in rest], len(versions), progress),
                keys_out.add,
            )
            if not all(k.ready() for k in keys):  # (W1) synced while the key is laid out,
                fsync_all([stage / EXAM])  # not after it with the others
            key_pages = {name: k.get() for name, k in zip(names, keys, strict=True)}
            progress(Step("key", 0, 1))
            if key_password:  # before the digests: key.json records the files as left
                encrypt_pdfs([stage / KEY, *sorted(stage.glob(f"{KEYS_DIR}/*.pdf"))], key_password)
            keys_out.finish({EXAM: exam.sha256})
        shrinks = workers.notes
    progress(Step("key", 1, 1))
    pages = {EXAM: exam.pages, **key_pages}
    if config.answer_sheet:
        from exampdf.render.sheets import write_answer_sheets
        from exampdf.sheets.compose import answer_sheets  # QR codes: only when asked

        sheets = answer_sheets(bank, versions, sheet_spec(config))
        meta = PdfMeta(f"{config.title} 解答用紙", font=theme.fonts.body, author=config.pdf_author)
        pages[SHEETS] = write_answer_sheets(stage / SHEETS, sheets, theme.fonts, meta)
    return pages, shrinks


def _refused(prepared: Prepared) -> Refused | None:
    """The refusal of the checks still under way when writing failed, if they refuse."""
    try:
        prepared.settled()
    except Refused as refused:
        return refused
    return None


def _no_arg(job: Callable[[], int]) -> Job:
    return lambda _: job()


def _reported(
    first: Slice, rest: list[Callable[[], Slice]], total: int, progress: Progress
) -> Iterator[Slice]:
    """The slices in order, each waited for in turn; progress counts versions and pages."""
    done = pages = 0
    for get in [lambda: first, *rest]:
        part = get()
        done += len({p.section for p in part.pages})
        pages += len(part.pages)
        progress(Step("exam", done, total, pages))
        yield part
