"""`prepare` run ahead in a forked process while the CLI imports the writers."""

from __future__ import annotations

import atexit
import contextlib
import os
import select
import signal
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO, NoReturn

from exampdf.config import ExamConfig
from exampdf.layout import parse_fonts_ahead, register_fonts
from exampdf.layout.text.fonts import (
    fonts_cached,
    reap_fonts_ahead,
    register_again,
    registered,
)
from exampdf.prepare import steps
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

_Found = tuple[Read, Checked | MakeResult, list[str], Versions | None]  # what the child sent


class Ahead:
    """`prepare` running in a forked process: the CLI starts it before importing what writing
    the PDFs needs (~0.1 s), so the two overlap on two cores. The child hands its work back
    pickled through a pipe as it goes: the bank as read, then the checks' diagnostics, then the
    versions (exampdf/prepare/pipe.py). The versions are built by whichever process is free
    first: this one, when it has the bank while the child is still checking it (a large bank:
    the checks and the versions then overlap), and it tells the child to leave them; else the
    child (a small bank is read and checked before this process has imported the writers). If
    the child fails in any way, `result` prepares here instead (and so meets the same problem,
    reported as usual)."""

    def __init__(self, inputs: Sequence[Path], config: ExamConfig) -> None:
        self.inputs, self.config = inputs, config
        if fonts_cached():  # both processes need them: read once, before the fork
            register_fonts(config.font)
        else:  # a first run: parsed by a process both wait for, so this one reads them
            parse_fonts_ahead()  # while the child reads the bank, not after it
        read, write = os.pipe()
        widen(write)
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
        assert versions is not None  # _messages: with every Checked
        return prepared(read, checked, versions, progress)

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
        read = message(pipe)
        if not isinstance(read, Read):
            return None
        versions = None
        if read.early and not select.select([pipe], [], [], 0)[0]:  # the child still checks
            os.kill(self.pid, LEAVE)
            versions = steps.versions_for(read.bank, (), self.config)
        second = message(pipe)
        if not isinstance(second, tuple):
            return None
        checked, fonts = second
        if isinstance(checked, Checked) and versions is None:
            versions = message(pipe)
            if not isinstance(versions, tuple):
                return None
        return read, checked, fonts, versions


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
            parsed, read = steps.read_bank(inputs, config, later)
            send(pipe, read)
            checked = steps.check_bank(parsed, config, ignore)
            send(pipe, (checked, registered()))
            code = 0
            if isinstance(checked, Checked) and not left[0]:
                with contextlib.suppress(_Left):
                    building[0] = True
                    versions = steps.versions_for(read.bank, checked.students, config)
                    building[0] = False
                    send(pipe, versions)
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
