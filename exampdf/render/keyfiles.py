"""key.json and key.csv: the answer key for machines, from versions and page ranges (pure)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from exampdf.config import SectionPick
from exampdf.csvfile import csv_text
from exampdf.layout import PageInfo
from exampdf.model import Bank
from exampdf.parse.fingerprint import Fingerprint
from exampdf.versions import ExamVersion, VersionItem
from exampdf.versions.types import letter

SCHEMA = 1  # fields are only ever added; docs/key-json.md


@dataclass(frozen=True)
class Provenance:
    """What makes a printed exam traceable: the tool, the bank and the output files."""

    tool: str = ""
    bank: Fingerprint | None = None
    files: Mapping[str, str] = field(default_factory=dict)  # output name -> SHA-256
    balance: bool = True
    picks: tuple[SectionPick, ...] = ()


def key_manifest(
    bank: Bank,
    versions: Sequence[ExamVersion],
    pages: Sequence[PageInfo],
    title: str,
    seed: int,
    shuffle: bool,
    provenance: Provenance = Provenance(),  # frozen: a shared default is safe
    entries: Sequence[dict[str, Any]] | None = None,  # version_entries(), made beforehand
) -> dict[str, Any]:
    ranges: dict[str, list[int]] = {}
    for page in pages:
        ranges.setdefault(page.section, []).append(page.number)
    out: dict[str, Any] = {
        "schema": SCHEMA,
        "title": title,
        "seed": seed,
        "shuffle": shuffle,
        "exampdf": provenance.tool,
        "balance": provenance.balance,
        "picks": [{"group": p.group, "pick": p.pick, "vary": p.vary} for p in provenance.picks],
    }
    if provenance.bank is not None:
        out["bank"] = {
            "fingerprint": provenance.bank.sha256,
            "files": [{"path": p, "sha256": h} for p, h in provenance.bank.files],
        }
    out["files"] = dict(provenance.files)
    if entries is None:
        entries = version_entries(bank, versions)
    out["versions"] = [_paged(e, ranges.get(e["code"], [0])) for e in entries]
    return out


def version_entries(bank: Bank, versions: Sequence[ExamVersion]) -> list[dict[str, Any]]:
    """Each version's entry but its pages: the bulk of key.json, known before any layout."""
    return [_version(bank, v) for v in versions]


def _paged(entry: dict[str, Any], numbers: list[int]) -> dict[str, Any]:
    code, *rest = entry.items()
    return dict([code, ("pages", [min(numbers), max(numbers)]), *rest])


def _version(bank: Bank, v: ExamVersion) -> dict[str, Any]:
    out: dict[str, Any] = {"code": v.code}
    if v.student is not None:
        s = v.student
        out["student"] = {"id": s.id, "number": s.number, "name": s.name, "class": s.klass}
    out["permutation"] = [item.question for item in v.items]
    out["questions"] = [_question(bank, n, item) for n, item in enumerate(v.items, start=1)]
    return out


def _question(bank: Bank, number: int, item: VersionItem) -> dict[str, Any]:
    q = bank.questions[item.question]
    return {
        "number": number,
        "id": q.id,
        "source": q.source,
        "multi": q.multi,
        "order": [q.choices[i].letter for i in item.order],
        "options": list(item.order),
        "answer": [letter(p) for p in item.printed_answer(q.answer)],
        "bank_answer": [q.choices[i].letter for i in q.answer],
        "points": q.points,
    }


def key_json(manifest: dict[str, Any]) -> str:
    """One line per top-level field and per version: readable and diffable, and written by
    json's C encoder (indent= falls back to pure Python, 2 s for a 200-version key)."""

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))

    fields = [f"  {dump(k)}: {dump(v)}" for k, v in manifest.items() if k != "versions"]
    versions = ",\n".join(f"    {dump(v)}" for v in manifest.get("versions", []))
    return "{\n" + ",\n".join([*fields, f'  "versions": [\n{versions}\n  ]']) + "\n}\n"


def key_csv(manifest: dict[str, Any]) -> str:
    rows = (
        [v["code"], q["number"], q["id"], ";".join(q["answer"]), q["points"]]
        for v in manifest["versions"]
        for q in v["questions"]
    )
    return csv_text(["version", "number", "id", "answer", "points"], rows)
