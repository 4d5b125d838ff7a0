"""Anything taller than a page is cut across pages with 「（続く）」 or shrunk to fit — never a
LayoutError — in stems, options, table cells, code, lists and quotes, in every version and
on every paper (issue 17 items 1 and 2); what is shrunk is warned (W112) once per block."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest

from exampdf.config import ExamConfig
from exampdf.diagnostics import Diagnostic
from exampdf.pipeline import make

Q = "# t{n}\n\n## 問題\n{stem}\n\n## 選択肢\n{opts}\n\n## 正解\nB\n\n## 解説\n{expl}\n"
MATRIX = (
    "$$\n\\begin{pmatrix} " + r" \\ ".join(f"x_{{{i}}}" for i in range(90)) + " \\end{pmatrix}\n$$"
)
CELL = "長い" * 1300  # a cell a page and a half tall at half the width
TALL = {
    "table cell": {"stem": f"|a|b|\n|-|-|\n|{CELL}|y|", "expl": f"|a|b|\n|-|-|\n|{CELL}|y|"},
    "option": {"opts": "A. " + "漢" * 2600 + "\nB. 二"},  # 4,990 in the issue
    "emoji option": {"opts": "A. " + "😀" * 1500 + "\nB. 二"},
    "stem": {"stem": "本文" * 1300, "expl": "解説" * 1300},
    "code": {"stem": "```\n" + "\n".join(f"x{i} = {i}" for i in range(120)) + "\n```"},
    "list item": {"stem": "- " + "項目" * 1300},
    "quote": {"stem": "> " + "引用" * 1300},
    "options": {"opts": "A. 短い\nB. " + "乙" * 2600 + "\nC. " + "丙" * 2600},
    "formula": {"stem": MATRIX, "expl": MATRIX},  # never split: shrunk, also in the key
}


# One of each kind for the other papers: a cell too tall even for A3, an option, a stem.
BIG_CELL = "長い" * 2400
SMALL = {
    "table cell": {
        "stem": f"|a|b|\n|-|-|\n|x|y|\n|{BIG_CELL}|y|",
        "expl": f"|a|b|\n|-|-|\n|{BIG_CELL}|y|",
    },
    "option": {"opts": "A. " + "漢" * 4990 + "\nB. 二"},
    "stem": {"stem": "本文" * 2400},  # under the 5,000-character line limit
}


def _write(folder: Path, questions: dict[str, dict[str, str]]) -> Path:
    folder.mkdir()
    for n, parts in enumerate(questions.values()):
        fields = {"stem": f"問{n}", "opts": "A. 一\nB. 二", "expl": "説明", **parts}
        (folder / f"q{n}.md").write_text(Q.format(n=n, **fields), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def bank(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write(tmp_path_factory.mktemp("tall") / "bank", TALL)


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write(tmp_path_factory.mktemp("tall") / "bank", SMALL)


@pytest.mark.parametrize(
    "config",
    [
        ExamConfig(shuffle=True, versions=2),
        ExamConfig(paper="B4", orientation="landscape", shuffle=True, versions=2, cover=True),
    ],
    ids=["A4-2-versions", "B4-landscape-2-columns"],
)
def test_too_tall_for_a_page_is_cut_or_shrunk_never_a_crash(
    bank: Path, tmp_path: Path, config: ExamConfig
) -> None:
    result = make([bank], tmp_path / "out", config)
    assert result.ok, [d.human() for d in result.diagnostics]
    joined = _on_paper(tmp_path / "out" / "exam.pdf")
    assert joined.count("（続く）") >= 4  # stem, options and code continue on the next page
    for piece in ("漢漢漢", "乙乙乙", "丙丙丙", "本文本文", "x119 = 119"):
        assert piece in joined, piece  # cut, not lost


@pytest.mark.parametrize(
    ("paper", "orientation", "key_shrinks"),
    [
        ("B5", "portrait", True),
        ("A3", "portrait", False),  # the key's explanation fits an A3 page whole
        ("A3", "landscape", False),
        ("letter", "portrait", True),
    ],
)
def test_every_paper_cuts_or_shrinks_in_every_version(
    small: Path, tmp_path: Path, paper: str, orientation: str, key_shrinks: bool
) -> None:
    config = ExamConfig(paper=paper, orientation=orientation, shuffle=True, versions=2)
    result = make([small], tmp_path / "out", config)
    assert result.ok, [d.human() for d in result.diagnostics]
    _on_paper(tmp_path / "out" / "exam.pdf")
    with pdfplumber.open(tmp_path / "out" / "exam.pdf") as pdf:
        texts = [p.extract_text() or "" for p in pdf.pages]
    for code in ("A", "B"):  # each version prints everything, cut or shrunk
        mine = "".join(t for t in texts if t.split("\n")[0].endswith(f"{code} 版"))
        assert mine.count("（続く）") >= 2, code  # the stem and the option go on
        for piece in ("漢漢漢", "本文本文", "長い長い", "x y"):
            assert piece in mine, (code, piece)
    lines = [7, 19] if key_shrinks else [7]  # the stem's tall row, the explanation's (key)
    found = [(d.code, Path(d.path).name, d.line) for d in _shrinks(result.diagnostics)]
    assert found == [("W112", "q0.md", line) for line in lines]  # once, not per version


def test_shrunk_blocks_are_warned_once_each_the_same_whatever_jobs(
    bank: Path, tmp_path: Path
) -> None:
    config = ExamConfig(shuffle=True, versions=3)
    runs = [make([bank], tmp_path / f"out{jobs}", config, jobs=jobs) for jobs in (1, 2)]
    one, two = ([d.human() for d in _shrinks(r.diagnostics)] for r in runs)
    assert one == two
    found = [(Path(d.path).name, d.line) for d in _shrinks(runs[0].diagnostics)]
    # q0: the stem's row (exam and key) and the explanation's (key); q8: a formula, both
    assert found == [("q0.md", 6), ("q0.md", 18), ("q8.md", 5), ("q8.md", 17)]
    said = [text.split(": ", 1)[1] for text in one]
    assert [text.split("; ")[0] for text in said] == [
        "warning[W112]: table row 1 is taller than the page",
        "warning[W112]: table row 1 is taller than the page",
        "warning[W112]: a display formula is taller than the page",
        "warning[W112]: a display formula is taller than the page",
    ]
    for text in said:  # how much it shrank
        assert re.search(r"; printed at [1-9][0-9]%\n", text), text


def _shrinks(diagnostics: tuple[Diagnostic, ...]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.code == "W112"]


def _on_paper(path: Path) -> str:
    """Every page's text, after checking no character is drawn off the paper."""
    with pdfplumber.open(path) as pdf:
        texts = [page.extract_text() or "" for page in pdf.pages]
        for page in pdf.pages:
            for ch in page.chars:
                assert ch["x0"] >= 0 and ch["x1"] <= page.width + 0.5, ch["text"]
                assert ch["top"] >= 0 and ch["bottom"] <= page.height + 0.5, ch["text"]
    return "".join(texts)
