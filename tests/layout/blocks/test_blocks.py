"""Markdown blocks on the page: headings, inline code, links, lists, tables, quotes, rules."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import pytest
from reportlab.platypus import Flowable

from exampdf.layout.blocks import dispatch
from exampdf.layout.blocks.labeled import Labeled
from exampdf.layout.text.paragraphs import ParaStyle, make_paragraph
from exampdf.layout.text.textrun import Run
from exampdf.layout.theme import make_theme
from exampdf.model import Block
from exampdf.parse.blocks import convert_blocks
from exampdf.parse.markdown import parse_tree
from tests.helpers.blockpdf import FRAME_LEFT, FRAME_RIGHT, lines_of, typeset, typeset_flowables


def _line_text(row: list[dict[str, object]]) -> str:
    return "".join(str(c["text"]) for c in row)


def test_every_block_type_has_a_builder() -> None:
    """A block type added to the model gets its own flowables, not the repr fallback."""
    assert set(dispatch._BUILDERS) == set(get_args(Block))


def test_heading_sizes_step_down_and_are_bold(tmp_path: Path) -> None:
    pdf = typeset(tmp_path, "# 一\n\n## 二\n\n### 三\n\n#### 四\n\n本文\n")
    size = {c["text"]: c["size"] for c in pdf.chars()}
    font = {c["text"]: c["fontname"] for c in pdf.chars()}
    assert size["一"] > size["二"] > size["三"] > size["四"] >= size["本"]
    assert all("Gothic-Bold" in font[k] for k in "一二三四")


def test_inline_code_is_mono_on_a_tint(tmp_path: Path) -> None:
    pdf = typeset(tmp_path, "値は `x_1` です\n")
    code = [c for c in pdf.chars() if c["text"] in "x_1"]
    assert all("BIZUDGothic-Regular" in c["fontname"] for c in code)
    tint = [r for r in pdf.pages[0]["rects"] if r["non_stroking_color"] != (1, 1, 1)]
    assert tint and tint[0]["x0"] < code[0]["x0"] and tint[0]["x1"] > code[-1]["x1"]


def test_link_prints_its_url_and_is_clickable(tmp_path: Path) -> None:
    pdf = typeset(tmp_path, "[公式](https://example.com/a) を見る\n")
    assert "公式 (https://example.com/a)" in pdf.pages[0]["text"]
    uris = {a.get("uri") for a in pdf.pages[0]["annots"]}
    assert uris == {"https://example.com/a"}


NESTED = """\
1. 一段目の項目です。長い文章を入れて折り返しとぶら下げを確かめます。ここまで。
   - 二段目の項目です。長い文章を入れて折り返しとぶら下げを確かめます。ここまで。
     1. 三段目の項目です。長い文章を入れて折り返しとぶら下げを確かめます。ここまで。
2. 二番目
"""


def test_lists_nest_three_deep_with_hanging_indents(tmp_path: Path) -> None:
    rows = lines_of(typeset(tmp_path, NESTED).chars())
    texts = [_line_text(r) for r in rows]
    assert texts[0].startswith("1.一段目") and texts[-1].startswith("2.二番目")
    # each level's text starts right of the one above; wrapped lines hang under the text
    x1 = next(c["x0"] for c in rows[0] if c["text"] == "一")
    x2 = next(c["x0"] for r in rows for c in r if c["text"] == "二")
    x3 = next(c["x0"] for r in rows for c in r if c["text"] == "三")
    assert FRAME_LEFT <= rows[0][0]["x0"] < x1 < x2 < x3
    wrapped = [r for t, r in zip(texts, rows, strict=True) if t[0] not in "12・"]
    assert len(wrapped) >= 3
    assert {round(r[0]["x0"]) for r in wrapped} == {round(x1), round(x2), round(x3)}


TABLE = "| 左 | 中央 | 右 |\n|:---|:---:|---:|\n" + "".join(
    f"| 行{i}の長いセルの文章は折り返されます。長い長い文章です。 | ○ | {i * 1000} |\n"
    for i in range(1, 16)
)


def test_table_fits_the_frame_aligns_and_repeats_its_header(tmp_path: Path) -> None:
    pdf = typeset(tmp_path, TABLE)
    assert len(pdf.pages) >= 2, "the table should split"
    for n in range(len(pdf.pages)):
        chars = pdf.chars(n)
        rows = lines_of(chars)
        assert _line_text(rows[0]) == "左中央右", "header row on every page"
        assert max(c["x1"] for c in chars) <= FRAME_RIGHT + 0.5
        grid = pdf.pages[n]["lines"] + pdf.pages[n]["rects"]
        assert max(g["x1"] for g in grid) <= FRAME_RIGHT + 0.5
    rows = lines_of(pdf.chars())
    right = [r[-1]["x1"] for r in rows[1:] if _line_text(r)[-1].isdigit()]
    assert max(right) - min(right) < 0.5, "numbers right-aligned"
    circles = [c for c in pdf.chars() if c["text"] == "○"]
    head = next(c for c in pdf.chars() if c["text"] == "中")
    centre = (head["x0"] + next(c for c in pdf.chars() if c["text"] == "央")["x1"]) / 2
    assert all(abs((c["x0"] + c["x1"]) / 2 - centre) < 1 for c in circles)
    wrapped = [r for r in rows if _line_text(r).startswith("文章")]
    assert wrapped, "long cells wrap"


def test_wide_table_never_passes_the_frame(tmp_path: Path) -> None:
    cols = 9
    head = "|" + "|".join(f"見出し{i}" for i in range(cols)) + "|\n"
    sep = "|" + "|".join("---" for _ in range(cols)) + "|\n"
    row = "|" + "|".join("https://example.com/very/long/path" for _ in range(cols)) + "|\n"
    pdf = typeset(tmp_path, head + sep + row)
    grid = pdf.pages[0]["lines"] + pdf.pages[0]["rects"]
    assert max(g["x1"] for g in grid) <= FRAME_RIGHT + 0.5
    assert max(c["x1"] for c in pdf.chars()) <= FRAME_RIGHT + 0.5


def test_long_quote_splits_with_its_rule_on_both_pages(tmp_path: Path) -> None:
    body = "\n>\n".join(f"> 引用の段落{i}。長い文章で折り返しを確かめます。" for i in range(30))
    pdf = typeset(tmp_path, body + "\n")
    assert len(pdf.pages) >= 2
    for n in range(2):
        bars = [g for g in pdf.pages[n]["lines"] if g["x0"] == g["x1"]]
        assert bars and all(b["x0"] < FRAME_LEFT + 2 for b in bars)
        assert min(c["x0"] for c in pdf.chars(n)) > bars[0]["x0"] + 5
    text = "".join(pdf.pages[n]["text"] for n in range(len(pdf.pages)))
    assert text.replace("\n", "").count("引用の段落") == 30


@pytest.mark.parametrize("md", ["---\n", "***\n"])
def test_horizontal_rule_spans_the_frame(tmp_path: Path, md: str) -> None:
    pdf = typeset(tmp_path, "上\n\n" + md + "\n下\n")
    rules = [g for g in pdf.pages[0]["lines"] + pdf.pages[0]["rects"] if g["x1"] - g["x0"] > 100]
    assert rules and rules[0]["x0"] == pytest.approx(FRAME_LEFT, abs=1)
    assert rules[0]["x1"] == pytest.approx(FRAME_RIGHT, abs=1)


def test_list_markers_are_shared_and_print_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A marker is one paragraph for every item (placed as a form once it is one), and the
    PDF is byte for byte the one a paragraph per item gives."""
    md = "".join(
        f"段落{n}です。\n\n- 項目A{n}\n- 項目B{n}\n- 項目C{n}\n\n1. 一つ目{n}\n2. 二つ目{n}\n\n"
        for n in range(12)
    )
    theme = make_theme()
    blocks = convert_blocks(parse_tree(md).children)
    shared = dispatch.block_flowables(blocks, theme)
    labels = [f.label for f in shared if isinstance(f, Labeled)]
    assert len(labels) == 60 and len({id(x) for x in labels}) == 3  # ・, 1., 2.
    typeset_flowables(tmp_path, shared, theme)
    once = (tmp_path / "blocks.pdf").read_bytes()
    monkeypatch.setattr(
        dispatch,
        "_marker",
        lambda text, font, size, leading: make_paragraph(
            [Run(text, font, size)], ParaStyle(leading=leading)
        ),
    )
    fresh = dispatch.block_flowables(blocks, theme)
    assert len({id(f.label) for f in fresh if isinstance(f, Labeled)}) == 60
    typeset_flowables(tmp_path, fresh, theme)
    assert (tmp_path / "blocks.pdf").read_bytes() == once


def test_a_labeled_item_at_the_top_writes_what_flowable_draw_on_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Items drawn without saveState/restoreState: the same bytes, link areas included (they
    follow the tracked transform), code blocks and nested lists inside items too."""
    md = "".join(
        f"- 項目{n}、[リンク](https://example.com/{n}) つき\n"
        f"- 二つ目\n\n  ```python\n  x = {n}\n  ```\n\n  1. 入れ子{n}\n\n"
        for n in range(8)
    )
    typeset(tmp_path, md)
    fast = (tmp_path / "blocks.pdf").read_bytes()
    monkeypatch.setattr(Labeled, "drawOn", Flowable.drawOn)
    typeset(tmp_path, md)
    assert (tmp_path / "blocks.pdf").read_bytes() == fast
    assert b"/URI" in fast
