"""The plain specs each stage takes, built from ExamConfig here so the whole config stays above
the renderers: versions get a VersionSpec, the exam layout an ExamSpec, the keys a KeySpec,
the answer sheets a SheetSpec."""

from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING, TypeVar

from exampdf.config import ExamConfig
from exampdf.layout import ExamSpec, PageGeometry, exam_columns, geometry
from exampdf.model.student import Student
from exampdf.sheets.spec import SheetSpec
from exampdf.versions import VersionSpec

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

    from exampdf.render.keyset import KeySpec

S = TypeVar("S", bound="DataclassInstance")  # a frozen dataclass spec


def version_spec(config: ExamConfig, students: tuple[Student, ...]) -> VersionSpec:
    return VersionSpec(
        config.version_count, config.seed, config.shuffle, config.sections, students, config.balance
    )


def exam_spec(config: ExamConfig) -> ExamSpec:
    return _taken(ExamSpec, config)


def exam_page(config: ExamConfig) -> PageGeometry:
    columns = exam_columns(config.paper, config.orientation, config.columns, config.base_size)
    return geometry(config.paper, config.orientation, columns)


def key_spec(config: ExamConfig) -> KeySpec:
    from exampdf.render.keyset import KeySpec  # the key writer: not needed to read the bank

    return _taken(KeySpec, config)


def sheet_spec(config: ExamConfig) -> SheetSpec:
    return _taken(SheetSpec, config)


def _taken(spec: type[S], config: ExamConfig) -> S:
    """A spec whose every field is the config's setting of the same name (the specs name their
    fields as ExamConfig does, so a field added to a spec is filled without more code here)."""
    return spec(**{f.name: getattr(config, f.name) for f in fields(spec)})
