"""`write_starter`: the starter bank parses cleanly and holds one question of each kind."""

from __future__ import annotations

from pathlib import Path

from exampdf.parse import parse_bank
from exampdf.starter import write_starter


def test_starter_bank_is_clean_and_complete(tmp_path: Path) -> None:
    folder = tmp_path / "new"
    written = write_starter(folder)
    assert sorted(p.relative_to(folder).as_posix() for p in written) == [
        "exam.toml",
        "questions/q01_single.md",
        "questions/q02_multi.md",
        "questions/q03_written.md",
    ]
    assert 'title = "' in (folder / "exam.toml").read_text(encoding="utf-8")
    result = parse_bank([folder / "questions"])
    assert result.diagnostics == ()
    kinds = [q.kind for q in result.bank.questions]
    assert kinds == ["single", "multi", "written"]
    single, multi, written_q = result.bank.questions
    assert single.pinned == (3,) and single.answer == (1,)
    assert multi.answer == (0, 2)
    assert written_q.answer_lines == 6 and written_q.model_answer


def test_starter_never_overwrites(tmp_path: Path) -> None:
    (tmp_path / "exam.toml").write_text('title = "mine"\n', encoding="utf-8")
    written = write_starter(tmp_path)
    assert tmp_path / "exam.toml" not in written
    assert (tmp_path / "exam.toml").read_text(encoding="utf-8") == 'title = "mine"\n'
