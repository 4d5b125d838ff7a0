"""Password protection for answer-key.pdf: AES-256 through pypdf, rewritten in place."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


def encrypt_pdf(path: Path, password: str) -> None:
    """Encrypt `path` with AES-256 (PDF 2.0 standard security handler, R6).

    Without the password the file cannot be opened at all. The output differs from run to
    run (random salts and IVs), unlike every unencrypted output.
    """
    from pypdf import PdfReader, PdfWriter  # only runs that encrypt pay for importing pypdf

    if not password:
        raise ValueError("an empty password would protect nothing")
    writer = PdfWriter(clone_from=PdfReader(path))
    writer.encrypt(user_password=password, owner_password=None, algorithm="AES-256")
    tmp = path.with_name(path.name + ".enc")
    with tmp.open("wb") as f:
        writer.write(f)
    tmp.replace(path)


def encrypt_pdfs(paths: Sequence[Path], password: str) -> None:
    for path in paths:
        encrypt_pdf(path, password)
