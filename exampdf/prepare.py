"""Before any PDF: read the bank, check it, build the versions (in a forked process, if asked)."""

from __future__ import annotations

import os
import pickle
import signal
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

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
from exampdf.layout.text.fonts import (
    fonts_cached,
    reap_fonts_ahead,
    register_again,
    registered,
)
from exampdf.model import Bank
from exampdf.model.student import Student
from exampdf.parse import parse_bank
from exampdf.parse.portable import portable_sources
from exampdf.progress import Progress, Step, ignore
from exampdf.specs import exam_page, version_spec
from exampdf.versions import ExamVersion, answer_spread, build_versions
from exampdf.versions.balance import Spread


@dataclass(frozen=True)
class MakeResult:
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
    """What the writers need: the bank (sources made portable), versions and their spread."""

    bank: Bank
    versions: tuple[ExamVersion, ...]
    spread: Spread
    diagnostics: tuple[Diagnostic, ...]
    named: dict[str, str] = field(default_factory=dict)  # output name -> the user's, per file


def prepare(
    inputs: Sequence[Path], config: ExamConfig, progress: Progress
) -> Prepared | MakeResult:
    """Parse, check glyphs, read the roster and build the versions; a MakeResult on errors."""
    parse_fonts_ahead()  # a first run: on another core, while the bank is read
    parsed = parse_bank(
        inputs,
        allow_outside_images=config.allow_outside_images,
        allow_outside_questions=config.allow_outside_questions,
    )
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
    bank = portable_sources(parsed.bank, inputs)  # outputs never name the author's folders
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
    versions = build_versions(bank, version_spec(config, tuple(students)))
    progress(Step("versions", 1, 1))
    named = {
        out.source: given.source
        for out, given in zip(bank.questions, parsed.bank.questions, strict=True)
    }
    return Prepared(bank, tuple(versions), answer_spread(bank, versions), diags, named)


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


class Ahead:
    """`prepare` running in a forked process: the CLI starts it before importing what writing
    the PDFs needs (~0.1 s), so the two overlap on two cores. The child hands back its result
    pickled through a pipe; if it fails in any way, `result` prepares here instead (and so meets
    the same problem, reported as usual)."""

    def __init__(self, inputs: Sequence[Path], config: ExamConfig) -> None:
        self.inputs, self.config = inputs, config
        if fonts_cached():  # both processes need them: read once, before the fork
            register_fonts(config.font)
        else:  # a first run: parsed by a process both wait for, so this one reads them
            parse_fonts_ahead()  # while the child reads the bank, not after it
        read, write = os.pipe()
        try:
            self.pid = os.fork()
        except OSError:
            os.close(write)
            self.pid = -1
        if self.pid == 0:
            os.close(read)
            _child(write, inputs, config)
        if self.pid > 0:
            os.close(write)
        self.fd = read

    def result(self, progress: Progress) -> Prepared | MakeResult:
        """The child's result (waits for it), or this process's own prepare."""
        found = self._receive()
        if found is None:
            return prepare(self.inputs, self.config, progress)
        prepared, fonts = found
        register_again(fonts)  # a fallback face, the math font: what the checks registered
        reap_fonts_ahead()
        progress(Step("parse", 1, 1))
        if isinstance(prepared, Prepared):
            progress(Step("versions", 1, 1))
        return prepared

    def _receive(self) -> tuple[Prepared | MakeResult, list[str]] | None:
        with open(self.fd, "rb") as pipe:
            if self.pid < 0:
                return None
            try:
                register_fonts(self.config.font)  # a first run: once parse_fonts_ahead stored them
                data = pipe.read()
            except BaseException:  # ctrl-c, …: the child goes too
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
                raise
        _, status = os.waitpid(self.pid, 0)
        try:
            found = pickle.loads(data) if status == 0 else None
        except Exception:  # a half-written result (the child was killed): prepare here
            return None
        return found if isinstance(found, tuple) else None


def _child(fd: int, inputs: Sequence[Path], config: ExamConfig) -> NoReturn:
    code = 1
    try:
        prepared = prepare(inputs, config, ignore)
        with open(fd, "wb") as pipe:
            pipe.write(pickle.dumps((prepared, registered()), protocol=pickle.HIGHEST_PROTOCOL))
        code = 0
    except BaseException:  # an error, ctrl-c: the parent prepares itself, or stops too
        pass
    finally:
        os._exit(code)  # no exit handlers, no buffers of the parent's flushed twice
