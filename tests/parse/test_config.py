"""exam.toml: defaults, every bad key or value reported at its line, command-line overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from exampdf.config import ExamConfig, load_config, with_overrides

DOCS = Path(__file__).resolve().parents[2] / "docs" / "config.md"


def _load(tmp_path: Path, text: str) -> tuple[ExamConfig, list[tuple[str, int, str]]]:
    path = tmp_path / "exam.toml"
    path.write_text(text, encoding="utf-8")
    config, diags = load_config(path)
    return config, [(d.code, d.line, d.message) for d in diags]


def test_a_full_file_is_read(tmp_path: Path) -> None:
    config, diags = _load(
        tmp_path,
        'title = "期末考査"\npaper = "B4"\norientation = "landscape"\nlabel_style = "ア"\n'
        'name_fields = ["学籍番号", "氏名"]\ninstructions = ["一", "二"]\ncover = true\n'
        "show_points = true\nanswer-sheet = true\nbase_size = 11\n",
    )
    assert diags == []
    assert (config.paper, config.orientation, config.label_style) == ("B4", "landscape", "ア")
    assert config.name_fields == ("学籍番号", "氏名") and config.instructions == ("一", "二")
    assert config.cover and config.show_points and config.answer_sheet
    assert config.base_size == 11.0 and config.columns == 0


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ('paper = "B3"', "C004"),
        ('orientation = "sideways"', "C004"),
        ("columns = 3", "C004"),
        ('label_style = "a"', "C004"),
        ('font = "serif"', "C004"),
        ("base_size = 40", "C004"),
        ("name_fields = []", "C004"),
        ('cover = "yes"', "C003"),
        ("colums = 2", "C002"),
    ],
)
def test_bad_values_are_diagnostics_at_their_line(tmp_path: Path, line: str, code: str) -> None:
    config, diags = _load(tmp_path, f'title = "t"\n\n{line}\n')
    assert [(c, n) for c, n, _ in diags] == [(code, 3)]
    assert config == ExamConfig(title="t")  # the bad key keeps its default


def test_command_line_wins_but_none_means_not_given() -> None:
    base = ExamConfig(paper="B4", cover=True)
    config = with_overrides(base, paper="A3", cover=None, simplex=True)
    assert (config.paper, config.cover, config.simplex) == ("A3", True, True)


def test_docs_name_every_key_with_its_default() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for name, value in vars(ExamConfig()).items():
        if name == "strict":
            continue
        assert f"`{name}`" in text, name
        if isinstance(value, bool):
            assert f"`{name}` | {str(value).lower()}" in text, name


# Issue 17 item 13: values that were accepted silently.
@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ('school = "x"\ntitle = 123\n', "C003", 2),
        ("title = true\n", "C003", 1),
        ("duration = 50\n", "C003", 1),
        ('title = "t"\n\n[[sections]]\ngroup = "ch1"\npick = -1\n', "C004", 3),
        ('[[sections]]\ngroup = "a"\n\n[[sections]]\ngroup = "b"\npick = 1.5\n', "C003", 4),
        ('[[sections]]\ngroup = "  "\n', "C004", 1),
        ("answer-sheet = true\nanswer_sheet = false\n", "C005", 2),
    ],
)
def test_silently_accepted_values_are_diagnostics(
    tmp_path: Path, text: str, code: str, line: int
) -> None:
    _, diags = _load(tmp_path, text)
    assert [(c, n) for c, n, _ in diags] == [(code, line)]


def test_a_toml_date_is_the_date_text(tmp_path: Path) -> None:
    config, diags = _load(tmp_path, "date = 2024-12-03\n")
    assert diags == [] and config.date == "2024-12-03"


def test_a_section_group_that_names_no_folder_stops_make(tmp_path: Path) -> None:
    from exampdf.pipeline import make

    bank = tmp_path / "bank"
    (bank / "ch1").mkdir(parents=True)
    q = "# t\n\n## 問題\n問\n\n## 選択肢\nA. 一\nB. 二\n\n## 正解\nA\n"
    (bank / "ch1" / "q.md").write_text(q, encoding="utf-8")
    config, diags = _load(tmp_path, '[[sections]]\ngroup = "ch1"\n\n[[sections]]\ngroup = "ch9"\n')
    assert diags == []
    result = make([bank], tmp_path / "out", config)
    assert not result.ok
    (c006,) = [d for d in result.diagnostics if d.code == "C006"]
    assert (c006.path, c006.line) == (str(tmp_path / "exam.toml"), 4)
    assert "'ch9'" in c006.message and "ch1" in c006.hint
