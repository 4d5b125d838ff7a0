"""StoryFrame: a Frame without Python attribute hooks that keeps Frame's geometry behaviour."""

from __future__ import annotations

from typing import Any

import pytest
from reportlab.platypus import Frame
from reportlab.platypus.frames import _geomAttr

from exampdf.pdf.docslice import StoryFrame

ARGS: dict[str, Any] = {"leftPadding": 0, "rightPadding": 2, "topPadding": 3, "bottomPadding": 4}


def _pair() -> tuple[Frame, StoryFrame]:
    return Frame(10, 20, 300, 400, id="c", **ARGS), StoryFrame(10, 20, 300, 400, id="c", **ARGS)


def test_every_geometry_attribute_reads_and_sets_as_a_frames() -> None:
    assert set(_geomAttr) == {"x1", "y1", "width", "height", *ARGS}
    plain, fast = _pair()
    assert vars(fast) == vars(plain)
    for i, name in enumerate(_geomAttr):
        assert getattr(fast, name) == getattr(plain, name)
        setattr(plain, name, 7.5 + i)
        setattr(fast, name, 7.5 + i)
        assert vars(fast) == vars(plain)  # the derived geometry (_aW, _y, …) recomputed too
    fast.anything = plain.anything = 1
    assert vars(fast) == vars(plain)


def test_generated_content_is_asked_without_a_miss(monkeypatch: pytest.MonkeyPatch) -> None:
    def miss(frame: Frame, name: str) -> Any:
        raise AssertionError(name)

    _, fast = _pair()
    monkeypatch.setattr(Frame, "__getattr__", miss)
    assert getattr(fast, "_generated_content", None) is None
    fast.add_generated_content("a", "b")
    assert getattr(fast, "_generated_content", None) == ["a", "b"]
    del fast._generated_content
    assert getattr(fast, "_generated_content", None) is None
