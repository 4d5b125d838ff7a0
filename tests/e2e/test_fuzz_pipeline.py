"""Fuzz the whole path, parse → versions → layout → PDF: any file gives PDFs or diagnostics."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image as Pil

from exampdf.config import ExamConfig
from exampdf.pipeline import make

# Markdown and exampdf syntax, ReportLab markup, and characters that have broken things.
PIECES = [
    "**", "*", "_", "`", "```", "```python\n", "~~~", "\n", "\n\n", "  \n", "\\", "<b>", "</b>",
    "<img src='/etc/passwd'/>", "&amp;", "&#0;", "&copy;", "|", "| a | b |\n| - | - |\n", "- ",
    "1. ", "> ", "# ", "## ", "## 選択肢\n", "## 正解\n", "## 解説\n", "---\n", "A. ", "ア. ",
    "①", "B) ", "    ", "\t", "\x07", "\u202e", "\ufeff", "\u3000", "。", "、", "「",
    "）", "あ", "漢字", "𠮷", "👍", "ﾊﾝｶｸ", "[l](javascript:alert(1))", "<https://a.b/c>",
    "![x](a.png)", "![x](../../etc/passwd)", "[", "]", "(", ")", "x" * 300, "あ" * 200,
]  # fmt: skip
CHARS = st.characters(exclude_categories=["Cs"], exclude_characters="\0")  # E012/E107 tested
INLINE = [p for p in PIECES if "\n" not in p and not p.startswith(("#", "A.", "ア.", "B)"))]
fragments = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(alphabet=CHARS, max_size=12)), max_size=25
).map("".join)
inline_fragments = st.lists(
    st.one_of(
        st.sampled_from(INLINE),
        st.text(
            alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\0\n\r"),
            max_size=8,
        ),
    ),
    max_size=8,
).map("".join)


@st.composite
def question_files(draw: st.DrawFn) -> str:
    """Mostly well-formed questions with hostile parts, sometimes anything at all."""
    if draw(st.integers(0, 5)) == 0:
        return draw(fragments)
    title, stem, expl = draw(inline_fragments), draw(fragments), draw(fragments)
    lead = draw(st.sampled_from(["問", "問", "", "- 項目\n\n"]))  # or the stem opens with a block
    options = draw(st.lists(inline_fragments, min_size=2, max_size=5))
    body = "\n".join(f"{'ABCDE'[i]}. 選{i}{o}" for i, o in enumerate(options))
    answer = draw(st.sampled_from(["A", "B", "A、B", "**B**", "Z", draw(inline_fragments)]))
    return (
        f"# 題{title}\n\n## 問題\n{lead}{stem}\n\n## 選択肢\n{body}\n\n## 正解\n{answer}\n\n"
        f"## 解説\n{expl}\n"
    )


@settings(
    max_examples=50,
    deadline=None,
    derandomize=True,  # the same examples on every CI run: a failure is always reproducible
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=question_files(), second=st.booleans())
def test_any_bank_gives_pdfs_or_diagnostics(
    tmp_path_factory: pytest.TempPathFactory, text: str, second: bool
) -> None:
    root = tmp_path_factory.mktemp("fuzz")
    bank = root / "bank"
    bank.mkdir()
    png = Pil.new("RGB", (30, 20), "white")
    png.save(bank / "a.png")  # so that ![x](a.png) is drawn
    (bank / "q1.md").write_bytes(text.encode("utf-8", "surrogatepass"))
    if second:  # a sound neighbour: the bank and versions are not trivial
        (bank / "q2.md").write_text(
            "# t\n\n## 問題\n問\n\n## 選択肢\nA. 一\nB. 二\n\n## 正解\nB\n", encoding="utf-8"
        )
    result = make([bank], root / "out", ExamConfig(shuffle=True, versions=2))
    if result.ok:
        for name in ("exam.pdf", "answer-key.pdf"):
            assert (root / "out" / name).read_bytes().startswith(b"%PDF-")
    else:
        assert any(d.severity == "error" for d in result.diagnostics)
        assert not (root / "out").exists()


def test_the_strategy_reaches_the_pdf_writer(tmp_path: Path) -> None:
    """Guard against a fuzz test that only ever exercises the parser."""
    text = (
        "# **t** <b>\n\n## 問題\nx<y | `a<b`\n\n| a | b |\n| - | - |\n| <i> | &amp; |\n\n"
        "## 選択肢\nA. ア\nB. イ\n\n## 正解\nA\n\n## 解説\n> ```\n> code\n"
    )
    (tmp_path / "bank").mkdir()
    (tmp_path / "bank" / "q.md").write_text(text, encoding="utf-8")
    assert make([tmp_path / "bank"], tmp_path / "out", ExamConfig()).ok


def test_stem_opening_with_a_list(tmp_path: Path) -> None:
    """Found by the fuzz test above: a stem whose first block is a list."""
    text = "# t\n\n## 問題\n- 項目\n\n## 選択肢\nA. 一\nB. 二\n\n## 正解\nA\n"
    (tmp_path / "bank").mkdir()
    (tmp_path / "bank" / "q.md").write_text(text, encoding="utf-8")
    assert make([tmp_path / "bank"], tmp_path / "out", ExamConfig()).ok
