"""All-or-nothing output: files are written into a staging folder and moved in together."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def staged_output(target: Path) -> Iterator[Path]:
    """Yield a staging folder beside `target`; on success move every file in, else discard."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".exampdf-", dir=target.parent))
    try:
        yield staging
        target.mkdir(exist_ok=True)
        for item in sorted(staging.rglob("*")):
            if item.is_file():
                dest = target / item.relative_to(staging)
                dest.parent.mkdir(parents=True, exist_ok=True)
                os.replace(item, dest)  # atomic per file on one file system
    finally:
        shutil.rmtree(staging, ignore_errors=True)
