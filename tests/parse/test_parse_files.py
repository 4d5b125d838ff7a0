"""Finding and reading files: folders, order, sources, groups, encodings, newlines."""

from __future__ import annotations

from pathlib import Path

import pytest

from exampdf.parse import parse_bank, parse_bytes, parse_file

QUESTION = "# t\n\n## 問題\n問{n}\n\n## 選択肢\nA. 一\nB. 二\n\n## 正解\nA\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    root = tmp_path / "q"
    write(root / "b.md", QUESTION.format(n=1))
    write(root / "a.txt", QUESTION.format(n=2))
    write(root / "ch2" / "c.md", QUESTION.format(n=3))
    write(root / "README.md", "# notes")
    write(root / ".hidden" / "x.md", "junk")
    write(root / ".y.md", "junk")
    write(root / "notes.pdf", "junk")
    return root


def test_folder_order_sources_and_groups(bank: Path) -> None:
    result = parse_bank(["q"])
    assert result.diagnostics == ()
    assert result.bank.files == ("q/a.txt", "q/b.md", "q/ch2/c.md")
    assert [(q.id, q.source, q.group) for q in result.bank.questions] == [
        ("a", "q/a.txt", ""),
        ("b", "q/b.md", ""),
        ("c", "q/ch2/c.md", "ch2"),
    ]


def test_absolute_paths_become_relative_and_files_are_read_once(bank: Path) -> None:
    result = parse_bank([bank, bank / "b.md"])
    assert result.bank.files == ("q/a.txt", "q/b.md", "q/ch2/c.md")


def test_front_matter_group_wins(bank: Path) -> None:
    write(bank / "ch2" / "c.md", "---\ngroup: 応用\n---\n" + QUESTION.format(n=3))
    assert parse_bank(["q"]).bank.questions[-1].group == "応用"


def test_missing_path_and_empty_folder_are_e001(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty").mkdir()
    result = parse_bank(["nope.md", "empty"])
    assert [(d.code, d.path, d.line) for d in result.diagnostics] == [
        ("E001", "nope.md", 0),
        ("E001", "empty", 0),
    ]
    assert not result.ok


def test_error_in_one_file_keeps_the_others(bank: Path) -> None:
    write(bank / "b.md", "# t\n\n## 問題\nq\n\n## 選択肢\nA. 一\nB. 二\n\n## 正解\nZ\n")
    result = parse_bank(["q"])
    assert [q.id for q in result.bank.questions] == ["a", "c"]
    assert [(d.code, d.path, d.line) for d in result.diagnostics] == [("E004", "q/b.md", 11)]
    assert "q/b.md" in result.bank.files


def test_bom_and_crlf() -> None:
    data = "\ufeff" + QUESTION.format(n=1).replace("\n", "\r\n")
    question, diags = parse_bytes(data.encode("utf-8"), "bom.md")
    assert diags == [] and question is not None
    assert question.title == "t" and question.choices[1].line == 8


def test_old_mac_newlines() -> None:
    question, diags = parse_bytes(QUESTION.format(n=1).replace("\n", "\r").encode(), "cr.md")
    assert diags == [] and question is not None and question.answer == (0,)


@pytest.mark.parametrize(
    ("codec", "named"),
    [("cp932", "Shift_JIS (CP932)"), ("euc_jp", "EUC-JP"), ("utf-16", "UTF-16")],
)
def test_non_utf8_names_the_encoding(codec: str, named: str) -> None:
    data = QUESTION.format(n="日本語の問題文です。ひらがなとカタカナ").encode(codec)
    question, diags = parse_bytes(data, "old.md")
    assert question is None
    assert [(d.code, d.severity) for d in diags] == [("E012", "error")]
    assert named in diags[0].message
    assert diags[0].line >= 1


def test_non_utf8_line_points_at_first_bad_byte() -> None:
    data = "# t\n\n## 問題\n".encode() + "日本語".encode("cp932")
    _, diags = parse_bytes(data, "old.md")
    assert (diags[0].code, diags[0].line) == ("E012", 4)
    assert "CP932" in diags[0].hint


def test_parse_file_single(tmp_path: Path) -> None:
    path = write(tmp_path / "one.md", QUESTION.format(n=1))
    result = parse_file(path)
    assert result.ok and len(result.bank.questions) == 1
    assert result.bank.questions[0].source == result.bank.files[0]
