"""The make pipeline: bank files -> parse -> versions -> layout -> PDF and key files."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from exampdf.diagnostics import Diagnostic, has_errors
from exampdf.layout.decor import Decor
from exampdf.layout.exam import exam_story
from exampdf.layout.fonts import FontChoice
from exampdf.layout.keybook import key_story
from exampdf.layout.page import geometry
from exampdf.layout.theme import make_theme
from exampdf.parse import parse_bank
from exampdf.render.keyfiles import key_csv, key_json, key_manifest
from exampdf.render.output import staged_output
from exampdf.render.pdf import PdfMeta, write_pdf
from exampdf.versions import VersionSpec, build_versions

DEFAULT_TITLE = "確認テスト"
DEFAULT_SEED = 20240401
EXAM, KEY, KEY_JSON, KEY_CSV = "exam.pdf", "answer-key.pdf", "key.json", "key.csv"


@dataclass(frozen=True)
class MakeOptions:
    inputs: tuple[Path, ...] = (Path("questions"),)
    out: Path = Path("out")
    shuffle: bool = False
    versions: int | None = None  # default: 4 when shuffling, else 1
    seed: int = DEFAULT_SEED
    title: str = DEFAULT_TITLE
    paper: str = "A4"
    font: FontChoice = "mincho"
    strict: bool = False


@dataclass(frozen=True)
class MakeResult:
    diagnostics: tuple[Diagnostic, ...]
    written: tuple[Path, ...] = ()
    pages: dict[str, int] = field(default_factory=dict)
    versions: int = 0
    questions: int = 0

    @property
    def ok(self) -> bool:
        return bool(self.written)


def make(options: MakeOptions) -> MakeResult:
    parsed = parse_bank(options.inputs)
    diags = tuple(parsed.diagnostics)
    bank = parsed.bank
    if has_errors(diags, options.strict):
        return MakeResult(diags)
    count = options.versions or (4 if options.shuffle else 1)
    versions = build_versions(bank, VersionSpec(count, options.seed, options.shuffle))
    theme = make_theme(options.font)
    g = geometry(options.paper)
    meta = PdfMeta(title=options.title, font=theme.fonts.body)
    with staged_output(options.out) as stage:
        exam_pages = write_pdf(
            stage / EXAM,
            exam_story(bank, versions, options.title, theme),
            g,
            Decor(g, theme, options.title, ""),
            meta,
        )
        key_pages = write_pdf(
            stage / KEY,
            key_story(bank, versions, options.title, options.seed, theme),
            g,
            Decor(g, theme, options.title, "解答・解説"),
            PdfMeta(title=f"{options.title} 解答・解説", font=theme.fonts.body),
        )
        manifest = key_manifest(
            bank, versions, exam_pages, options.title, options.seed, options.shuffle
        )
        (stage / KEY_JSON).write_text(key_json(manifest), encoding="utf-8")
        (stage / KEY_CSV).write_text(key_csv(manifest), encoding="utf-8")
    written = tuple(options.out / name for name in (EXAM, KEY, KEY_JSON, KEY_CSV))
    return MakeResult(
        diags,
        written,
        {EXAM: len(exam_pages), KEY: len(key_pages)},
        len(versions),
        len(bank.questions),
    )


def inputs_or_default(paths: Sequence[Path]) -> tuple[Path, ...]:
    return tuple(paths) or (Path("questions"),)
