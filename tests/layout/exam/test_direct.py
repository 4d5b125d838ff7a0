"""Questions written straight into the page against the flowable tree and platypus: the same
bytes in every output, on varied banks.

Every build runs three times: as `make` runs (steady questions written from cached operators
by layout/exam/direct.py), with the writer off (every question a QuestionBlock, composed by
compose.py) and with composition off too (platypus for every version). Equal bytes mean every
operator, form, placement and page is the same; the counts show how many questions each
build wrote from cached operators, wrote painting forms (a first use on a canvas) or never
covered, so no case passes without the writer.
"""

from __future__ import annotations

import importlib.util
import struct
import zlib
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from exampdf.layout.exam import compose, direct, writer
from tests.helpers.makeoutputs import make_outputs
from tests.layout.exam.banks import ROOT, SAMPLE, picks_bank, with_long_question


def _counting(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    counts: Counter[str] = Counter()
    written, first_use, inherited = direct.written, writer.first_use, writer._inherited

    def counted_written(*args: Any) -> Any:
        block = written(*args)
        counts["written" if block is not None else "uncovered"] += 1
        return block

    def counted_first_use(*args: Any) -> None:
        counts["first use"] += 1
        first_use(*args)

    def counted_inherited(*args: Any) -> Any:
        form = inherited(*args)
        counts["inherited"] += form is not None
        return form

    grid, grids = direct.Plan._grid, Counter[tuple[direct.Plan, tuple[float, ...]]]()

    def counted_grid(plan: direct.Plan, cells: tuple[float, ...]) -> direct.Layout:
        grids[plan, cells] += 1
        counts["grids"] = len(grids)
        counts["grids measured again"] = sum(n > 1 for n in grids.values())
        return grid(plan, cells)

    share = writer._share

    def counted_share(plan: direct.Plan, canvas: Any, known: Any) -> None:
        before = known.grid
        share(plan, canvas, known)
        counts["grids shared"] += known.grid is not before  # built on an earlier canvas

    monkeypatch.setattr(direct.Plan, "_grid", counted_grid)
    monkeypatch.setattr(writer, "_share", counted_share)
    monkeypatch.setattr(writer, "_inherited", counted_inherited)
    monkeypatch.setattr(direct, "written", counted_written)
    monkeypatch.setattr(writer, "first_use", counted_first_use)
    return counts


def _three(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]) -> Counter[str]:
    """Build direct, through the tree, through platypus; assert equal outputs; the counts."""
    with monkeypatch.context() as m:
        counts = _counting(m)
        written = make_outputs(tmp_path / "direct", args)
    with monkeypatch.context() as m:
        m.setattr(direct, "written", lambda *a: None)
        tree = make_outputs(tmp_path / "tree", args)
    with monkeypatch.context() as m:
        m.setattr(direct, "written", lambda *a: None)
        m.setattr(compose, "walk", lambda *a, **k: None)
        plain = make_outputs(tmp_path / "platypus", args)
    assert written.keys() == tree.keys() == plain.keys()
    for name in written:
        assert written[name] == tree[name], name
        assert written[name] == plain[name], name
    return counts


def _png(path: Path, w: int = 40, h: int = 24) -> None:
    """A small grey PNG (no imaging library needed)."""
    raw = b"".join(b"\x00" + bytes([128]) * w for _ in range(h))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)
    data = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + data)


MIXED = {
    "m01_math.md": "# 数式\n\n## 問題\n方程式 $x^2 - 5x + 6 = 0$ の正の解はどれか。\n\n"
    "## 選択肢\nA. $x = 2$ と $x = 3$\nB. $x = \\frac{1}{2}$\nC. $x = -1$\nD. 解なし\n\n"
    "## 正解\nA\n",
    "m02_display.md": "# 表示数式\n\n## 問題\n次の式の値を求めよ。\n\n$$\n\\sum_{k=1}^{n} k\n$$\n\n"
    "## 選択肢\nA. $\\frac{n(n+1)}{2}$\nB. $n^2$\nC. $2^n$\n\n## 正解\nA\n",
    "m03_multi.md": "# 複数\n\n## 問題\n**正しいもの**を選びなさい。\n\n## 選択肢\n"
    "A. 一つ目の記述はやや長く、二行に折り返されるかもしれないほどの長さを持っています。"
    "これでもまだ続きます\nB. 二\nC. 三\nD. 四\nE. 五\n\n## 正解\nA、C\n",
    "m04_cites.md": "# 参照\n\n## 問題\n正しいものはどれか。\n\n## 選択肢\nA. 甲\nB. 乙\n"
    "C. AとBの両方\n\n## 正解\nC\n",
    "m05_link.md": "# リンク\n\n## 問題\n参照先はどれか。\n\n## 選択肢\n"
    "A. [仕様](https://example.com/spec)\nB. 規格\nC. 手引き\n\n## 正解\nA\n",
    "m06_written.md": "---\nlines: 3\n---\n# 記述\n\n## 問題\n理由を説明しなさい。\n\n"
    "## 正解\n模範解答。\n",
    "m07_table.md": "# 表\n\n## 問題\n表を見て答えよ。\n\n| 項目 | 値 |\n|---|---|\n| a | 1 |\n\n"
    "## 選択肢\nA. a\nB. b\n\n## 正解\nA\n",
    "m08_image.md": "# 画像\n\n## 問題\n図を見て答えよ。\n\n![図](fig.png)\n\n"
    "## 選択肢\nA. 灰色\nB. 白\n\n## 正解\nA\n",
    "m09_ruby.md": "---\nshuffle: false\npoints: 3\n---\n# ルビ\n\n## 問題\n"
    "{漢字|かんじ}の読みはどれか。**太字**と`code`も含む。\n\n"
    "## 選択肢\nA. かんじ\nB. かんし\nC. がんじ\nD. かんじい\n\n## 正解\nA\n",
    "m10_pinned.md": "# 固定\n\n## 問題\n該当するものを選べ。\n\n## 選択肢\n"
    "A. 長めの選択肢の文章です。列に収まらないくらいの長さがあります。\nB. 短い\n"
    "C. 中くらいの選択肢\nD. 上記のいずれでもない\n\n## 正解\nD\n",
}


def _mixed_bank(folder: Path, copies: int = 2) -> Path:
    folder.mkdir(parents=True)
    _png(folder / "fig.png")
    for name, text in MIXED.items():
        for k in range(copies):
            (folder / f"{Path(name).stem}_{k}.md").write_text(text, "utf-8")
    return folder


@pytest.mark.parametrize(
    "extra",
    [
        ("--paper", "A4", "--label-style", "ア", "--show-points"),
        ("--paper", "B4", "--orientation", "landscape", "--columns", "2", "--cover"),
        ("--paper", "A3", "--label-style", "①", "--answer-sheet"),
    ],
)
def test_mixed_bank(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extra: tuple[str, ...]
) -> None:
    """Formulas in stems and options, a multi-answer note, options naming each other, links,
    written answers, a table, an image, ruby, pinned options, label styles, points, a cover."""
    bank = _mixed_bank(tmp_path / "bank")
    counts = _three(tmp_path, monkeypatch, (str(bank), "--versions", "6", *extra))
    # m01, m03, m09, m10 always; the others (display math, cites, a link, written, table,
    # image) never: 8 of 20 questions in 6 versions; the first use of each on its canvas
    assert counts["written"] == 6 * 8 and counts["uncovered"] == 6 * 12
    assert 0 < counts["first use"] < counts["written"]
    assert 0 < counts["grids"] < counts["written"]  # orders of alike heights measured once
    assert counts["grids measured again"] == 0


@pytest.mark.parametrize(
    "paper", [(), ("--paper", "B4", "--orientation", "landscape", "--columns", "2")]
)
def test_sample_bank_with_cover_roster_and_sheets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, roster: Path, paper: tuple[str, ...]
) -> None:
    """Code blocks in most stems (never written directly), beside steady questions."""
    args = (str(SAMPLE), "--cover", "--answer-sheet", "--key-per-version", "--roster", str(roster))
    counts = _three(tmp_path, monkeypatch, (*args, *paper))
    assert counts["written"] > 0 and counts["uncovered"] > 0


def _varied_bank(folder: Path, n: int) -> None:
    spec = importlib.util.spec_from_file_location("varied_bank", ROOT / "bench" / "varied_bank.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write_bank(folder, n, 3)


@pytest.mark.parametrize(
    "paper", [("--paper", "A4"), ("--paper", "A3", "--cover"), ("--paper", "B4", "--columns", "2")]
)
def test_varied_prose(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, paper: tuple[str, ...]
) -> None:
    _varied_bank(tmp_path / "bank", 24)
    counts = _three(tmp_path, monkeypatch, (str(tmp_path / "bank"), "--versions", "5", *paper))
    assert counts["written"] + counts["uncovered"] == 5 * 24
    assert counts["written"] > 4 * 24


def test_sections_with_picks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _varied_bank(tmp_path / "src", 12)
    args = (*picks_bank(tmp_path, tmp_path / "src"), "--versions", "14", "--paper", "B4")
    counts = _three(tmp_path, monkeypatch, args)
    assert counts["written"] > 0 and counts["first use"] < counts["written"]
    # a later slice places the first slice's forms registered up front (pdf/forms.py adopt)
    assert counts["inherited"] == 0
    assert counts["grids shared"] > 0  # and reuse its grids' operators


def test_a_question_taller_than_a_column_goes_to_platypus_as_its_tree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A written block in a version the walk cannot compose is handed over as its tree."""
    bank = tmp_path / "bank"
    (bank / "part").mkdir(parents=True)
    (bank / "long").mkdir()
    for name in ("m01_math.md", "m03_multi.md", "m10_pinned.md"):
        (bank / "part" / name).write_text(MIXED[name], "utf-8")
    (bank / "long" / "short.md").write_text(MIXED["m09_ruby.md"], "utf-8")
    args = with_long_question(bank, tmp_path / "exam.toml")
    falls: list[int] = []
    fallback = compose.fallback

    def counted(blocks: Any, breaks: Any) -> Any:
        falls.append(sum(isinstance(b, direct.Written) for b in blocks))
        return fallback(blocks, breaks)

    monkeypatch.setattr(compose, "fallback", counted)
    counts = _three(tmp_path, monkeypatch, args)
    assert counts["written"] > 0
    assert any(falls)  # some fallback version held written blocks
