"""Runs as memo keys: with_text is replace(text=…), and equality still looks at every field."""

from __future__ import annotations

from dataclasses import fields, replace

from exampdf.layout.text.jparagraph import ParaStyle
from exampdf.layout.text.textrun import Run, with_text

FULL = Run(
    "漢字",
    "exampdf-gothic",
    9.5,
    (0.1, 0.2, 0.3),
    (0.9, 0.9, 0.9),
    "https://x",
    True,
    "かんじ",
    "x^2",
    True,
)


def test_every_field_of_the_sample_run_is_set() -> None:
    plain = Run("", "", 0.0)
    assert all(getattr(FULL, f.name) != getattr(plain, f.name) for f in fields(Run))


def test_with_text_is_replace_of_the_text() -> None:
    for text in ("", "a", "出題位置"):
        new = with_text(FULL, text)
        assert new == replace(FULL, text=text)
        assert repr(new) == repr(replace(FULL, text=text))
        assert hash(new) == hash(replace(FULL, text=text))
    assert FULL.text == "漢字"  # the original is left as it was


def test_runs_and_styles_differing_in_any_field_are_different_keys() -> None:
    plain = Run("仮", "exampdf-mincho", 9.0)
    for f in fields(Run):  # the hash leaves most fields out: equality must not
        other = replace(plain, **{f.name: getattr(FULL, f.name)})
        assert other != plain and len({plain, other}) == 2
    style = ParaStyle(12.0)
    for changed in (
        replace(style, right_indent=3.0),
        replace(style, space_before=1.0),
        replace(style, space_after=1.0),
        replace(style, hanging=True),
        replace(style, phrases=True),
    ):
        assert len({style, changed}) == 2
