"""Small modules: none over ~300 lines (a god module is what the design avoids)."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "exampdf"
LIMIT = 330  # ~300, with room for a docstring; a module past it holds a second concern


def test_no_module_is_a_god_module() -> None:
    sizes = {p: len(p.read_text(encoding="utf-8").splitlines()) for p in PACKAGE.rglob("*.py")}
    assert {str(p.relative_to(PACKAGE)): n for p, n in sizes.items() if n > LIMIT} == {}
