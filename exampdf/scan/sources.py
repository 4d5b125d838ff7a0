"""Scanned pages as grayscale images: PDF pages (their embedded image, at its own
resolution) and image files (PNG, JPEG, TIFF, multi-frame too), with clear errors."""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

Gray = NDArray[np.uint8]
IMAGE_EXTS = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp"}
MAX_PIXELS = 120_000_000  # a 600-dpi A3 page is ~70 MP; more is a mistake or a bomb
RENDER_DPI = 200  # for PDF pages that are not one scanned image


class ScanInputError(Exception):
    """An input that cannot be read: names the file and page."""

    def __init__(self, path: Path, page: int, message: str) -> None:
        where = f"{path}:{page}" if page else str(path)
        super().__init__(f"{where}: {message}")
        self.path, self.page = path, page


@dataclass(frozen=True)
class Page:
    path: Path
    number: int  # 1-based page (or frame) within the file
    image: Gray


def input_files(paths: Sequence[Path]) -> list[Path]:
    """PDFs and images named or inside the named folders, in name order."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            found = sorted(f for f in p.iterdir() if f.suffix.lower() in IMAGE_EXTS | {".pdf"})
            if not found:
                raise ScanInputError(p, 0, "no PDF or image files in this folder")
            out += found
        elif p.is_file():
            out.append(p)
        else:
            raise ScanInputError(p, 0, "no such file or folder")
    return out


def pages_of(path: Path) -> Iterator[Page]:
    if path.read_bytes()[:5] == b"%PDF-":
        yield from _pdf_pages(path)
    elif path.suffix.lower() == ".pdf":
        raise ScanInputError(path, 0, "not a PDF file (it does not start with %PDF-)")
    else:
        yield from _image_pages(path)


def _pdf_pages(path: Path) -> Iterator[Page]:
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        why = "it is password-protected" if "password" in str(exc).lower() else str(exc)
        raise ScanInputError(path, 0, f"cannot open the PDF: {why}") from exc
    try:
        for i in range(len(doc)):
            try:
                yield Page(path, i + 1, _pdf_page_image(doc[i], path, i + 1))
            except pdfium.PdfiumError as exc:
                raise ScanInputError(path, i + 1, f"cannot read the page: {exc}") from exc
    finally:
        doc.close()


def _pdf_page_image(page: object, path: Path, number: int) -> Gray:
    """The one image a copier's page holds, decoded at its own resolution; otherwise the
    page rendered at RENDER_DPI (a PDF made some other way)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    assert isinstance(page, pdfium.PdfPage)
    images = list(page.get_objects(filter=(raw.FPDF_PAGEOBJ_IMAGE,), max_depth=2))
    if len(images) == 1:
        w, h = page.get_size()
        left, bottom, right, top = images[0].get_bounds()
        if (right - left) * (top - bottom) > 0.8 * w * h:
            px, py = images[0].get_px_size()
            _check_size(px * py, path, number)
            bitmap = images[0].get_bitmap(render=False)
            return _gray(bitmap.to_pil(), path, number)
    w, h = page.get_size()
    _check_size(int(w * h * (RENDER_DPI / 72) ** 2), path, number)
    bitmap = page.render(scale=RENDER_DPI / 72, grayscale=True)
    return _gray(bitmap.to_pil(), path, number)


def _image_pages(path: Path) -> Iterator[Page]:
    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with warnings.catch_warnings():  # PIL warns below 2x its limit: _check_size decides
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            im = Image.open(path)
        with im:
            frames = getattr(im, "n_frames", 1)
            for i in range(frames):
                im.seek(i)
                _check_size(im.width * im.height, path, i + 1)
                yield Page(path, i + 1, _gray(im, path, i + 1))
    except UnidentifiedImageError as exc:
        raise ScanInputError(path, 0, "not an image (PNG, JPEG or TIFF) nor a PDF") from exc
    except Image.DecompressionBombError as exc:
        raise ScanInputError(path, 0, f"image too large (over {MAX_PIXELS} pixels)") from exc
    except OSError as exc:
        raise ScanInputError(path, 0, f"cannot decode the image: {exc}") from exc


def _check_size(pixels: int, path: Path, number: int) -> None:
    if pixels > MAX_PIXELS:
        raise ScanInputError(
            path, number, f"image too large ({pixels} pixels, at most {MAX_PIXELS})"
        )


def _gray(im: object, path: Path, number: int) -> Gray:
    from PIL import Image, ImageOps

    assert isinstance(im, Image.Image)
    try:
        im = ImageOps.exif_transpose(im) or im  # phone photos carry their rotation in EXIF
        g = im.convert("L")
        return np.asarray(g, dtype=np.uint8)
    except OSError as exc:
        raise ScanInputError(path, number, f"cannot decode the image: {exc}") from exc
