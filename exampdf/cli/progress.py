"""What `make` shows while it works (a rich bar after about a second) and when it is done."""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import click

from exampdf.cli.common import size_text
from exampdf.i18n import percent, t
from exampdf.progress import Step
from exampdf.versions.balance import Spread
from exampdf.versions.types import letter

if TYPE_CHECKING:  # rich is imported only when a bar may be shown (`make -q` never needs it)
    from rich.console import Console
    from rich.progress import Progress, TaskID

DELAY = 1.0  # seconds before a bar appears: quick runs stay quiet, longer ones always show it


def unattended(environ: Mapping[str, str] | None = None) -> bool:
    """CI runners and dumb terminals get no bar even when they look like a terminal: their
    logs keep every redraw."""
    env = os.environ if environ is None else environ
    ci = env.get("CI", "").strip().lower() not in ("", "0", "false", "no")
    return ci or env.get("TERM", "") == "dumb"


def may_be_terminal(environ: Mapping[str, str] | None = None) -> bool:
    """False only where rich would see no terminal either: stderr is not a TTY and nothing in
    the environment forces one (FORCE_COLOR, TTY_COMPATIBLE, TTY_INTERACTIVE)."""
    env = os.environ if environ is None else environ
    if any(name in env for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE")):
        return True
    stderr = sys.stderr
    try:
        return stderr is not None and stderr.isatty()
    except (AttributeError, ValueError):  # replaced by an object without isatty, or closed
        return False


class MakeProgress:
    """The pipeline's progress callback; also records per-stage time for `-v`."""

    def __init__(self, show: bool, console: Console | None = None, delay: float = DELAY) -> None:
        self.console = console
        # Without a console given, rich (~15 ms) is imported when the bar appears, not here:
        # a run that ends within the delay, or writes to a file or pipe, never loads it.
        terminal = console.is_terminal if console is not None else may_be_terminal()
        self.show = show and terminal and not unattended()
        self.start = self.mark = time.perf_counter()
        self.timings: dict[str, float] = {}
        self._bar: Progress | None = None
        self._task: TaskID | None = None
        self._last = Step("parse", 0, 1)
        self._lock = threading.Lock()  # the timer thread may start the bar mid-step
        self._timer = threading.Timer(delay, self._appear)
        self._timer.daemon = True

    def __call__(self, step: Step) -> None:
        now = time.perf_counter()
        # the time since the previous step belongs to the stage that just reported
        self.timings[step.stage] = self.timings.get(step.stage, 0.0) + now - self.mark
        self.mark = now
        with self._lock:
            self._last = step
            if self._bar is not None:
                self._draw(self._bar)

    def _appear(self) -> None:
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        if self.console is None:
            from rich.console import Console

            console = Console(stderr=True)
            if not console.is_terminal:  # rich knows terminals better (Jupyter, IDLE)
                return
            self.console = console
        with self._lock:
            self._bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                TextColumn("{task.completed}/{task.total}"),
                TimeElapsedColumn(),
                console=self.console,
                transient=True,
            )
            self._task = self._bar.add_task("", total=1)
            self._draw(self._bar)
            self._bar.start()

    def _draw(self, bar: Progress) -> None:
        assert self._task is not None
        step = self._last
        label = t(f"stage.{step.stage}")
        if step.page:
            label += f" · p.{step.page}"
        bar.update(self._task, description=label, completed=step.done, total=step.total)

    def __enter__(self) -> MakeProgress:
        if self.show:
            self._timer.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._timer.cancel()
        with self._lock:
            if self._bar is not None:
                self._bar.stop()

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.start


def summary_lines(
    written: Sequence[Path], pages: dict[str, int], warnings: int, elapsed: float
) -> list[str]:
    """One line per file (pages, size), then warnings and time: the closing summary."""
    lines = []
    for path in written:
        n = pages.get(path.name)
        size = size_text(path.stat().st_size) if path.exists() else ""
        lines.append(t("file_line", path=path, pages=t("pages", n=n) if n else "", size=size))
    lines.append(t("done", warnings=warnings, seconds=elapsed))
    return lines


def timing_lines(timings: dict[str, float]) -> list[str]:
    return [t("timing", stage=t(f"stage.{s}"), seconds=v) for s, v in timings.items()]


def echo_lines(lines: Sequence[str]) -> None:
    for line in lines:
        click.echo(line, err=True)


def spread_lines(spread: Spread) -> list[str]:
    """Where shuffled versions print their correct single answers, and the least even one."""
    total = spread.total
    answers = sum(total)
    if not answers:
        return []
    shares = ", ".join(
        f"{letter(p)} {percent(n, answers)}%" for p, n in enumerate(total) if n or p < 4
    )
    code, top, size = spread.worst()
    return [
        t("spread", versions=len(spread.codes), shares=shares),
        "  " + t("spread_worst", code=code, top=top, size=size),
    ]
