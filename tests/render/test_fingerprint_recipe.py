"""The answer sheet's QR fingerprint `fp` follows the recipe in docs/answer-sheet.md, computed
here from key.json alone, as an independent reader would (issue 17 item 16)."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from exampdf.config import ExamConfig
from exampdf.pipeline import Prepared, make, prepare
from exampdf.progress import ignore
from exampdf.sheets.compose import answer_sheets
from exampdf.specs import sheet_spec

DOC = Path(__file__).resolve().parents[2] / "docs" / "answer-sheet.md"
Q = "# t\n\n## 問題\n問{n}\n\n## 選択肢\n{options}\n\n## 正解\nA\n"
WRITTEN = "# t\n\n## 問題\n書け\n\n## 正解\n模範解答\n"


def options_text(indices: list[int]) -> str:
    """`(1, 0, 2)`, `(0,)`, `()`: the documented bracketed list."""
    if len(indices) == 1:
        return f"({indices[0]},)"
    return "(" + ", ".join(str(i) for i in indices) + ")"


def documented_fp(key: dict[str, object]) -> str:
    text = f"EXAMPDF1|{key['seed']}"
    for version in key["versions"]:  # type: ignore[attr-defined]
        text += f"|{version['code']}"
        for q in version["questions"]:
            text += f"|{q['id']}:{options_text(q['options'])}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def test_the_documented_example_text() -> None:
    doc = DOC.read_text(encoding="utf-8")
    example = re.search(r"the text is `([^`]+)`", doc)
    assert example is not None
    key = {
        "seed": 7,
        "versions": [
            {
                "code": "A",
                "questions": [
                    {"id": "q1", "options": [1, 0, 2]},
                    {"id": "q2", "options": [0]},
                    {"id": "q3", "options": []},
                ],
            }
        ],
    }
    expected = hashlib.sha256(example.group(1).encode()).hexdigest()[:12]
    assert documented_fp(key) == expected


def test_printed_fp_is_the_documented_recipe_over_key_json(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    bank.mkdir()
    (bank / "a.md").write_text(Q.format(n=1, options="A. 一\nB. 二\nC. 三"), encoding="utf-8")
    (bank / "c.md").write_text(WRITTEN, encoding="utf-8")
    (bank / "d.md").write_text(Q.format(n=4, options="A. 甲\nB. 乙"), encoding="utf-8")
    config = ExamConfig(shuffle=True, versions=3, seed=11, answer_sheet=True)
    result = make([bank], tmp_path / "out", config)
    assert result.ok, [d.human() for d in result.diagnostics]
    key = json.loads((tmp_path / "out" / "key.json").read_text(encoding="utf-8"))
    prepared = prepare([bank], config, ignore)
    assert isinstance(prepared, Prepared)
    printed = {
        p.qr.split("|")[1]
        for p in answer_sheets(prepared.bank, prepared.versions, sheet_spec(config))
    }
    assert printed == {f"fp={documented_fp(key)}"}
