"""The bank fingerprint: SHA-256 over every bank file, so a printed exam names its source."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from exampdf.parse.files import printable


@dataclass(frozen=True)
class Fingerprint:
    """The SHA-256 of a bank's files, each and all together (key.json's provenance)."""

    sha256: str
    files: tuple[tuple[str, str], ...]  # (path inside the bank, SHA-256 of its bytes)


def fingerprint(sources: Sequence[str]) -> Fingerprint:
    """Paths count relative to the folder holding all the files, so the same bank gives the
    same fingerprint from any working directory; order is the bank's (sorted) file order."""
    if not sources:
        return Fingerprint(hashlib.sha256(b"").hexdigest(), ())
    root = os.path.commonpath([os.path.dirname(os.path.abspath(s)) for s in sources])
    files = []
    total = hashlib.sha256()
    for source in sources:
        rel = PurePosixPath(Path(os.path.relpath(os.path.abspath(source), root)).as_posix())
        digest = hashlib.sha256(Path(source).read_bytes()).hexdigest()
        files.append((printable(str(rel)), digest))
        total.update(os.fsencode(str(rel)) + f"\0{digest}\n".encode())  # a name's own bytes
    return Fingerprint(total.hexdigest(), tuple(files))
