"""Seeded selection and shuffling: which questions each version prints, and in which order."""

from exampdf.versions.balance import Spread, answer_spread
from exampdf.versions.build import VersionBuilder, VersionSpec, build_versions
from exampdf.versions.types import ExamVersion, VersionItem, version_code

__all__ = [
    "ExamVersion",
    "Spread",
    "VersionBuilder",
    "VersionItem",
    "VersionSpec",
    "answer_spread",
    "build_versions",
    "version_code",
]
