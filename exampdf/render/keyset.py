"""Write every key output into the staging folder: answer-key.pdf, keys/<code>.pdf, key.json
and key.csv (the JSON last, since it records the SHA-256 of the PDFs beside it)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from exampdf import __version__
from exampdf.config import ExamConfig
from exampdf.layout.decor import Decor
from exampdf.layout.keybook import KeyInfo, key_story, version_key_story
from exampdf.layout.optionlabels import option_label
from exampdf.layout.page import geometry
from exampdf.layout.pages import PageInfo
from exampdf.layout.theme import Theme
from exampdf.model import Bank
from exampdf.parse.fingerprint import Fingerprint
from exampdf.render.keyfiles import Provenance, key_csv, key_json, key_manifest
from exampdf.render.pdf import PdfMeta, write_pdf
from exampdf.versions import ExamVersion

EXAM, KEY, KEY_JSON, KEY_CSV, KEYS_DIR = "exam.pdf", "answer-key.pdf", "key.json", "key.csv", "keys"


@dataclass(frozen=True)
class KeyRun:
    """Everything the key outputs need besides the bank and the versions."""

    config: ExamConfig
    theme: Theme
    bank_print: Fingerprint
    spread: tuple[str, ...] = ()


def write_keys(
    stage: Path,
    bank: Bank,
    versions: Sequence[ExamVersion],
    exam_pages: Sequence[PageInfo],
    run: KeyRun,
) -> dict[str, int]:
    """Write the key files into `stage` (exam.pdf is already there); returns name -> pages."""
    config, theme = run.config, run.theme
    g = geometry(config.paper)
    style = config.label_style
    info = KeyInfo(
        title=config.title,
        seed=config.seed,
        fingerprint=run.bank_print.sha256,
        date=config.date,
        tool=__version__,
        spread=run.spread,
        label=lambda pos: option_label(pos, style),
    )
    decor = Decor(g, theme, config.title, "解答・解説")
    meta = PdfMeta(title=f"{config.title} 解答・解説", font=theme.fonts.body)
    pages = {
        KEY: len(
            write_pdf(
                stage / KEY, key_story(bank, versions, info, theme, g.frame_width), g, decor, meta
            )
        )
    }
    if config.key_per_version:
        (stage / KEYS_DIR).mkdir()
        for v in versions:
            name = f"{KEYS_DIR}/{v.code}.pdf"
            story = version_key_story(bank, v, info, theme, g.frame_width)
            vmeta = PdfMeta(title=f"{config.title} {v.code}版 解答・解説", font=theme.fonts.body)
            pages[name] = len(write_pdf(stage / name, story, g, decor, vmeta))
    provenance = Provenance(
        tool=__version__,
        bank=run.bank_print,
        files={name: _sha256(stage / name) for name in (EXAM, *pages)},
        balance=config.balance,
        picks=config.sections,
    )
    manifest = key_manifest(
        bank, versions, exam_pages, config.title, config.seed, config.shuffle, provenance
    )
    (stage / KEY_JSON).write_text(key_json(manifest), encoding="utf-8")
    (stage / KEY_CSV).write_text(key_csv(manifest), encoding="utf-8")
    return pages


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
