"""Fixtures the exam layout tests share."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def roster(tmp_path: Path) -> Path:
    path = tmp_path / "roster.csv"
    path.write_text("id,name\n2024001,山田 太郎\n2024002,佐藤 花子\n2024003,鈴木 一郎\n", "utf-8")
    return path
