"""Before any PDF, in steps a forked process can run apart: read the bank, check it, build the
versions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from exampdf.config import ExamConfig, unknown_groups
from exampdf.diagnostics import Diagnostic, error, has_errors
from exampdf.i18n import msg
from exampdf.layout import (
    glyph_diagnostics,
    math_width_diagnostics,
    parse_fonts_ahead,
    register_fonts,
    roster_glyph_diagnostics,
)
from exampdf.model import Bank, Question
from exampdf.model.student import Student
from exampdf.parse import ParseResult, parse_bank
from exampdf.parse.portable import portable_sources
from exampdf.progress import Progress, Step
from exampdf.specs import exam_page, version_spec
from exampdf.versions import ExamVersion, answer_spread, build_versions
from exampdf.versions.balance import Spread


@dataclass(frozen=True)
class MakeResult:
    """What `make` reports: the diagnostics, and what was written (nothing on errors)."""

    diagnostics: tuple[Diagnostic, ...]
    written: tuple[Path, ...] = ()
    pages: dict[str, int] = field(default_factory=dict)
    versions: int = 0
    questions: int = 0
    spread: Spread | None = None  # where correct answers are printed (shuffled runs)

    @property
    def ok(self) -> bool:
        return bool(self.written)


@dataclass(frozen=True)
class Prepared:
    """What the writers need: the bank (sources made portable), versions and their spread;
    the bank's diagnostics, unless its checks still run beside the writers (`settled`)."""

    bank: Bank
    versions: tuple[ExamVersion, ...]
    spread: Spread
    diagnostics: tuple[Diagnostic, ...]
    named: dict[str, str] = field(default_factory=dict)  # output name -> the user's, per file
    pending: Callable[[], Checked | MakeResult] | None = field(
        default=None, compare=False, repr=False
    )  # the checks' result, waited for (and kept) on each call

    def settled(self) -> Prepared:
        """This, with the checks' diagnostics once they are done; Refused if they found
        errors (a --strict run with a glyph warning): nothing may be written then."""
        if self.pending is None:
            return self
        checked = self.pending()
        if isinstance(checked, MakeResult):
            raise Refused(checked)
        return replace(self, diagnostics=checked.diagnostics, pending=None)


class Refused(Exception):
    """The bank's checks, run beside the writers, found errors: what `make` returns instead."""

    def __init__(self, result: MakeResult) -> None:
        super().__init__(result)
        self.result = result


def prepare(
    inputs: Sequence[Path],
    config: ExamConfig,
    progress: Progress,
    later: list[Callable[[], None]] | None = None,  # work left to do after (parse_bank)
) -> Prepared | MakeResult:
    """Parse, check glyphs, read the roster and build the versions; a MakeResult on errors."""
    parsed, read = read_bank(inputs, config, later)
    checked = check_bank(parsed, config, progress)
    if isinstance(checked, MakeResult):
        return checked
    return prepared(read, checked, versions_for(read.bank, checked.students, config), progress)


@dataclass(frozen=True)
class Read:
    """A bank as read, its sources made portable (outputs never name the author's folders)."""

    bank: Bank
    named: dict[str, str]  # output name -> the user's, per file
    early: bool  # no error yet and no roster: the versions can be built before the checks run


@dataclass(frozen=True)
class Checked:
    """What the checks of a bank without errors give: its diagnostics and the roster."""

    diagnostics: tuple[Diagnostic, ...]
    students: tuple[Student, ...]


def _lex_waiting(questions: list[Question], ready: Callable[[], bool]) -> None:
    """A first parse waiting for its helper: the code blocks read so far lexed into the lex
    cache until the helper is done, so Pygments' lexer is compiled here and then, not when
    the answer key's worker already needs the first blocks."""
    from exampdf.layout.blocks.lexcache import lex_ahead

    lex_ahead(Bank(tuple(questions)), stop=ready)


def read_bank(
    inputs: Sequence[Path], config: ExamConfig, later: list[Callable[[], None]] | None
) -> tuple[ParseResult, Read]:
    parse_fonts_ahead()  # a first run: on another core, while the bank is read
    parsed = parse_bank(
        inputs,
        allow_outside_images=config.allow_outside_images,
        allow_outside_questions=config.allow_outside_questions,
        later=later,
        helper=later is not None,  # make's bank process: a first parse on both cores
        meanwhile=_lex_waiting if later is not None else None,
    )
    bank = portable_sources(parsed.bank, inputs)
    named = {
        out.source: given.source
        for out, given in zip(bank.questions, parsed.bank.questions, strict=True)
    }
    groups = unknown_groups(config, {q.group for q in parsed.bank.questions})  # C006: errors
    early = not config.roster and not has_errors((*parsed.diagnostics, *groups), config.strict)
    return parsed, Read(bank, named, early)


def check_bank(parsed: ParseResult, config: ExamConfig, progress: Progress) -> Checked | MakeResult:
    fonts = register_fonts(config.font)
    column = exam_page(config).column_width
    diags = (
        *parsed.diagnostics,
        *glyph_diagnostics(parsed.bank, fonts),
        *math_width_diagnostics(parsed.bank, fonts, config.base_size, column),
    )
    diags = (*diags, *unknown_groups(config, {q.group for q in parsed.bank.questions}))
    progress(Step("parse", 1, 1))
    if has_errors(diags, config.strict):
        return MakeResult(diags)
    students: Sequence[Student] = ()
    roster_diags: list[Diagnostic] = []
    if config.roster:
        from exampdf.parse.roster import read_roster  # spreadsheets: only with a roster

        students, roster_diags = read_roster(Path(config.roster))
    roster_diags += roster_glyph_diagnostics(students, fonts, config.roster)
    if config.answer_sheet and students:
        roster_diags = [*roster_diags, *_unmarkable(students, config)]
    diags = (*diags, *roster_diags)
    if has_errors(roster_diags):
        return MakeResult(diags)
    return Checked(diags, tuple(students))


Versions = tuple[tuple[ExamVersion, ...], Spread]


def versions_for(bank: Bank, students: tuple[Student, ...], config: ExamConfig) -> Versions:
    versions = build_versions(bank, version_spec(config, students))
    return versions, answer_spread(bank, versions)


def prepared(read: Read, checked: Checked, versions: Versions, progress: Progress) -> Prepared:
    progress(Step("versions", 1, 1))
    return Prepared(read.bank, versions[0], versions[1], checked.diagnostics, read.named)


def _unmarkable(students: Sequence[Student], config: ExamConfig) -> list[Diagnostic]:
    """R006: a roster id the answer sheet's student-number grid cannot hold, before printing."""
    from exampdf.sheets.compose import unmarkable_ids

    rows = {s.id: s.line for s in students}  # roster lines (spreadsheet rows for .xlsx)
    out = []
    for sid, n, grid in unmarkable_ids([s.id for s in students], config.id_digits):
        line = rows.get(sid, 0)
        message = msg("R006.long", id=sid, n=n, grid=grid) if n else msg("R006", id=sid)
        out.append(error("R006", message, config.roster, line, msg("R006.hint")))
    return out
