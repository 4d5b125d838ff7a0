"""The make pipeline: bank files -> parse -> versions -> layout -> PDF and key files."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from exampdf.config import ExamConfig
from exampdf.diagnostics import Diagnostic, has_errors
from exampdf.layout.answersheet import answer_sheets
from exampdf.layout.decor import Decor
from exampdf.layout.exam import exam_rebuild, exam_story
from exampdf.layout.fonts import register_fonts
from exampdf.layout.glyphcheck import glyph_diagnostics
from exampdf.layout.page import geometry
from exampdf.layout.pages import PageInfo
from exampdf.layout.theme import make_theme
from exampdf.layout.ticks import with_ticks
from exampdf.parse import parse_bank
from exampdf.parse.fingerprint import fingerprint
from exampdf.parse.portable import portable_sources
from exampdf.parse.roster import read_roster
from exampdf.progress import Progress, Step, ignore
from exampdf.render.encrypt import encrypt_pdfs
from exampdf.render.keyset import KEYS_DIR, KeyRun, key_pdf_jobs, write_key_files
from exampdf.render.output import staged_output
from exampdf.render.parallel import run_beside
from exampdf.render.pdf import PdfMeta, write_pdf
from exampdf.render.sheets import write_answer_sheets
from exampdf.versions import VersionSpec, answer_spread, build_versions

EXAM, KEY, KEY_JSON, KEY_CSV = "exam.pdf", "answer-key.pdf", "key.json", "key.csv"
SHEETS = "answer-sheets.pdf"


@dataclass(frozen=True)
class MakeResult:
    diagnostics: tuple[Diagnostic, ...]
    written: tuple[Path, ...] = ()
    pages: dict[str, int] = field(default_factory=dict)
    versions: int = 0
    questions: int = 0
    spread: tuple[str, ...] = ()  # where correct answers are printed, for the summary

    @property
    def ok(self) -> bool:
        return bool(self.written)


def make(
    inputs: Sequence[Path],
    out: Path,
    config: ExamConfig,
    progress: Progress = ignore,
    key_password: str = "",  # set: answer-key PDFs are encrypted (AES-256) before moving in
    jobs: int = 1,  # processes writing PDFs at once
) -> MakeResult:
    parsed = parse_bank(inputs, allow_outside_images=config.allow_outside_images)
    bank = parsed.bank
    diags = (*parsed.diagnostics, *glyph_diagnostics(bank, register_fonts(config.font)))
    progress(Step("parse", 1, 1))
    if has_errors(diags, config.strict):
        return MakeResult(diags)
    bank = portable_sources(bank, inputs)  # outputs never name the author's folders
    students, roster_diags = read_roster(Path(config.roster)) if config.roster else ((), [])
    diags = (*diags, *roster_diags)
    if has_errors(roster_diags):
        return MakeResult(diags)
    spec = VersionSpec(
        config.version_count, config.seed, config.shuffle, config.sections, students, config.balance
    )
    versions = build_versions(bank, spec)
    answers = answer_spread(bank, versions)
    spread = tuple(answers.lines())
    progress(Step("versions", 1, 1))
    n = len(versions)

    def tick(finished: int, page: int) -> None:
        progress(Step("exam", finished, n, page))

    theme = make_theme(config.font, config.base_size)
    ge = geometry(config.paper, config.orientation, config.column_count)  # exam sheets
    title = config.title
    first = "cover" if config.cover else "body"
    with staged_output(out, owned=(KEYS_DIR,)) as stage:

        def write_exam() -> list[PageInfo]:
            return write_pdf(
                stage / EXAM,
                with_ticks(exam_story(bank, versions, config, theme, ge), tick),
                ge,
                Decor(ge, theme, title, ""),
                PdfMeta(
                    title, font=theme.fonts.body, first_template=first, author=config.pdf_author
                ),
                exam_rebuild(bank, versions, config, theme, ge),
            )

        run = KeyRun(config, theme, fingerprint(bank.files), tuple(answers.lines_ja()))
        key_jobs = key_pdf_jobs(stage, bank, versions, run)
        # The exam is laid out here (it reports progress); the key booklets beside it.
        exam_pages, key_pages = run_beside(write_exam, key_jobs, jobs)
        progress(Step("key", 0, 1))
        pages = {EXAM: len(exam_pages), **key_pages}
        write_key_files(stage, bank, versions, exam_pages, key_pages, run)
        if key_password:
            encrypt_pdfs([stage / KEY, *sorted(stage.glob(f"{KEYS_DIR}/*.pdf"))], key_password)
        progress(Step("key", 1, 1))
        if config.answer_sheet:
            sheets = answer_sheets(bank, versions, config)
            sheet_meta = PdfMeta(
                f"{title} 解答用紙", font=theme.fonts.body, author=config.pdf_author
            )
            pages[SHEETS] = write_answer_sheets(stage / SHEETS, sheets, theme.fonts, sheet_meta)
    progress(Step("files", 1, 1))
    keys = tuple(name for name in pages if name.startswith(f"{KEYS_DIR}/"))
    names = (EXAM, KEY, KEY_JSON, KEY_CSV, *((SHEETS,) if SHEETS in pages else ()), *keys)
    written = tuple(out / name for name in names)
    return MakeResult(
        diags,
        written,
        pages,
        len(versions),
        len(bank.questions),
        spread,
    )
