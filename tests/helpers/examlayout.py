"""Build exam.pdf from an in-memory bank through layout and render only (no parser, no key)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from exampdf.config import ExamConfig
from exampdf.layout.exam.story import exam_rebuild, exam_story
from exampdf.layout.page.decor import Decor
from exampdf.layout.page.pages import PageInfo
from exampdf.layout.page.paper import PageGeometry, exam_columns, geometry
from exampdf.layout.theme import make_theme
from exampdf.model import Bank, Paragraph, Question, Text
from exampdf.render.pdf import PdfMeta, write_pdf
from exampdf.specs import exam_spec
from exampdf.versions import VersionSpec, build_versions


def build_exam(bank: Bank, config: ExamConfig, path: Path) -> tuple[list[PageInfo], PageGeometry]:
    versions = build_versions(bank, VersionSpec(config.version_count, config.seed, config.shuffle))
    theme = make_theme(config.font, config.base_size)
    columns = exam_columns(config.paper, config.orientation, config.columns, config.base_size)
    g = geometry(config.paper, config.orientation, columns)
    meta = PdfMeta(
        config.title, font=theme.fonts.body, first_template="cover" if config.cover else "body"
    )
    pages = write_pdf(
        path,
        exam_story(bank, versions, exam_spec(config), theme, g),
        g,
        Decor(g, theme, config.title, ""),
        meta,
        exam_rebuild(bank, versions, exam_spec(config), theme, g),
    )
    return pages, g


def long_stem(q: Question, paragraphs: int) -> Question:
    text = "長い問題文の段落です。" * 6
    return replace(q, stem=tuple(Paragraph((Text(f"{i}: {text}"),), 3) for i in range(paragraphs)))
