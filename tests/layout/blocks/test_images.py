"""Images: only PNG/JPEG files inside the bank are drawn; anything else is E108 at file:line."""

from __future__ import annotations

import os
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image as Pil

from exampdf.config import ExamConfig
from exampdf.layout.page.paper import geometry
from exampdf.model import Image, Paragraph
from exampdf.parse import parse_bank
from exampdf.pipeline import make

STEM_LINE = 4


def write_question(folder: Path, image_md: str, name: str = "q.md") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    text = (
        f"# 図の問題\n\n## 問題\n{image_md}\n\n次の図を見て答えよ。\n\n"
        "## 選択肢\nA. 一\nB. 二\n\n## 正解\nA\n\n## 解説\n説明\n"
    )
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


def png(path: Path, size: tuple[int, int] = (40, 30), mode: str = "RGB") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Pil.new(mode, size, "white" if mode == "RGB" else 1).save(path, "PNG")
    return path


def image_errors(bank: Path, allow: bool = False) -> list[tuple[int, str]]:
    result = parse_bank([bank], allow_outside_images=allow)
    return [(d.line, d.message) for d in result.diagnostics if d.code == "E108"]


def test_image_inside_the_bank_is_resolved(tmp_path: Path) -> None:
    png(tmp_path / "bank" / "figs" / "a.png")
    write_question(tmp_path / "bank", "![図1](figs/a.png)")
    result = parse_bank([tmp_path / "bank"])
    stem = result.bank.questions[0].stem[0]
    assert isinstance(stem, Paragraph) and isinstance(stem.inlines[0], Image)
    assert Path(stem.inlines[0].file) == (tmp_path / "bank" / "figs" / "a.png").resolve()


def test_image_next_to_a_question_in_a_section_subfolder(tmp_path: Path) -> None:
    png(tmp_path / "bank" / "ch1" / "a.png")
    write_question(tmp_path / "bank" / "ch1", "![図](a.png)")
    assert image_errors(tmp_path / "bank") == []


@pytest.mark.parametrize(
    ("src", "why"),
    [
        ("../outside.png", "outside the bank folder"),
        ("figs/../../outside.png", "outside the bank folder"),
        ("missing.png", "no such file"),
        ("https://example.com/a.png", "not URLs"),
    ],
)
def test_forbidden_or_missing_images(tmp_path: Path, src: str, why: str) -> None:
    png(tmp_path / "outside.png")
    (tmp_path / "bank" / "figs").mkdir(parents=True)
    write_question(tmp_path / "bank", f"![x]({src})")
    [(line, message)] = image_errors(tmp_path / "bank")
    assert line == STEM_LINE
    assert why in message


def test_file_url_is_not_even_an_image(tmp_path: Path) -> None:
    write_question(tmp_path / "bank", "![x](file:///etc/passwd)")  # markdown-it refuses file:
    result = parse_bank([tmp_path / "bank"])
    stem = result.bank.questions[0].stem[0]
    assert isinstance(stem, Paragraph)
    assert not any(isinstance(n, Image) for n in stem.inlines)


def test_absolute_path_is_refused(tmp_path: Path) -> None:
    target = png(tmp_path / "bank" / "a.png")
    write_question(tmp_path / "bank", f"![x]({target.as_posix()})")
    [(_, message)] = image_errors(tmp_path / "bank")
    assert "absolute" in message


def test_symlink_out_of_the_bank_is_refused(tmp_path: Path) -> None:
    png(tmp_path / "secret.png")
    (tmp_path / "bank").mkdir()
    os.symlink(tmp_path / "secret.png", tmp_path / "bank" / "link.png")
    write_question(tmp_path / "bank", "![x](link.png)")
    [(_, message)] = image_errors(tmp_path / "bank")
    assert "outside the bank folder" in message


def test_allow_outside_images_permits_them(tmp_path: Path) -> None:
    png(tmp_path / "outside.png")
    write_question(tmp_path / "bank", "![x](../outside.png)")
    assert image_errors(tmp_path / "bank", allow=True) == []


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"GIF89a" + b"\0" * 40, "not a PNG or JPEG"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "not a PNG or JPEG"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 20, "broken image data"),
    ],
    ids=["gif", "svg", "truncated-png"],
)
def test_bad_image_files(tmp_path: Path, content: bytes, why: str) -> None:
    (tmp_path / "bank").mkdir()
    (tmp_path / "bank" / "a.png").write_bytes(content)
    write_question(tmp_path / "bank", "![x](a.png)")
    [(_, message)] = image_errors(tmp_path / "bank")
    assert why in message


def test_decompression_bomb_is_refused(tmp_path: Path) -> None:
    png(tmp_path / "bank" / "bomb.png", (10_000, 10_000), mode="1")  # 100 Mpx, ~15 KB
    assert (tmp_path / "bank" / "bomb.png").stat().st_size < 1_000_000
    write_question(tmp_path / "bank", "![x](bomb.png)")
    [(_, message)] = image_errors(tmp_path / "bank")
    assert "too large" in message or "decompression bomb" in message


def _build(tmp_path: Path, image_md: str) -> Path:
    write_question(tmp_path / "bank", image_md)
    result = make([tmp_path / "bank"], tmp_path / "out", ExamConfig())
    assert result.ok, [d.human() for d in result.diagnostics]
    return tmp_path / "out" / "exam.pdf"


def test_wide_image_is_drawn_shrunk_to_the_frame(tmp_path: Path) -> None:
    png(tmp_path / "bank" / "wide.png", (3000, 300))  # 2250 pt wide at 96 dpi
    pdf = _build(tmp_path, "![横長](wide.png)")
    with pdfplumber.open(pdf) as doc:
        [img] = doc.pages[0].images
    assert img["width"] <= geometry("A4").frame_width + 0.5
    assert img["width"] == pytest.approx(img["height"] * 10, rel=0.01)


def test_small_image_is_not_enlarged(tmp_path: Path) -> None:
    png(tmp_path / "bank" / "small.png", (96, 48))  # one inch wide at 96 dpi
    pdf = _build(tmp_path, "![小](small.png)")
    with pdfplumber.open(pdf) as doc:
        [img] = doc.pages[0].images
    assert img["width"] == pytest.approx(72, abs=0.5)


def test_image_inside_a_sentence_prints_its_alt_text(tmp_path: Path) -> None:
    png(tmp_path / "bank" / "a.png")
    pdf = _build(tmp_path, "図 ![グラフ甲](a.png) を見よ。")
    with pdfplumber.open(pdf) as doc:
        page = doc.pages[0]
        assert page.images == []
        assert "グラフ甲" in (page.extract_text() or "")
