"""The versions built in parts by both of make's first processes: each takes the next part
from a pipe of part numbers until none is left, so the one that is free first builds more."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from exampdf.model import Bank
from exampdf.versions import ExamVersion, VersionBuilder, VersionSpec, answer_spread
from exampdf.versions.balance import Spread

# Enough for both processes to end within a part of each other (W2: 13 versions, ~7 ms);
# few enough that the items versions share are still mostly pickled once (one message).
PARTS = 16


@dataclass(frozen=True)
class Part:
    versions: tuple[ExamVersion, ...]
    spread: Spread  # where its correct answers are printed


Parts = dict[int, Part]  # part number -> the part


class Claims:
    """Made before the fork, for `count` versions: the part numbers, written whole into a pipe
    whose writing end is closed at once, so a read gets the next number or, once all are
    taken, nothing (each number goes to one reader)."""

    def __init__(self, count: int) -> None:
        self.size = max(1, -(-count // PARTS))  # versions per part
        self.count, self.parts = count, -(-count // self.size)
        read, write = os.pipe()
        os.write(write, bytes(range(self.parts)))  # 16 bytes: a pipe holds them before a read
        os.close(write)
        self.fd = read

    def take(self, bank: Bank, spec: VersionSpec) -> Parts:
        """Build parts until none is left to take; the parts this process took."""
        builder: VersionBuilder | None = None
        built: Parts = {}
        while taken := os.read(self.fd, 1):
            builder = builder or VersionBuilder(bank, spec)
            built[taken[0]] = self._part(builder, taken[0])
        return built

    def joined(self, bank: Bank, spec: VersionSpec, *found: Mapping[int, Part]) -> Parts:
        """Every part: those `found`, the rest (a process that stopped took them) built here."""
        parts = {k: part for some in found for k, part in some.items()}
        missing = [k for k in range(self.parts) if k not in parts]
        if missing:
            builder = VersionBuilder(bank, spec)
            parts.update({k: self._part(builder, k) for k in missing})
        return parts

    def close(self) -> None:
        os.close(self.fd)

    def _part(self, builder: VersionBuilder, k: int) -> Part:
        versions = builder.part(k * self.size, min(self.count, (k + 1) * self.size))
        return Part(versions, answer_spread(builder.bank, versions))


def whole(parts: Parts) -> tuple[tuple[ExamVersion, ...], Spread]:
    """The versions and their spread, the parts in order."""
    ordered = [parts[k] for k in sorted(parts)]
    return tuple(v for p in ordered for v in p.versions), Spread(
        tuple(code for p in ordered for code in p.spread.codes),
        tuple(row for p in ordered for row in p.spread.counts),
    )
