"""One synthetic exam (real answer sheets rendered at 300 dpi) shared by the scan tests."""

from __future__ import annotations

import pytest

pytest.importorskip("cv2", reason="exampdf[scan] not installed: pip install 'exampdf[scan]'")
pytest.importorskip("zxingcpp", reason="exampdf[scan] not installed")

from tests.helpers.scansynth import Exam, make_exam


@pytest.fixture(scope="package")
def exam(tmp_path_factory: pytest.TempPathFactory) -> Exam:
    return make_exam(tmp_path_factory.mktemp("exam"), questions=30, versions=3)


@pytest.fixture(scope="package")
def long_exam(tmp_path_factory: pytest.TempPathFactory) -> Exam:
    """More questions than one sheet page holds: a continuation page."""
    return make_exam(tmp_path_factory.mktemp("long"), questions=50, versions=1, paper="B5")
