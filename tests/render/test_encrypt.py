"""Password protection of a written PDF: AES-256 through pypdf, in place."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from reportlab.pdfgen.canvas import Canvas

from exampdf.render.encrypt import encrypt_pdfs


def _pdf(path: Path) -> Path:
    canvas = Canvas(str(path), invariant=1)
    canvas.drawString(72, 720, "answer key")
    canvas.save()
    return path


def test_files_open_only_with_the_password(tmp_path: Path) -> None:
    paths = [_pdf(tmp_path / "a.pdf"), _pdf(tmp_path / "b.pdf")]
    encrypt_pdfs(paths, "秘密pw")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf", "b.pdf"]  # no temp left
    for path in paths:
        reader = pypdf.PdfReader(path)
        assert reader.is_encrypted
        encryption = reader.trailer["/Encrypt"]
        assert (encryption["/V"], encryption["/R"]) == (5, 6)  # AES-256, PDF 2.0 handler
        assert reader.decrypt("wrong") == pypdf.PasswordType.NOT_DECRYPTED
        assert reader.decrypt("秘密pw") != pypdf.PasswordType.NOT_DECRYPTED
        assert "answer key" in reader.pages[0].extract_text()


def test_an_empty_password_is_refused_and_the_file_left_alone(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "a.pdf")
    before = path.read_bytes()
    with pytest.raises(ValueError):
        encrypt_pdfs([path], "")
    assert path.read_bytes() == before
