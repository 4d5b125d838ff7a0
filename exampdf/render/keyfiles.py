"""key.json and key.csv: the answer key for machines, from versions and page ranges (pure)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from exampdf.layout.pages import PageInfo
from exampdf.model import Bank
from exampdf.versions import ExamVersion
from exampdf.versions.types import letter

SCHEMA = 1


def key_manifest(
    bank: Bank,
    versions: Sequence[ExamVersion],
    pages: Sequence[PageInfo],
    title: str,
    seed: int,
    shuffle: bool,
) -> dict[str, Any]:
    ranges: dict[str, list[int]] = {}
    for page in pages:
        ranges.setdefault(page.section, []).append(page.number)
    out_versions = []
    for v in versions:
        numbers = ranges.get(v.code, [0])
        questions = []
        for number, item in enumerate(v.items, start=1):
            q = bank.questions[item.question]
            questions.append(
                {
                    "number": number,
                    "id": q.id,
                    "source": q.source,
                    "multi": q.multi,
                    "order": [q.choices[i].letter for i in item.order],
                    "answer": [letter(p) for p in item.printed_answer(q.answer)],
                    "points": q.points,
                }
            )
        out_versions.append(
            {"code": v.code, "pages": [min(numbers), max(numbers)], "questions": questions}
        )
    return {
        "schema": SCHEMA,
        "title": title,
        "seed": seed,
        "shuffle": shuffle,
        "versions": out_versions,
    }


def key_json(manifest: dict[str, Any]) -> str:
    return json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"


def key_csv(manifest: dict[str, Any]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["version", "number", "id", "answer", "points"])
    for v in manifest["versions"]:
        for q in v["questions"]:
            writer.writerow([v["code"], q["number"], q["id"], ";".join(q["answer"]), q["points"]])
    return buf.getvalue()
