"""docs/architecture.md lists every module of the package, with its docstring's first line."""

from __future__ import annotations

from tests.architecture.tree import current, tree


def test_the_documented_tree_is_the_package() -> None:
    assert current() == tree(), "run `python -m tests.architecture.tree --write`"
