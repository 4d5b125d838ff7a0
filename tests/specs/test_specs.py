"""specs.py: each stage's spec carries exactly the settings of the same name."""

from __future__ import annotations

import dataclasses

import pytest

from exampdf.config import ExamConfig
from exampdf.specs import exam_spec, key_spec, sheet_spec


@pytest.mark.parametrize("build", [exam_spec, key_spec, sheet_spec])
def test_every_spec_field_is_the_setting_of_that_name(build: object) -> None:
    config = dataclasses.replace(
        ExamConfig(), title="期末考査", seed=7, paper="B5", label_style="ア", cover=True
    )
    spec = build(config)  # type: ignore[operator]
    for f in dataclasses.fields(spec):
        assert getattr(spec, f.name) == getattr(config, f.name), f.name
