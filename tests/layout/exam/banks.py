"""Banks the exam layout's tests build in a temporary folder: `make` arguments for each."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "questions"


def picks_bank(tmp_path: Path, varied: Path) -> tuple[str, ...]:
    """The bank of `varied` in two groups, three of the second picked per version."""
    bank = tmp_path / "bank"
    for i, f in enumerate(sorted(varied.glob("*.md"))):
        part = bank / ("part1" if i % 2 else "part2")
        part.mkdir(parents=True, exist_ok=True)
        shutil.copy(f, part / f.name)
    toml = tmp_path / "exam.toml"
    toml.write_text('[[sections]]\ngroup = "part1"\n[[sections]]\ngroup = "part2"\npick = 3\n')
    return (str(bank), "--config", str(toml))


def long_question_bank(tmp_path: Path) -> tuple[str, ...]:
    """Six sample questions, then per version either a seventh or one taller than a column
    (28 paragraphs), on B4 over six versions."""
    bank = tmp_path / "bank"
    (bank / "part").mkdir(parents=True)
    (bank / "long").mkdir()
    files = sorted(SAMPLE.glob("*.md"))
    for f in files[:6]:
        shutil.copy(f, bank / "part" / f.name)
    shutil.copy(files[6], bank / "long" / files[6].name)  # the long one or this, per version
    return with_long_question(bank, tmp_path / "exam.toml")


def with_long_question(bank: Path, toml: Path) -> tuple[str, ...]:
    """`bank`'s group "long" given a question taller than a column (28 paragraphs), one of
    the group picked per version (varied), on B4 over six versions."""
    long = "長い問題文の段落です。" * 12
    stem = "\n\n".join(f"{i}: {long}" for i in range(28))
    (bank / "long" / "zz_long.md").write_text(
        f"# 長い問題\n\n## 問題\n{stem}\n\n## 選択肢\nA. 一\nB. 二\n\n## 正解\nA\n", "utf-8"
    )
    toml.write_text(
        '[[sections]]\ngroup = "part"\n[[sections]]\ngroup = "long"\npick = 1\nvary = true\n'
    )
    return (str(bank), "--config", str(toml), "--versions", "6", "--paper", "B4")
