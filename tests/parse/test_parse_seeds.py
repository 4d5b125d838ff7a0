"""The two real seed files parse as their authors meant (skipped without ../shared/seeds)."""

from __future__ import annotations

from pathlib import Path

import pytest

from exampdf.model import CodeBlock, Heading, Strong, Table, Text, plain_text
from exampdf.parse import parse_bank, parse_file

SEEDS = Path(__file__).parents[3] / "shared" / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is absent")


def test_seed_single_answer() -> None:
    result = parse_file(SEEDS / "000_b79a8dc450aa906e.txt")
    assert result.diagnostics == ()
    (q,) = result.bank.questions
    assert (q.id, q.title, q.kind, q.answer) == (
        "000_b79a8dc450aa906e",
        "ファインチューニング - 四択問題1",
        "single",
        (2,),
    )
    assert [c.letter for c in q.choices] == ["A", "B", "C", "D"]
    assert [c.line for c in q.choices] == [7, 8, 9, 10]
    assert q.stem[0].inlines[1] == Strong((Text("ファインチューニング（Fine-tuning）"),))  # type: ignore[union-attr]
    assert any(isinstance(b, CodeBlock) and b.lang == "python" for b in q.explanation)
    headings = [plain_text(b.inlines) for b in q.explanation if isinstance(b, Heading)]
    assert "各選択肢の解説" in headings


def test_seed_multi_answer_with_adjacent_options() -> None:
    result = parse_file(SEEDS / "002_bcbfb2970cfcab9a.txt")
    assert result.diagnostics == ()
    (q,) = result.bank.questions
    assert q.kind == "multi"
    assert q.answer == (0, 1, 2, 3, 4, 5)
    assert [(c.letter, c.line) for c in q.choices][-2:] == [("E", 15), ("F", 16)]
    assert plain_text(q.choices[5].content) == "DoRA（Weight-Decomposed Low-Rank Adaptation）"
    assert not any(isinstance(b, Table) for b in q.explanation)


def test_seed_folder_as_a_bank() -> None:
    result = parse_bank([SEEDS])
    assert result.ok
    assert [q.id for q in result.bank.questions] == ["000_b79a8dc450aa906e", "002_bcbfb2970cfcab9a"]
    assert all(not Path(s).is_absolute() for s in result.bank.files)
    assert all(q.group == "" for q in result.bank.questions)
