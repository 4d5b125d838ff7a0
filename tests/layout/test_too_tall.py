"""Anything taller than a page is cut across pages with 「（続く）」 or shrunk to fit — never a
LayoutError — in stems, options, table cells, code, lists and quotes, in every version and
on every paper (issue 17 items 1 and 2)."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from exampdf.config import ExamConfig
from exampdf.pipeline import make

Q = "# t{n}\n\n## 問題\n{stem}\n\n## 選択肢\n{opts}\n\n## 正解\nB\n\n## 解説\n{expl}\n"
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
}


@pytest.fixture(scope="module")
def bank(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tall") / "bank"
    folder.mkdir()
    for n, parts in enumerate(TALL.values()):
        fields = {"stem": f"問{n}", "opts": "A. 一\nB. 二", "expl": "説明", **parts}
        (folder / f"q{n}.md").write_text(Q.format(n=n, **fields), encoding="utf-8")
    return folder


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
    with pdfplumber.open(tmp_path / "out" / "exam.pdf") as pdf:
        texts = [page.extract_text() or "" for page in pdf.pages]
        for page in pdf.pages:  # nothing drawn off the paper
            for ch in page.chars:
                assert ch["x0"] >= 0 and ch["x1"] <= page.width + 0.5, ch["text"]
                assert ch["top"] >= 0 and ch["bottom"] <= page.height + 0.5, ch["text"]
    joined = "".join(texts)
    assert joined.count("（続く）") >= 4  # stem, options and code continue on the next page
    for piece in ("漢漢漢", "乙乙乙", "丙丙丙", "本文本文", "x119 = 119"):
        assert piece in joined, piece  # cut, not lost
