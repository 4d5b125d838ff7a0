"""Exports: GIFT round-trips through a fresh parse, Moodle XML has the documented structure."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from click.testing import CliRunner

from exampdf.cli import main
from exampdf.export import to_gift, to_json, to_moodle
from exampdf.export.gift import escape
from exampdf.model import Bank, Image, Paragraph, Text
from exampdf.parse import parse_bank, parse_text
from tests.helpers.bankfactory import question

ROOT = Path(__file__).resolve().parents[2]

# Every grade Moodle's question editor offers (question/format.php, get_grade_options).
MOODLE_FRACTIONS = {
    100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20,
    16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0,
}  # fmt: skip

SIMPLE = """\
# {title}

## 問題
{stem}

## 選択肢
{options}

## 正解
{answer}
"""


def read_gift(text: str) -> list[dict[str, object]]:
    """A small GIFT reader: title, stem, answers with weights (enough for our own output)."""
    out = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        body = "\n".join(ln for ln in chunk.splitlines() if not ln.startswith("//"))
        m = re.match(r"::((?:\\.|[^:])*)::(?:\[markdown\])?((?:\\.|[^{])*)\{(.*)\}\s*$", body, re.S)
        assert m, chunk
        inside = re.split(r"(?<!\\)####", m.group(3))[0]
        answers = []
        for mark, weight, value in re.findall(
            r"(?<!\\)([=~])(?:%(-?[\d.]+)%)?((?:\\.|[^=~])*)", inside
        ):
            w = float(weight) if weight else (100.0 if mark == "=" else 0.0)
            answers.append((w, _unescape(value.strip())))
        out.append(
            {"title": _unescape(m.group(1)), "stem": _unescape(m.group(2)), "answers": answers}
        )
    return out


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), text)


def _sample_bank() -> Bank:
    files = [
        ("q1.md", "単一: 次のうち {A} を選べ。", ["a = b", "x: y", "C#", "100%"], "B"),
        (
            "q2.md",
            "複数: `dict[k]` ~ 正しいものを**すべて**選べ。",
            ["一", "二", "三", "四"],
            "A、C",
        ),
        ("q3.md", "改行を含む\n問題文\n\n第2段落", ["はい", "いいえ"], "A"),
    ]
    questions = []
    for name, stem, options, answer in files:
        text = SIMPLE.format(
            title=name, stem=stem, answer=answer,
            options="\n".join(f"{chr(65 + i)}. {o}" for i, o in enumerate(options)),
        )  # fmt: skip
        q, diags = parse_text(text, name)
        assert q is not None, diags
        questions.append(q)
    return Bank(tuple(questions))


def test_gift_round_trip_through_a_fresh_parse() -> None:
    bank = _sample_bank()
    read = read_gift(to_gift(bank))
    assert len(read) == len(bank.questions)
    for original, item in zip(bank.questions, read, strict=True):
        answers = item["answers"]
        assert isinstance(answers, list)
        letters = "、".join(chr(65 + i) for i, (w, _) in enumerate(answers) if w > 0)
        options = "\n".join(f"{chr(65 + i)}. {text}" for i, (_, text) in enumerate(answers))
        again, diags = parse_text(
            SIMPLE.format(title=item["title"], stem=item["stem"], options=options, answer=letters),
            "again.md",
        )
        assert again is not None, diags
        # same inline nodes (bold, code, soft breaks), paragraph by paragraph; lines differ
        assert [_inlines(b) for b in again.stem] == [_inlines(b) for b in original.stem]
        assert [c.content for c in again.choices] == [c.content for c in original.choices]
        assert again.answer == original.answer and again.multi == original.multi


def _inlines(block: object) -> object:
    assert isinstance(block, Paragraph)
    return block.inlines


def test_gift_escapes_control_characters() -> None:
    assert escape("a=b ~c #d {e} f:g \\ h\ni") == "a\\=b \\~c \\#d \\{e\\} f\\:g \\\\ h\\ni"


def test_moodle_xml_structure_and_fractions() -> None:
    bank = Bank((question("s1", 4, (2,)), question("m2", 5, (0, 3)), question("m3", 4, (0, 1, 2))))
    root = ET.fromstring(to_moodle(bank))
    assert root.tag == "quiz"
    category, *questions = root.findall("question")
    assert category.get("type") == "category"
    assert category.findtext("category/text") == "$course$/top/exampdf"
    for q, original in zip(questions, bank.questions, strict=True):
        assert q.get("type") == "multichoice"
        assert q.findtext("name/text") and q.find("questiontext").get("format") == "html"
        assert q.findtext("single") == ("false" if original.multi else "true")
        fractions = [float(a.get("fraction")) for a in q.findall("answer")]
        assert len(fractions) == len(original.choices)
        assert all(abs(f) in MOODLE_FRACTIONS for f in fractions)
        assert sum(f for f in fractions if f > 0) == pytest.approx(100, abs=0.001)
        correct = [i for i, f in enumerate(fractions) if f > 0]
        assert tuple(correct) == original.answer
        if original.multi:  # a wrong mark cancels one right one
            assert all(f == pytest.approx(-100 / len(correct)) for f in fractions if f <= 0)
        else:
            assert max(fractions) == 100 and sorted(set(fractions)) == [0, 100]


def test_moodle_embeds_images_as_base64() -> None:
    q = question("img")
    stem = (Paragraph((Text("図を見よ"), Image("fig/a.png", "図1"), Image("fig/a.png", "")), 3),)
    bank = Bank((q.__class__(**{**q.__dict__, "stem": stem}),))
    xml = to_moodle(bank, lambda source, src: b"\x89PNG fake")
    text = ET.fromstring(xml).find("question[@type='multichoice']/questiontext")
    assert text is not None
    assert '<img src="@@PLUGINFILE@@/a.png" alt="図1">' in (text.findtext("text") or "")
    files = text.findall("file")
    assert [f.get("name") for f in files] == ["a.png", "a-2.png"]
    assert files[0].get("encoding") == "base64" and files[0].text == "iVBORyBmYWtl"


def test_written_question_is_an_essay() -> None:
    q = question("w")
    written = q.__class__(**{**q.__dict__, "choices": (), "answer": ()})
    root = ET.fromstring(to_moodle(Bank((written,))))
    assert root.findall("question")[1].get("type") == "essay"
    assert "{" in to_gift(Bank((written,)))


def test_json_is_the_model_dump() -> None:
    data = json.loads(to_json(Bank((question("j"),))))
    assert data["type"] == "Bank" and data["questions"][0]["id"] == "j"


@pytest.mark.parametrize("fmt", ["moodle", "gift", "json"])
def test_cli_export_sample_bank(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"x.{fmt}"
    result = CliRunner().invoke(
        main, ["--lang", "en", "export", str(ROOT / "questions"), "--format", fmt, "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert f"{fmt}: {out} (11 questions)" in result.output
    text = out.read_text(encoding="utf-8")
    if fmt == "moodle":
        assert len(ET.fromstring(text).findall("question")) == 12
    elif fmt == "gift":
        assert len(read_gift(text)) == 11
    else:
        assert len(json.loads(text)["questions"]) == 11
    assert len(parse_bank([ROOT / "questions"]).bank.questions) == 11


def test_cli_export_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    assert (
        runner.invoke(main, ["export", str(tmp_path / "none"), "--format", "gift"]).exit_code == 2
    )
    assert runner.invoke(main, ["export", str(ROOT / "questions")]).exit_code == 2  # no --format
    bad = tmp_path / "bad.md"
    bad.write_text("# t\n\n## 問題\nq\n\n## 選択肢\nA. a\n\n## 正解\n**E**\n", encoding="utf-8")
    result = runner.invoke(main, ["export", str(bad), "--format", "gift", "-o", "-"])
    assert result.exit_code == 1 and "bad.md:" in result.output and "Traceback" not in result.output


def test_gift_export_warns_about_images(tmp_path: Path) -> None:
    """Issue 16 item 16: GIFT silently wrote `![図1](fig1.png)`, a broken image in Moodle."""
    from PIL import Image as PILImage

    PILImage.new("RGB", (4, 4), "white").save(tmp_path / "fig1.png")
    text = SIMPLE.format(
        title="t", stem="図を見よ。\n\n![図1](fig1.png)", options="A. 1\nB. 2", answer="A"
    )
    (tmp_path / "q.md").write_text(text, encoding="utf-8")
    out = tmp_path / "q.gift.txt"
    args = ["--lang", "en", "export", str(tmp_path / "q.md"), "--format", "gift", "-o", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "warning[X002]: GIFT cannot carry images: fig1.png" in result.output
    assert "--format moodle" in result.output
    plain = CliRunner().invoke(main, [*args[:3], str(ROOT / "questions"), *args[4:]])
    assert "X002" not in plain.output
