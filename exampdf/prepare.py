"""Before any PDF: read the bank, check it, build the versions (in a forked process, if asked)."""

from __future__ import annotations

import atexit
import contextlib
import os
import pickle
import select
import signal
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, NoReturn

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
from exampdf.parse import ParseResult, parse_bank
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
    inputs: Sequence[Path],
    config: ExamConfig,
    progress: Progress,
    later: list[Callable[[], None]] | None = None,  # work left to do after (parse_bank)
) -> Prepared | MakeResult:
    """Parse, check glyphs, read the roster and build the versions; a MakeResult on errors."""
    parsed, read = _read(inputs, config, later)
    checked = _checked(parsed, config, progress)
    if isinstance(checked, MakeResult):
        return checked
    return _prepared(read, checked, _versions(read.bank, checked.students, config), progress)


@dataclass(frozen=True)
class _Read:
    """A bank as read, its sources made portable (outputs never name the author's folders)."""

    bank: Bank
    named: dict[str, str]  # output name -> the user's, per file
    early: bool  # no error yet and no roster: the versions can be built before the checks end


@dataclass(frozen=True)
class _Checked:
    """What the checks of a bank without errors give: its diagnostics and the roster."""

    diagnostics: tuple[Diagnostic, ...]
    students: tuple[Student, ...]


def _read(
    inputs: Sequence[Path], config: ExamConfig, later: list[Callable[[], None]] | None
) -> tuple[ParseResult, _Read]:
    parse_fonts_ahead()  # a first run: on another core, while the bank is read
    parsed = parse_bank(
        inputs,
        allow_outside_images=config.allow_outside_images,
        allow_outside_questions=config.allow_outside_questions,
        later=later,
        helper=later is not None,  # make's bank process: a first parse on both cores
    )
    bank = portable_sources(parsed.bank, inputs)
    named = {
        out.source: given.source
        for out, given in zip(bank.questions, parsed.bank.questions, strict=True)
    }
    early = not config.roster and not has_errors(parsed.diagnostics, config.strict)
    return parsed, _Read(bank, named, early)


def _checked(parsed: ParseResult, config: ExamConfig, progress: Progress) -> _Checked | MakeResult:
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
    return _Checked(diags, tuple(students))


_Versions = tuple[tuple[ExamVersion, ...], Spread]


def _versions(bank: Bank, students: tuple[Student, ...], config: ExamConfig) -> _Versions:
    versions = build_versions(bank, version_spec(config, students))
    return versions, answer_spread(bank, versions)


def _prepared(read: _Read, checked: _Checked, versions: _Versions, progress: Progress) -> Prepared:
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


_Found = tuple[_Read, _Checked | MakeResult, list[str], _Versions | None]  # what the child sent


class Ahead:
    """`prepare` running in a forked process: the CLI starts it before importing what writing
    the PDFs needs (~0.1 s), so the two overlap on two cores. The child hands its work back
    pickled through a pipe as it goes: the bank as read, then the checks' diagnostics, then the
    versions. The versions are built by whichever process is free first: this one, when it has
    the bank while the child is still checking it (a large bank: the checks and the versions
    then overlap), and it tells the child to leave them; else the child (a small bank is read
    and checked before this process has imported the writers). If the child fails in any way,
    `result` prepares here instead (and so meets the same problem, reported as usual)."""

    def __init__(self, inputs: Sequence[Path], config: ExamConfig) -> None:
        self.inputs, self.config = inputs, config
        if fonts_cached():  # both processes need them: read once, before the fork
            register_fonts(config.font)
        else:  # a first run: parsed by a process both wait for, so this one reads them
            parse_fonts_ahead()  # while the child reads the bank, not after it
        read, write = os.pipe()
        _widen(write)
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
        read, checked, fonts, versions = found
        register_again(fonts)  # a fallback face, the math font: what the checks registered
        reap_fonts_ahead()
        progress(Step("parse", 1, 1))
        if isinstance(checked, MakeResult):
            return checked
        assert versions is not None  # _messages: with every _Checked
        return _prepared(read, checked, versions, progress)

    def _receive(self) -> _Found | None:
        with open(self.fd, "rb", buffering=0) as pipe:  # unbuffered: select sees what came
            if self.pid < 0:
                return None
            try:
                register_fonts(self.config.font)  # a first run: once parse_fonts_ahead stored them
                found = self._messages(pipe)
            except BaseException:  # ctrl-c, …: the child goes too
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
                raise
        # Every message whole (each carries its size) is the child's success; it may still
        # be storing the parse cache (a first run) while this process goes on: it is waited
        # for before this one exits (atexit), never left to outlive the run.
        atexit.register(_reap, self.pid)
        return found

    def _messages(self, pipe: BinaryIO) -> _Found | None:
        read = _message(pipe)
        if not isinstance(read, _Read):
            return None
        versions = None
        if read.early and not select.select([pipe], [], [], 0)[0]:  # the child still checks
            os.kill(self.pid, LEAVE)
            versions = _versions(read.bank, (), self.config)
        second = _message(pipe)
        if not isinstance(second, tuple):
            return None
        checked, fonts = second
        if isinstance(checked, _Checked) and versions is None:
            versions = _message(pipe)
            if not isinstance(versions, tuple):
                return None
        return read, checked, fonts, versions


def _message(pipe: BinaryIO) -> Any:
    """One pickled message (its size first); None if the child stopped before its end."""
    data, size, got = bytearray(8), 8, 0
    while got < size:  # a pipe's reads may come short
        n = pipe.readinto(memoryview(data)[got:])  # type: ignore[attr-defined]
        if not n:
            return None
        got += n
        if got == 8 and size == 8:
            size = 8 + int.from_bytes(data, "little")
            data.extend(bytes(size - 8))
    try:
        return pickle.loads(memoryview(data)[8:])
    except Exception:  # a half-written result (the child was killed): prepare here
        return None


def _send(pipe: BinaryIO, value: object) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    pipe.write(len(data).to_bytes(8, "little"))
    pipe.write(data)
    pipe.flush()  # the parent unpickles it while this process goes on


def _widen(fd: int) -> None:
    """A pipe holding a whole small result (1 MB, where Linux allows): a child that is done
    before this process reads does not wait for it to start the next message."""
    with contextlib.suppress(ImportError, AttributeError, OSError):  # else 64 KB: just slower
        import fcntl

        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, 1 << 20)


LEAVE = signal.SIGUSR1  # parent -> child: this process builds the versions


class _Left(Exception):
    """The parent builds the versions: the child stops building them."""


def _child(fd: int, inputs: Sequence[Path], config: ExamConfig) -> NoReturn:
    code = 1
    try:
        later: list[Callable[[], None]] = []
        building, left = [False], [False]

        def leave(signum: int, frame: object) -> None:
            left[0] = True
            if building[0]:
                raise _Left

        signal.signal(LEAVE, leave)
        with contextlib.suppress(OSError), open(fd, "wb") as pipe:  # OSError: the parent left
            parsed, read = _read(inputs, config, later)
            _send(pipe, read)
            checked = _checked(parsed, config, ignore)
            _send(pipe, (checked, registered()))
            code = 0
            if isinstance(checked, _Checked) and not left[0]:
                with contextlib.suppress(_Left):
                    building[0] = True
                    versions = _versions(read.bank, checked.students, config)
                    building[0] = False
                    _send(pipe, versions)
        building[0] = False
        for step in later:  # the parse cache stored once the parent has the result (~30 ms
            step()  # of JSON at W1 on a first run, off the path to the first page)
    except BaseException:  # an error, ctrl-c: the parent prepares itself, or stops too
        pass
    finally:
        os._exit(code)  # no exit handlers, no buffers of the parent's flushed twice


def _reap(pid: int) -> None:
    with contextlib.suppress(ChildProcessError, InterruptedError):
        os.waitpid(pid, 0)
