"""Every version's block of a question shares the flowables that print the same in every
version (stem, option texts, labels); what a version changes (order, 「AとB」) stays its own."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from reportlab.platypus import Flowable

from exampdf.layout.exam.options import OptionGrid
from exampdf.layout.exam.question import QuestionStyle, question_block
from exampdf.layout.text.jparagraph import JParagraph
from exampdf.layout.theme import make_theme
from exampdf.model import Choice, CodeBlock, Text
from exampdf.versions.types import VersionItem
from tests.helpers.bankfactory import question

THEME = make_theme()
TEXTS = ("りんご", "みかん", "ぶどう", "もも")


def _question(qid: str, *extra: str) -> Any:
    """Options that mention no option letters (unless `extra` does)."""
    texts = (*TEXTS, *extra)
    choices = tuple(Choice(str(i), "ABCDE"[i], (Text(t),), 5 + i) for i, t in enumerate(texts))
    return replace(question(qid), choices=choices)


def _parts(number: int, q: Any, order: tuple[int, ...]) -> tuple[list[Flowable], OptionGrid]:
    block = question_block(number, q, VersionItem(0, order), THEME, QuestionStyle())
    parts = block.inner.body.parts
    (grid,) = [p for p in parts if isinstance(p, OptionGrid)]
    return parts, grid


def test_stem_and_option_texts_are_shared_between_versions() -> None:
    q = _question("share")
    parts_a, grid_a = _parts(1, q, (0, 1, 2, 3))
    parts_b, grid_b = _parts(7, q, (2, 0, 3, 1))
    assert parts_a[0] is parts_b[0]  # the stem paragraph
    bodies_a = {id(b) for _, b in grid_a.cells}
    assert [b for _, b in grid_b.cells] == [grid_a.cells[i][1] for i in (2, 0, 3, 1)]
    assert {id(b) for _, b in grid_b.cells} == bodies_a
    assert [lab for lab, _ in grid_a.cells] == [lab for lab, _ in grid_b.cells]  # A. B. C. D.


def test_blocks_are_new_per_version_and_wrap_to_the_same_size() -> None:
    q = _question("sizes")
    a = question_block(3, q, VersionItem(0, (0, 1, 2, 3)), THEME)
    b = question_block(3, q, VersionItem(0, (3, 2, 1, 0)), THEME)
    assert a.steady
    assert a is not b and a.inner.body is not b.inner.body
    assert a.wrap(400, 800) == b.wrap(400, 800) == a.wrap(400, 50)


def test_options_citing_options_get_this_versions_letters() -> None:
    q = _question("cite", "AとBの両方")
    _, grid_a = _parts(1, q, (0, 1, 2, 3, 4))
    _, grid_b = _parts(1, q, (2, 1, 0, 3, 4))  # A and C change places
    text_a = "".join(r.text for r in grid_a.cells[4][1].runs)
    text_b = "".join(r.text for r in grid_b.cells[4][1].runs)
    assert (text_a, text_b) == ("AとBの両方", "BとCの両方")


def test_a_stem_with_other_blocks_is_made_per_version() -> None:
    q = _question("code")
    q = replace(q, stem=(*q.stem, CodeBlock("print(1)", "python", 4)))
    parts_a, _ = _parts(1, q, (0, 1, 2, 3))
    parts_b, _ = _parts(1, q, (0, 1, 2, 3))
    assert parts_a[0] is not parts_b[0] and isinstance(parts_a[0], JParagraph)
