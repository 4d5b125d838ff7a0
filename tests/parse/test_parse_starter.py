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
        "questions/q04_math.md",
    ]
    assert 'title = "' in (folder / "exam.toml").read_text(encoding="utf-8")
    result = parse_bank([folder / "questions"])
    assert result.diagnostics == ()
    kinds = [q.kind for q in result.bank.questions]
    assert kinds == ["single", "multi", "written", "single"]
    single, multi, written_q, math = result.bank.questions
    assert math.answer == (1,) and "MathBlock" in repr(math.stem)
    assert single.pinned == (3,) and single.answer == (1,)
    assert multi.answer == (0, 2)
    assert written_q.answer_lines == 6 and written_q.model_answer


def test_starter_never_overwrites(tmp_path: Path) -> None:
    (tmp_path / "exam.toml").write_text('title = "mine"\n', encoding="utf-8")
    written = write_starter(tmp_path)
    assert tmp_path / "exam.toml" not in written
    assert (tmp_path / "exam.toml").read_text(encoding="utf-8") == 'title = "mine"\n'


def test_starter_exam_toml_lists_every_common_key_with_its_default(tmp_path: Path) -> None:
    """Issue 16 item 19: exam.toml held only `title`. Every commented key, uncommented,
    must be accepted and equal the default it claims, with a Japanese and English note."""
    import re
    from dataclasses import fields

    from exampdf.config import ExamConfig, SectionPick, load_config

    write_starter(tmp_path)
    text = (tmp_path / "exam.toml").read_text(encoding="utf-8")
    keys = re.findall(r"^(?:# )?(\w+) = .*# .*[ぁ-んァ-ン一-龥].*\s?/ [A-Za-z]", text, re.M)
    common = {f.name for f in fields(ExamConfig)} - {"author"}  # author: PDF metadata only
    assert set(keys) >= common - {"sections"}
    on = re.sub(r"^# (\w+ = )", r"\1", text, flags=re.M).replace("# [[sections]]", "[[sections]]")
    (tmp_path / "all.toml").write_text(on, encoding="utf-8")
    config, diags = load_config(tmp_path / "all.toml")
    assert diags == []
    assert config == ExamConfig(title="小テスト", sections=(SectionPick("基礎"),))
