"""key.json and key.csv from versions and page ranges (pure functions, no PDF)."""

from __future__ import annotations

import json
from dataclasses import replace

from exampdf.config import SectionPick
from exampdf.csvfile import csv_rows
from exampdf.layout.page.pages import PageInfo
from exampdf.model import Bank
from exampdf.parse.roster import Student
from exampdf.render.keyfiles import Provenance, key_csv, key_header, key_json, version_entries
from exampdf.versions import ExamVersion, VersionItem
from exampdf.versions.types import letter
from tests.helpers.bankfactory import question

BANK = Bank((question("q0", options=4, answer=(0, 3)), question("q1", options=3, answer=(1,))))
A = ExamVersion(
    "A",
    (VersionItem(1, (1, 2, 0)), VersionItem(0, (1, 3, 0, 2))),
    Student("s9", number="9", name="山田", klass="2組"),
)


def _text(pages: list[PageInfo]) -> str:
    provenance = Provenance(tool="1.0", picks=(SectionPick("基礎", 1, True),), balance=False)
    header = key_header("小テスト", 3, True, provenance)
    return "".join(key_json(header, version_entries(BANK, [A]), pages))


def _manifest(pages: list[PageInfo]) -> dict[str, object]:
    manifest: dict[str, object] = json.loads(_text(pages))
    return manifest


def test_a_versions_entry_says_what_was_printed_where() -> None:
    pages = [PageInfo(n, "A", n - 1, 2, False, n == 3) for n in (2, 3)]
    manifest = _manifest(pages)
    (entry,) = manifest["versions"]  # type: ignore[misc]
    assert list(entry) == ["code", "pages", "student", "permutation", "questions"]
    assert entry["pages"] == [2, 3]
    assert entry["student"] == {"id": "s9", "number": "9", "name": "山田", "class": "2組"}
    assert entry["permutation"] == [1, 0]
    first, second = entry["questions"]
    # q1 printed B, C, A: its answer (bank B) is printed first
    assert first["order"] == ["B", "C", "A"] and first["options"] == [1, 2, 0]
    assert (first["answer"], first["bank_answer"]) == (["A"], ["B"])
    assert second["answer"] == ["B", "C"] and second["bank_answer"] == ["A", "D"]
    assert second["multi"] is True and second["options"] == [1, 3, 0, 2]
    assert manifest["picks"] == [{"group": "基礎", "pick": 1, "vary": True}]
    assert manifest["balance"] is False and "bank" not in manifest


def test_a_version_without_pages_gets_zero() -> None:
    (entry,) = _manifest([])["versions"]  # type: ignore[misc]
    assert entry["pages"] == [0, 0]


def test_json_has_one_line_per_version() -> None:
    text = _text([PageInfo(1, "A", 1, 1, False, True)])
    lines = text.splitlines()
    assert lines[0] == "{" and lines[-1] == "}"
    assert sum(line.startswith('    {"code": "A"') for line in lines) == 1
    assert "山田" in text  # not escaped to \\u


def test_csv_has_one_row_per_printed_question_with_multiple_answers_joined() -> None:
    csv = "".join(key_csv(version_entries(BANK, [A])))
    assert csv.splitlines() == [
        "version,number,id,answer,points",
        "A,1,q1,A,1",
        "A,2,q0,B;C,1",
    ]


def _reference(bank: Bank, v: ExamVersion) -> tuple[str, str]:
    """key.json's entry and key.csv's rows as dicts dumped whole (how they were first made)."""
    entry: dict[str, object] = {}
    if v.student is not None:
        s = v.student
        entry["student"] = {"id": s.id, "number": s.number, "name": s.name, "class": s.klass}
    entry["permutation"] = [item.question for item in v.items]
    questions, rows = [], []
    for n, item in enumerate(v.items, start=1):
        q = bank.questions[item.question]
        answer = [letter(p) for p in item.printed_answer(q.answer)]
        questions.append(
            {
                "number": n,
                "id": q.id,
                "source": q.source,
                "multi": q.multi,
                "order": [q.choices[i].letter for i in item.order],
                "options": list(item.order),
                "answer": answer,
                "bank_answer": [q.choices[i].letter for i in q.answer],
                "points": q.points,
            }
        )
        rows.append([v.code, n, q.id, ";".join(answer), q.points])
    entry["questions"] = questions
    return json.dumps(entry, ensure_ascii=False, separators=(", ", ": ")), csv_rows(rows)


def test_entries_are_the_text_of_their_dicts_dumped_whole() -> None:
    odd = replace(
        question('=q"2', options=3, answer=()),  # a written one: no answer, CSV formula guard
        source='q\\"2\n.md',
        points=2.5,
        choices=tuple(replace(c, letter=f"ア{c.letter}\t") for c in question("x", 3).choices),
    )
    bank = Bank((*BANK.questions, odd, replace(question("q3", 2), points=-1)))
    items = (VersionItem(2, (2, 0, 1)), VersionItem(0, (3, 2, 1, 0)), VersionItem(1, (0, 1, 2)))
    versions = [
        A,
        ExamVersion("B", items),
        ExamVersion("+C,", (*items, VersionItem(0, (3, 2, 1, 0)), VersionItem(3, (1, 0)))),
    ]
    for v, got in zip(versions, version_entries(bank, versions), strict=True):
        assert (got.code, (got.json_rest, got.csv_rows)) == (v.code, _reference(bank, v))
