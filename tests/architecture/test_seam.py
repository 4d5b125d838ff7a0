"""Only exampdf/pdf/ touches ReportLab's private names; everything else reads as public API.

The private names are collected from ReportLab's own source (every `_name` it defines or
assigns), so the check follows the installed version instead of a hand-kept list.
"""

from __future__ import annotations

import ast
import importlib
from functools import cache
from pathlib import Path

import reportlab

PACKAGE = Path(__file__).resolve().parents[2] / "exampdf"
SEAM = PACKAGE / "pdf"
STDLIB_RECEIVERS = {"os", "sys"}  # os._exit, sys._getframe: not ReportLab's


@cache
def reportlab_private_names() -> frozenset[str]:
    names: set[str] = set()
    for path in Path(reportlab.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_bytes())):
            if isinstance(node, ast.Attribute) and node.attr.startswith("_"):
                names.add(node.attr)
            elif isinstance(node, ast.FunctionDef | ast.ClassDef) and node.name.startswith("_"):
                names.add(node.name)
            elif isinstance(node, ast.Name) and node.id.startswith("_"):
                names.add(node.id)
    return frozenset(n for n in names if not n.startswith("__"))


def private_uses(source: str) -> list[tuple[int, str]]:
    """(line, name) of ReportLab private names used on anything but self/cls (names this
    module gives its own objects excepted), and of `__dict__[…]` pokes."""
    tree = ast.parse(source)
    private = reportlab_private_names() - _own_names(tree)
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in private:
            receiver = node.value
            if isinstance(receiver, ast.Name) and receiver.id in {"self", "cls"}:
                continue
            if isinstance(receiver, ast.Name) and receiver.id in STDLIB_RECEIVERS:
                continue
            found.append((node.lineno, node.attr))
        elif _is_dunder_dict(node) and not _on_self(node):
            found.append((node.lineno, "__dict__"))
    return found


def _own_names(tree: ast.Module) -> set[str]:
    """Private attributes the module sets on self, and its own private functions."""
    own: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            if isinstance(node.value, ast.Name) and node.value.id == "self":
                own.add(node.attr)
        elif isinstance(node, ast.FunctionDef):
            own.add(node.name)
    return own


def overrides(module: str) -> list[str]:
    """Methods of the module's classes that override a private method of a ReportLab base."""
    mod = importlib.import_module(module)
    found = []
    for cls in vars(mod).values():
        if not isinstance(cls, type) or cls.__module__ != module:
            continue
        bases = [b for b in cls.__mro__[1:] if b.__module__.startswith("reportlab")]
        for name in vars(cls):
            private = name.startswith("_") and not name.startswith("__")
            if private and any(name in vars(b) for b in bases):
                found.append(f"{cls.__name__}.{name}")
    return found


def modules() -> list[str]:
    return [
        ".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts)
        for p in sorted(PACKAGE.rglob("*.py"))
        if SEAM not in p.parents and p.name not in ("__main__.py",)
    ]


def _is_dunder_dict(node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "__dict__"


def _on_self(node: ast.Attribute) -> bool:
    return isinstance(node.value, ast.Name) and node.value.id in {"self", "cls"}


def test_no_module_outside_the_seam_names_a_reportlab_private() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: {name}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if SEAM not in path.parents
        for line, name in private_uses(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_no_class_outside_the_seam_overrides_a_reportlab_private_method() -> None:
    assert [o for m in modules() for o in overrides(m)] == []


def test_the_check_sees_what_it_is_for() -> None:
    """The detector itself: a canvas's content list, a frame's cursor and a dict poke are
    found; self's own attributes are not; the seam's Table._drawCell override is found."""
    source = "canvas._code.append('q')\ny = frame._y\ncanvas.__dict__['k'] = 1\n"
    names = [name for _, name in private_uses(source)]
    assert sorted(names) == sorted(["_code", "_y", "__dict__"])
    assert [n for _, n in private_uses("face.__dict__.update(state)\n")] == ["__dict__"]
    assert private_uses("self._y = 0\nrest._y = 1\n") == []  # the module's own attribute
    assert overrides("exampdf.pdf.textgrid") == ["TextGrid._drawCell"]


def test_the_seam_uses_reportlab_privates() -> None:
    """The seam is where they are: if this fails, the detector has gone blind."""
    uses = [u for path in SEAM.rglob("*.py") for u in private_uses(path.read_text("utf-8"))]
    assert len(uses) > 10
