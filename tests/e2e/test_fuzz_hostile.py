"""A short, fixed slice of bench/fuzz.py: hostile banks, names, links, limits and grading
input through every command, never a traceback (the long run: `python bench/fuzz.py`)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import fuzz


@pytest.mark.parametrize("index", range(24))
def test_fuzz_case_ends_cleanly(
    index: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EXAMPDF_NO_CACHE", "1")
    case = fuzz.make_case(2026, index)
    assert fuzz.run_case(case, tmp_path / "case", limit=60) == "", case.describe()


def test_every_family_and_command_is_in_the_slice() -> None:
    cases = [fuzz.make_case(2026, i) for i in range(24)]
    families = {c.family.split("-")[0] for c in cases}
    assert families == {"limit", "page", "names", "links", "grade", "config"}
    commands = {c.command[0] for c in cases}
    assert commands >= {"check", "make", "export", "preview", "grade"}
