"""`prepare` run ahead in a forked process while the CLI imports the writers."""

from __future__ import annotations

import atexit
import contextlib
import gc
import os
import signal
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO, NoReturn, TypeVar

from exampdf.config import ExamConfig
from exampdf.layout import parse_fonts_ahead, register_fonts
from exampdf.layout.text.fonts import (
    fonts_cached,
    reap_fonts_ahead,
    register_again,
    registered,
)
from exampdf.prepare import steps
from exampdf.prepare.claims import Claims, whole
from exampdf.prepare.pipe import message, send, widen
from exampdf.prepare.steps import (
    Checked,
    MakeResult,
    Prepared,
    Read,
    Versions,
    prepare,
    prepared,
)
from exampdf.progress import Progress, Step, ignore
from exampdf.specs import version_spec

T = TypeVar("T")

# What the child sent: the bank; the checks' result (None: still to come, the bank is early);
# the versions (None: the checks found errors).
_Found = tuple[Read, Checked | MakeResult | None, Versions | None]


class Ahead:
    """`prepare` running in a forked process: the CLI starts it before importing what writing
    the PDFs needs (~0.2 s), so the two overlap on two cores. The child hands its work back
    through a pipe as it goes (exampdf/prepare/pipe.py): the bank as read, then the versions,
    then the checks' result, so that the writers start on the versions while the child still
    checks the bank (glyphs and formula widths: warnings, which refuse the run only with
    --strict); `make` waits for the checks once the writers are under way (`Prepared.settled`).
    Both processes build the versions, part by part, from the bank's arrival in this one
    (exampdf/prepare/claims.py). A bank with an error so far or a roster (whose reading is a
    check) is checked before the child builds all its versions. If the child fails in any
    way, this process prepares, or checks, or builds here instead (and so meets the same
    problem, reported as usual)."""

    def __init__(self, inputs: Sequence[Path], config: ExamConfig) -> None:
        self.inputs, self.config = inputs, config
        if fonts_cached():  # both processes need them: read once, before the fork
            register_fonts(config.font)
        else:  # a first run: parsed by a process both wait for, so this one reads them
            parse_fonts_ahead()  # while the child reads the bank, not after it
        self.claims = Claims(config.version_count)  # without a roster: the versions' count
        read, write = os.pipe()
        widen(write)
        try:
            self.pid = os.fork()
        except OSError:
            os.close(write)
            self.pid = -1
        if self.pid == 0:
            os.close(read)
            _child(write, inputs, config, self.claims)
        if self.pid > 0:
            os.close(write)
        self.pipe: BinaryIO = open(read, "rb", buffering=0)  # noqa: SIM115  # closed once read
        self.checked: Checked | MakeResult | None = None
        # The child may still store the parse cache (a first run) once it has sent
        # everything: it is waited for before this process exits, never left to outlive it.
        atexit.register(self.end)

    def result(self, progress: Progress) -> Prepared | MakeResult:
        """The bank and its versions from the child (waits for them), or this process's own
        prepare; the checks may still be under way (`Prepared.settled` waits for them)."""
        found = self._read(self._found) if self.pid > 0 else None
        self.claims.close()  # every part taken; not for the writers to inherit
        if found is None or found[1] is not None:  # nothing more to come
            self.pipe.close()
        if found is None:
            return prepare(self.inputs, self.config, progress)
        read, checked, versions = found
        reap_fonts_ahead()
        progress(Step("parse", 1, 1))
        if isinstance(checked, MakeResult):
            return checked
        assert versions is not None  # _found: with every Checked, and with early banks
        if checked is not None:
            return prepared(read, checked, versions, progress)
        return replace(prepared(read, Checked((), ()), versions, progress), pending=self._checks)

    def _found(self, pipe: BinaryIO) -> _Found | None:
        register_fonts(self.config.font)  # a first run: once parse_fonts_ahead stored them
        read = message(pipe)
        if not isinstance(read, Read):
            return None
        # The bank lives as long as the run: out of the collections, as the workers keep it
        # (W2: one young-generation pass over its ~90,000 objects cost ~30 ms, on the path
        # to the first page, when the versions' parts were unpickled). The CLI unfreezes
        # everything at its end (cli/make.py).
        gc.freeze()
        if read.early:
            spec = version_spec(self.config, ())
            mine = self.claims.take(read.bank, spec)
            theirs = message(pipe)  # the child's parts (none if this process took them all)
            if not isinstance(theirs, dict):  # it stopped: its parts, then its checks, here
                pipe.close()
                theirs = {}
            return read, None, whole(self.claims.joined(read.bank, spec, mine, theirs))
        checked = self._checked(pipe)
        if checked is None:
            return None
        if isinstance(checked, MakeResult):
            return read, checked, None
        versions = message(pipe)
        return (read, checked, versions) if isinstance(versions, tuple) else None

    def _checked(self, pipe: BinaryIO) -> Checked | MakeResult | None:
        found = message(pipe)
        if not isinstance(found, tuple):
            return None
        checked, fonts = found
        # A fallback face, the math font: what the checks registered, for the writers forked
        # after this (when the checks run beside them, the writers register what they meet).
        register_again(fonts)
        return checked  # type: ignore[no-any-return]

    def _checks(self) -> Checked | MakeResult:
        """The checks' result sent after the versions (read once, then kept), or the checks
        run here if the child stopped before sending it."""
        if self.checked is None:
            found = None if self.pipe.closed else self._read(self._checked)
            self.pipe.close()
            if found is None:
                parsed, _ = steps.read_bank(self.inputs, self.config, None)
                found = steps.check_bank(parsed, self.config, ignore)
            self.checked = found
        return self.checked

    def end(self) -> None:
        """The pipe closed (a child still writing to it stops) and the child waited for."""
        self.pipe.close()
        if self.pid > 0:
            with contextlib.suppress(ChildProcessError, InterruptedError):
                os.waitpid(self.pid, 0)

    def _read(self, reading: Callable[[BinaryIO], T]) -> T:
        """What `reading` gets from the pipe; the child is killed if this process is stopped
        meanwhile."""
        try:
            return reading(self.pipe)
        except BaseException:  # ctrl-c, …: the child goes too
            self.pipe.close()
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            raise


def _child(fd: int, inputs: Sequence[Path], config: ExamConfig, claims: Claims) -> NoReturn:
    code = 1
    try:
        later: list[Callable[[], None]] = []
        with contextlib.suppress(OSError), open(fd, "wb") as pipe:  # OSError: the parent left
            parsed, read = steps.read_bank(inputs, config, later)
            send(pipe, read)
            if read.early:  # the writers start on them while this process checks the bank
                send(pipe, claims.take(read.bank, version_spec(config, ())))
                _lex(read)
            checked = steps.check_bank(parsed, config, ignore)
            send(pipe, (checked, registered()))
            if isinstance(checked, Checked) and not read.early:
                send(pipe, steps.versions_for(read.bank, checked.students, config))
            code = 0
        for step in later:  # the parse cache stored once the parent has the result (~30 ms
            step()  # of JSON at W1 on a first run, off the path to the first page)
    except BaseException:  # an error, ctrl-c: the parent prepares itself, or stops too
        pass
    finally:
        os._exit(code)  # no exit handlers, no buffers of the parent's flushed twice


def _lex(read: Read) -> None:
    """A first run: the bank's code blocks lexed into the lex cache before the checks, while
    the answer key's worker (the longest job) lays out its first pages, so that it reads their
    tokens instead of compiling Pygments' lexer and lexing. The checks are waited for only
    once the first exam slice is done; a later run finds every block (a hash and a stat each)."""
    from exampdf.layout.blocks.lexcache import lex_ahead  # Pygments: in this process only

    lex_ahead(read.bank, stop=lambda: False)
