"""key.json and key.csv: the answer key for machines, from versions and page ranges (pure)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from exampdf.config import SectionPick
from exampdf.csvfile import csv_cell, csv_rows
from exampdf.layout import PageInfo
from exampdf.model import Bank, Question
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


@dataclass(unsafe_hash=True)
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
    texts = _Texts(bank)
    return (texts.entry(v) for v in versions)


class _Texts:
    """An entry's JSON and CSV text, from pieces made once: each question's own fields, each
    printed order of its options (W2: 20,000 printed questions, 9,000 distinct orders). The
    text is what `json.dumps` (`_dump`) and the CSV writer give for the whole entry; the
    main process makes it while the workers lay out, so it competes with them for a core."""

    def __init__(self, bank: Bank) -> None:
        self.questions = bank.questions
        self.fixed = [_fixed(q) for q in bank.questions]
        self.printed: dict[tuple[int, tuple[int, ...]], tuple[str, str]] = {}
        self.answers: dict[tuple[int, ...], tuple[str, str]] = {}  # positions -> JSON, CSV

    def entry(self, v: ExamVersion) -> VersionKey:
        fixed, printed, code_cell = self.fixed, self.printed, csv_cell(v.code)
        texts, rows = [], []
        for n, item in enumerate(v.items, start=1):
            head, tail, id_cell, points_cell, _ = fixed[item.question]
            found = printed.get((item.question, item.order))
            if found is None:
                found = printed[(item.question, item.order)] = self._printed(item)
            texts.append(f'{{"number": {n}{head}{found[0]}{tail}')
            rows.append(f"{code_cell},{n},{id_cell},{found[1]},{points_cell}\n")
        student = ""
        if v.student is not None:
            s = v.student
            who = {"id": s.id, "number": s.number, "name": s.name, "class": s.klass}
            student = f'"student": {_dump(who)}, '
        permutation = _dump([item.question for item in v.items])
        rest = f'{{{student}"permutation": {permutation}, "questions": [{", ".join(texts)}]}}'
        return VersionKey(v.code, rest, "".join(rows))

    def _printed(self, item: VersionItem) -> tuple[str, str]:
        """'"order": …, "options": …, "answer": …' and the CSV answer cell of one order."""
        q = self.questions[item.question]
        letters = self.fixed[item.question][4]
        answer = item.printed_answer(q.answer)
        shown = self.answers.get(answer)
        if shown is None:
            names = [letter(p) for p in answer]
            shown = self.answers[answer] = (_dump(names), csv_cell(";".join(names)))
        order = ", ".join([letters[i] for i in item.order])
        options = ", ".join(map(str, item.order))
        return f'[{order}], "options": [{options}], "answer": {shown[0]}', shown[1]


def _fixed(q: Question) -> tuple[str, str, str, str, list[str]]:
    """A question's text around its printed order in key.json, its key.csv cells and its
    choices' letters as JSON."""
    head = f', "id": {_dump(q.id)}, "source": {_dump(q.source)}, "multi": {_dump(q.multi)}, '
    bank_answer = _dump([q.choices[i].letter for i in q.answer])
    tail = f', "bank_answer": {bank_answer}, "points": {_dump(q.points)}}}'
    letters = [_dump(c.letter) for c in q.choices]
    return f'{head}"order": ', tail, csv_cell(q.id), csv_cell(q.points), letters


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
