"""Markdown images: only PNG/JPEG files inside the bank folder, checked before drawing."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field, replace
from pathlib import Path

from exampdf.diagnostics import Diagnostic, error
from exampdf.i18n import Msg, msg
from exampdf.model import Block, Choice, Image, Inline, Question, walk

MAX_IMAGE_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 40_000_000  # a 300 dpi A3 page is 17.4 Mpx; beyond this is a decompression bomb
MAGIC = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")  # two letters or more: not C:\\


@dataclass
class ImageCheck:
    """Where one question's images may come from, and what was found wrong."""

    question_file: Path
    bank_root: Path
    allow_outside: bool = False
    source: str = ""
    diags: list[Diagnostic] = field(default_factory=list)


def resolve_images(question: Question, check: ImageCheck) -> tuple[Question, list[Diagnostic]]:
    """The question with every usable image's `file` set, and an E108 for every other image."""
    check.source = question.source
    stem = _blocks(question.stem, check)
    choices = walk.same(tuple(_choice(c, check) for c in question.choices), question.choices)
    explanation = _blocks(question.explanation, check)
    model_answer = _blocks(question.model_answer, check)
    if (stem, choices, explanation, model_answer) == (
        question.stem,
        question.choices,
        question.explanation,
        question.model_answer,
    ):
        return question, check.diags  # no image set: nothing was rebuilt
    q = replace(
        question, stem=stem, choices=choices, explanation=explanation, model_answer=model_answer
    )
    return q, check.diags


# The walker hands back its argument itself when no image in it changed, so a question
# without images is walked once and nothing is copied or compared.


def _choice(c: Choice, check: ImageCheck) -> Choice:
    content = _inlines(c.content, c.line, check)
    return c if content is c.content else replace(c, content=content)


def _blocks(blocks: tuple[Block, ...], check: ImageCheck) -> tuple[Block, ...]:
    return walk.map_blocks(blocks, lambda span: _inlines(span.inlines, span.line, check))


def _inlines(nodes: tuple[Inline, ...], line: int, check: ImageCheck) -> tuple[Inline, ...]:
    return walk.map_inlines(nodes, lambda n: _image(n, line, check) if isinstance(n, Image) else n)


def _image(node: Image, line: int, check: ImageCheck) -> Image:
    found, problem = locate(node.src, check)
    if found is not None:
        problem = inspect(found)
    if problem is not None:
        message = msg("E108", src=node.src, problem=problem)
        check.diags.append(error("E108", message, check.source, line))
        return node
    return replace(node, file=str(found))


def locate(src: str, check: ImageCheck) -> tuple[Path | None, Msg | None]:
    """The image's real path (symlinks resolved), or why it may not be read."""
    if not src:
        return None, msg("image.unnamed")
    if _SCHEME.match(src):
        return None, msg("image.url")
    path = Path(src)
    if path.is_absolute() and not check.allow_outside:
        return None, msg("image.absolute")
    try:
        real = (check.question_file.parent / path).resolve(strict=True)
    except (OSError, RuntimeError):
        return None, msg("image.missing")
    if not check.allow_outside and not real.is_relative_to(check.bank_root.resolve()):
        return None, msg("image.outside")
    if not real.is_file():
        return None, msg("image.not_file")
    return real, None


def inspect(path: Path) -> Msg | None:
    """Why this file cannot be printed as an image (None when it can)."""
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(8)
    except OSError as exc:
        return msg("image.unreadable", reason=exc.strerror)
    if size > MAX_IMAGE_BYTES:
        return msg("image.large", mib=MAX_IMAGE_BYTES // 2**20)
    if not any(head.startswith(m) for m in MAGIC):
        return msg("image.kind")
    return _decode_check(path)


def _decode_check(path: Path) -> Msg | None:
    """Pillow reads the header and checks the data, with a pixel limit against bombs."""
    from PIL import Image as Pil  # only banks with images need it: not imported at every start

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Pil.DecompressionBombWarning)
            with Pil.open(path) as im:
                if im.width * im.height > MAX_PIXELS:
                    return msg("image.pixels", width=im.width, height=im.height)
                im.verify()
    except (Pil.DecompressionBombError, Pil.DecompressionBombWarning):
        return msg("image.bomb")
    except Exception as exc:  # Pillow raises many types for broken files
        return msg("image.broken", kind=type(exc).__name__)
    return None


def bank_root(file: Path, group: str) -> Path:
    """The bank folder a question file was found in (its folder, minus the section subfolders)."""
    root = file.parent
    for _ in Path(group).parts if group else ():
        root = root.parent
    return root
