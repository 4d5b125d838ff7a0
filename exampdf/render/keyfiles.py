"""key.json and key.csv: the answer key for machines, from versions and page ranges (pure)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from exampdf.config import SectionPick
from exampdf.csvfile import csv_rows
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


@dataclass(frozen=True)
class VersionKey:
    """One version's part of key.json and key.csv as text, pages left out: what the files
    hold for a version is kept as compact text, never as a tree of dicts (300 questions x
    702 versions as dicts took more memory than laying out a slice of the exam)."""

    code: str
    json_rest: str  # the version's JSON object without its code and pages: '{"permutation": …}'
    csv_rows: str  # its key.csv rows, without the header


def key_header(
    title: str,
    seed: int,
    shuffle: bool,
    provenance: Provenance = Provenance(),  # frozen: a shared default is safe
) -> dict[str, Any]:
    """key.json's fields before the versions."""
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
    return out


def version_entries(bank: Bank, versions: Sequence[ExamVersion]) -> list[VersionKey]:
    """Each version's entry but its pages: the bulk of key.json, known before any layout."""
    return list(iter_entries(bank, versions))


def iter_entries(bank: Bank, versions: Sequence[ExamVersion]) -> Iterator[VersionKey]:
    """version_entries one at a time."""
    return (_entry(_version(bank, v)) for v in versions)


def _entry(version: dict[str, Any]) -> VersionKey:
    code = version.pop("code")
    rows = (
        [code, q["number"], q["id"], ";".join(q["answer"]), q["points"]]
        for q in version["questions"]
    )
    return VersionKey(code, _dump(version), csv_rows(rows))


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


def _dump(value: Any) -> str:
    """json's C encoder on one line (indent= falls back to pure Python, 2 s for a
    200-version key)."""
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def key_json(
    header: Mapping[str, Any], entries: Iterable[VersionKey], pages: Sequence[PageInfo]
) -> Iterator[str]:
    """key.json in pieces, one line per top-level field and per version: readable and
    diffable. Written piece by piece, the file is never one string in memory."""
    ranges: dict[str, tuple[int, int]] = {}
    for page in pages:
        low, high = ranges.get(page.section, (page.number, page.number))
        ranges[page.section] = (min(low, page.number), max(high, page.number))
    yield "{\n"
    for k, v in header.items():
        yield f"  {_dump(k)}: {_dump(v)},\n"
    yield '  "versions": [\n'
    for i, e in enumerate(entries):
        pages_text = _dump(list(ranges.get(e.code, (0, 0))))
        sep = ",\n" if i else ""  # before each version but the first: no count needed
        yield f'{sep}    {{"code": {_dump(e.code)}, "pages": {pages_text}, {e.json_rest[1:]}'
    yield "\n  ]\n}\n"


CSV_HEADER = ("version", "number", "id", "answer", "points")


def key_csv(entries: Iterable[VersionKey]) -> Iterator[str]:
    """key.csv in pieces: the header, then each version's rows."""
    yield csv_rows([CSV_HEADER])
    for e in entries:
        yield e.csv_rows
