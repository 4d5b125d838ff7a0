"""Every tests/parse/fixtures/parse/*.md is a test: its parse must equal the .json dump beside it.

Regenerate the dumps with `EXAMPDF_REGEN=1 pytest tests/parse/test_parse_fixtures.py`, then read the
diff of every .json file before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from exampdf.model import to_dict
from exampdf.parse import parse_bytes

FIXTURES = Path(__file__).parent / "fixtures" / "parse"
CASES = sorted(FIXTURES.glob("*.md"))


def dump(path: Path) -> dict[str, Any]:
    question, diags = parse_bytes(path.read_bytes(), path.name, "", path.stem)
    return {
        "diagnostics": [{k: v for k, v in d.as_dict().items() if k != "path"} for d in diags],
        "question": to_dict(question),
    }


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_fixture(path: Path) -> None:
    expected_path = path.with_suffix(".json")
    actual = dump(path)
    if os.environ.get("EXAMPDF_REGEN"):
        text = json.dumps(actual, ensure_ascii=False, indent=1) + "\n"
        expected_path.write_text(text, encoding="utf-8")
    assert expected_path.exists(), f"run EXAMPDF_REGEN=1 to create {expected_path.name}"
    assert actual == json.loads(expected_path.read_text(encoding="utf-8"))


def test_every_diagnostic_fixture_reports_its_code() -> None:
    """diag_<CODE>_*.md must report <CODE>, and at a real line unless it concerns the file."""
    for path in FIXTURES.glob("diag_*.md"):
        code = path.stem.split("_")[1]
        found = [d for d in dump(path)["diagnostics"] if d["code"] == code]
        assert found, f"{path.name} does not report {code}"
        assert all(d["line"] >= 1 for d in found), path.name
