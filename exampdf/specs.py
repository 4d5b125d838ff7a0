"""The plain specs each stage takes, built from ExamConfig here so the whole config stays above
the renderers: versions get a VersionSpec, the exam layout an ExamSpec, the keys a KeySpec,
the answer sheets a SheetSpec."""

from __future__ import annotations

from exampdf.config import ExamConfig
from exampdf.layout import ExamSpec, PageGeometry, exam_columns, geometry
from exampdf.model.student import Student
from exampdf.render.keyset import KeySpec
from exampdf.sheets.spec import SheetSpec
from exampdf.versions import VersionSpec


def version_spec(config: ExamConfig, students: tuple[Student, ...]) -> VersionSpec:
    return VersionSpec(
        config.version_count, config.seed, config.shuffle, config.sections, students, config.balance
    )


def exam_spec(config: ExamConfig) -> ExamSpec:
    return ExamSpec(
        title=config.title,
        subtitle=config.subtitle,
        subject=config.subject,
        school=config.school,
        date=config.date,
        duration=config.duration,
        instructions=config.instructions,
        name_fields=config.name_fields,
        answer_sheet=config.answer_sheet,
        label_style=config.label_style,
        show_points=config.show_points,
        cover=config.cover,
        simplex=config.simplex,
    )


def exam_page(config: ExamConfig) -> PageGeometry:
    columns = exam_columns(config.paper, config.orientation, config.columns, config.base_size)
    return geometry(config.paper, config.orientation, columns)


def key_spec(config: ExamConfig) -> KeySpec:
    return KeySpec(
        title=config.title,
        seed=config.seed,
        shuffle=config.shuffle,
        paper=config.paper,
        date=config.date,
        pdf_author=config.pdf_author,
        label_style=config.label_style,
        key_per_version=config.key_per_version,
        balance=config.balance,
        sections=config.sections,
    )


def sheet_spec(config: ExamConfig) -> SheetSpec:
    return SheetSpec(
        title=config.title,
        paper=config.paper,
        id_digits=config.id_digits,
        label_style=config.label_style,
        name_fields=config.name_fields,
        seed=config.seed,
    )
