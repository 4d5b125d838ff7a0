"""key.json and key.csv written by the main process while the workers lay out the PDFs:
each version's entry as soon as the exam's slice with its pages is joined, so that once the
last worker is done only the PDFs' SHA-256 are left to write (64 characters each in
key.json's header, zeros until then)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from exampdf.csvfile import ENCODING, csv_rows
from exampdf.layout import PageInfo
from exampdf.model import Bank
from exampdf.render.keyfiles import (
    CSV_HEADER,
    JSON_END,
    hash_slots,
    header_text,
    iter_entries,
    page_ranges,
    version_text,
)
from exampdf.versions import ExamVersion


class KeyFiles:
    """key.json and key.csv in `stage`, open until `finish` or `close`."""

    def __init__(
        self,
        stage: Path,
        names: tuple[str, str],  # key.json's and key.csv's
        bank: Bank,
        versions: Sequence[ExamVersion],
        header: Mapping[str, Any],  # key_header's, "files" naming every PDF with 64 zeros
    ) -> None:
        text = header_text(header).encode()
        self.stage, self.slots = stage, hash_slots(text, header["files"])
        self.json = (stage / names[0]).open("wb")
        self.csv = (stage / names[1]).open("w", encoding=ENCODING)
        self.json.write(text)
        self.csv.write(csv_rows([CSV_HEADER]))
        self.count, self.entries = len(versions), iter_entries(bank, versions)
        self.index = {v.code: i for i, v in enumerate(versions)}
        self.ranges: dict[str, tuple[int, int]] = {}
        self.written = 0

    def close(self) -> None:
        """Both files closed, finished or not (`contextlib.closing` in a `with` block)."""
        self.json.close()
        self.csv.close()

    def add(self, pages: Iterable[PageInfo], before: int = 0) -> None:
        """Pages of the exam (`before` pages into it): the versions up to the last one they
        show are complete, and written."""
        last = -1
        for section, (low, high) in page_ranges(pages, before).items():
            at = self.index.get(section, -1)
            if 0 <= at < self.written:  # a version's pages are in one slice: a bug
                raise RuntimeError(f"pages of version {section} after its entry")
            old = self.ranges.get(section, (low, high))
            self.ranges[section] = (min(low, old[0]), max(high, old[1]))
            last = max(last, at)
        self._write(last + 1)

    def finish(self, hashes: Mapping[str, str]) -> None:
        """Every version left, then each file's SHA-256 (from `hashes`, else read)."""
        self._write(self.count)
        self.json.write(JSON_END.encode())
        for name, at in self.slots.items():
            sha = hashes.get(name) or _sha256(self.stage / name)
            self.json.seek(at)
            self.json.write(sha.encode())
        self.close()

    def _write(self, upto: int) -> None:
        lines, rows = [], []
        for _ in range(self.written, upto):
            e = next(self.entries)
            lines.append(version_text(e, self.ranges.get(e.code, (0, 0)), first=not self.written))
            rows.append(e.csv_rows)
            self.written += 1
        self.json.write("".join(lines).encode())
        self.csv.write("".join(rows))


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
