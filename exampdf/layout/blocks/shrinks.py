"""W112: blocks too tall for a page that print scaled down, noted as they are drawn (in any
process) and reported once per block, at its file and line, with the smallest scale printed."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from exampdf.diagnostics import Diagnostic, warning
from exampdf.i18n import msg


@dataclass(frozen=True, order=True)
class Origin:
    """Where a flowable comes from: the question's file (as outputs name it), the block's
    line and what the block is (a W112.<what> catalogue entry); `row` for a table row."""

    source: str
    line: int
    what: str
    row: int = 0


@dataclass(frozen=True, order=True)
class Shrink:
    """A block printed at `scale` (< 1) of its size."""

    origin: Origin
    scale: float


# Notes go to the innermost `noting()` list; with none open (a test laying out a page,
# `preview`), nothing is kept.
_SINKS: list[list[Shrink]] = []
# The question file whose blocks are being built (set by `building`, read by `origin`).
_SOURCES: list[str] = [""]


def note(origin: Origin | None, scale: float) -> None:
    """Record that a block from `origin` was drawn at `scale`."""
    if _SINKS and origin is not None and scale < 1.0 - 1e-6:
        _SINKS[-1].append(Shrink(origin, scale))


def keep(shrinks: Iterable[Shrink]) -> None:
    """Pass shrinks noted in an inner `noting` on to the enclosing one."""
    if _SINKS:
        _SINKS[-1].extend(shrinks)


@contextmanager
def noting() -> Iterator[list[Shrink]]:
    """The shrinks drawn while the block runs (not those of any enclosing `noting`)."""
    got: list[Shrink] = []
    _SINKS.append(got)
    try:
        yield got
    finally:
        _SINKS.pop()


@contextmanager
def building(source: str) -> Iterator[None]:
    """Flowables built inside come from the question file `source`."""
    _SOURCES.append(source)
    try:
        yield
    finally:
        _SOURCES.pop()


def origin(line: int, what: str) -> Origin:
    return Origin(_SOURCES[-1], line, what)


def shrink_diagnostics(
    shrinks: Iterable[Shrink], named: dict[str, str] | None = None
) -> list[Diagnostic]:
    """One W112 per block (whatever the versions and files it printed in), at the smallest
    scale it was printed, in file and line order; `named` maps output names of files back to
    the names the user gave."""
    smallest: dict[Origin, float] = {}
    for s in shrinks:
        smallest[s.origin] = min(s.scale, smallest.get(s.origin, 1.0))
    names = named or {}
    out = []
    for where, scale in sorted(smallest.items()):
        text = msg(f"W112.{where.what}", row=where.row, pct=max(1, int(scale * 100)))
        path = names.get(where.source, where.source)
        out.append(warning("W112", text, path, where.line, msg("W112.hint")))
    return out
