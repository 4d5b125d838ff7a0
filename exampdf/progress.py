"""Progress steps the pipeline reports to whoever asked (the CLI draws them; tests count them)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    """`done` of `total` units of `stage` are finished; `page` is the page being written."""

    stage: str  # "parse", "versions", "exam", "key", "files"
    done: int
    total: int
    page: int = 0


Progress = Callable[[Step], None]


def ignore(step: Step) -> None:
    """The default: nobody is listening."""
