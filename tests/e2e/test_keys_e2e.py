"""End to end: keys/<code>.pdf read back agree with key.json and the exam; key.json is
traceable (hashes, fingerprint); bookmarks; roster names on the exam sheet."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner

from exampdf.cli import main
from exampdf.model import plain_text
from exampdf.parse import parse_bank
from tests.helpers.pdftext import has_math, page_lines, squash

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "questions"
SEED_002 = ROOT.parent / "shared" / "seeds" / "002_bcbfb2970cfcab9a.txt"
HEAD = re.compile(r"^問\s*(\d+)\s")
OPTION = re.compile(r"^([A-Z])\.\s*(.*)$")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("keys") / "out"
    bank = [str(SAMPLE), *([str(SEED_002)] if SEED_002.is_file() else [])]
    args = ["make", *bank, "-o", str(out), "--shuffle", "--versions", "3", "--seed", "5"]
    result = CliRunner().invoke(main, [*args, "--key-per-version"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out


def _blocks(lines: list[str]) -> dict[int, list[str]]:
    """問N heading -> the lines of that question in a version's key."""
    out: dict[int, list[str]] = {}
    current: list[str] | None = None
    for line in lines:
        if m := HEAD.match(line.strip()):
            current = out.setdefault(int(m.group(1)), [])
        elif current is not None:
            current.append(line.strip())
    return out


def test_per_version_keys_agree_with_key_json(built: Path) -> None:
    key = json.loads((built / "key.json").read_text(encoding="utf-8"))
    bank = {q.id: q for q in parse_bank([SAMPLE, *[SEED_002] * SEED_002.is_file()]).bank.questions}
    checked = 0
    for version in key["versions"]:
        pages = page_lines(built / "keys" / f"{version['code']}.pdf")
        blocks = _blocks([line for page in pages[1:] for line in page])
        assert sorted(blocks) == [q["number"] for q in version["questions"]]
        for q in version["questions"]:
            question = bank[q["id"]]
            lines = blocks[q["number"]]
            answer = next(line for line in lines if line.startswith("正解："))
            assert answer == "正解：" + "、".join(q["answer"])
            if has_math(question):
                continue  # formulas print as glyphs, not LaTeX (tests/layout/math reads them)
            texts = {c.letter: squash(plain_text(c.content)) for c in question.choices}
            printed = [(m.group(1), squash(m.group(2))) for x in lines if (m := OPTION.match(x))]
            # the options, in printed order, start with the bank options key.json names
            for pos, bank_letter in enumerate(q["order"]):
                label, text = printed[pos]
                assert label == chr(65 + pos) and texts[bank_letter].startswith(text[:6])
            # explanation headings / paragraphs that open with a label name the option
            # printed under that label in this version
            for label, text in printed[len(q["order"]) :]:
                # the option whose whole text opens the line (or the line, when it wraps)
                owners = [
                    b for b, t in texts.items() if t and (text.startswith(t) or t.startswith(text))
                ]
                if len(owners) == 1:
                    assert q["order"][ord(label) - 65] == owners[0], (q["id"], label, text)
                    checked += 1
    assert checked > 30 * len(key["versions"]) // 3, "per-option explanations were read back"


def test_key_json_traces_the_files_and_the_bank(built: Path) -> None:
    key = json.loads((built / "key.json").read_text(encoding="utf-8"))
    names = {"exam.pdf", "answer-key.pdf", *(f"keys/{v['code']}.pdf" for v in key["versions"])}
    assert set(key["files"]) == names
    for name, digest in key["files"].items():
        assert hashlib.sha256((built / name).read_bytes()).hexdigest() == digest
    bank = parse_bank([SAMPLE, *[SEED_002] * SEED_002.is_file()]).bank
    assert len(key["bank"]["files"]) == len(bank.files)
    assert re.fullmatch(r"[0-9a-f]{64}", key["bank"]["fingerprint"])
    for v in key["versions"]:
        ids = [bank.questions[i].id for i in v["permutation"]]
        assert ids == [q["id"] for q in v["questions"]]
        for q in v["questions"]:
            assert sorted(q["order"][ord(a) - 65] for a in q["answer"]) == sorted(q["bank_answer"])
            assert [chr(65 + i) for i in q["options"]] == q["order"]


def _outline(path: Path) -> list[str]:
    reader = pypdf.PdfReader(path)
    out: list[str] = []

    def walk(items: list[object]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                out.append(f"{item.title}@{reader.get_destination_page_number(item)}")  # type: ignore[attr-defined]

    walk(reader.outline)  # type: ignore[arg-type]
    return out


def test_bookmarks_and_nothing_leaks_into_the_exam(built: Path) -> None:
    key = _outline(built / "answer-key.pdf")
    assert key[:3] == ["表紙@0", "解答一覧@1", "問題と解説@2"]
    assert any(entry.startswith("1. Python リストのスライス@") for entry in key)
    one = _outline(built / "keys" / "A.pdf")
    assert [e.split("@")[0].split(" ")[0] for e in one[2:]][:3] == ["問1", "問2", "問3"]
    pages = [int(e.split("@")[1]) for e in one]
    assert pages == sorted(pages) and pages[-1] > 2
    exam = pypdf.PdfReader(built / "exam.pdf")
    meta = " ".join(str(v) for v in (exam.metadata or {}).values())
    entries = " ".join(_outline(built / "exam.pdf"))
    for word in ("正解", "解説", "解答"):
        assert word not in meta and word not in entries


def test_roster_names_and_codes(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text("学籍番号,組,番号,氏名\n2301,1,7,青木 花子\n2302,1,8,井上 太郎\n", "utf-8")
    out = tmp_path / "out"
    args = ["make", str(SAMPLE), "-o", str(out), "--shuffle", "--roster", str(roster)]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    key = json.loads((out / "key.json").read_text(encoding="utf-8"))
    assert [v["code"] for v in key["versions"]] == ["2301", "2302"]
    assert key["versions"][1]["student"]["name"] == "井上 太郎"
    first = page_lines(out / "exam.pdf")[key["versions"][1]["pages"][0] - 1]
    assert any("井上 太郎" in line and "8" in line for line in first)
