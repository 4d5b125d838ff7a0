"""Seeded selection and shuffling: which questions each version prints, and in which order."""

from exampdf.versions.build import VersionSpec, build_versions
from exampdf.versions.types import ExamVersion, VersionItem, version_code

__all__ = ["ExamVersion", "VersionItem", "VersionSpec", "build_versions", "version_code"]
