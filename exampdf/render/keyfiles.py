"""key.json and key.csv: the answer key for machines, from versions and page ranges (pure)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from operator import attrgetter
from typing import Any

from exampdf.config import SectionPick
from exampdf.csvfile import csv_cell, csv_rows
from exampdf.layout import PageInfo
from exampdf.model import Bank, Question
from exampdf.parse.fingerprint import Fingerprint
from exampdf.versions import ExamVersion, VersionItem
from exampdf.versions.types import letter

_SECTION = attrgetter("section")
_Fixed = tuple[str, str, str, str, int, tuple[int, ...]]
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
    printed order of its options (W2: 20,000 printed questions, 9,000 distinct orders), each
    number's prefix. The text is what `json.dumps` (`_dump`) and the CSV writer give for the
    whole entry; the main process makes it while the workers lay out, so it competes with
    them for a core: per printed question, one lookup and two concatenations."""

    def __init__(self, bank: Bank) -> None:
        alphabets: dict[tuple[str, ...], int] = {}
        self.fixed = [_fixed(q, alphabets) for q in bank.questions]
        self.letters = list(alphabets)  # alphabet number -> its letters as JSON
        self.middles: dict[tuple[int, tuple[int, ...]], str] = {}  # (letters, order) -> text
        # A printed question's JSON after its number and its CSV row after the number, by
        # the item's identity (equal items are one object: versions/balance.py, so a lookup
        # hashes no order), then by value; `kept` holds the items so that no id is reused.
        self.by_id: dict[int, tuple[str, str]] = {}
        self.by_value: dict[tuple[int, tuple[int, ...]], tuple[str, str]] = {}
        self.kept: list[VersionItem] = []
        self.answers: dict[tuple[int, ...], tuple[str, str]] = {}  # positions -> JSON, CSV
        self.numbers: list[tuple[str, str]] = []  # ('{"number": n', ',n') for n = 1, 2, …

    def entry(self, v: ExamVersion) -> VersionKey:
        by_id, made = self.by_id, self._printed
        found = [by_id.get(id(item)) or made(item) for item in v.items]
        more = range(len(self.numbers) + 1, len(found) + 1)
        self.numbers += [(f'{{"number": {n}', f",{n}") for n in more]
        code_cell = csv_cell(v.code)
        pairs = list(zip(self.numbers, found, strict=False))  # numbers of longer versions too
        texts = ", ".join([n[0] + f[0] for n, f in pairs])
        rows = "".join([code_cell + n[1] + f[1] for n, f in pairs])
        student = ""
        if v.student is not None:
            s = v.student
            who = {"id": s.id, "number": s.number, "name": s.name, "class": s.klass}
            student = f'"student": {_dump(who)}, '
        permutation = _dump([item.question for item in v.items])
        rest = f'{{{student}"permutation": {permutation}, "questions": [{texts}]}}'
        return VersionKey(v.code, rest, rows)

    def _printed(self, item: VersionItem) -> tuple[str, str]:
        """A printed question's JSON from '"id"' on and its CSV row from the id on."""
        key = (item.question, item.order)
        found = self.by_value.get(key)
        if found is None:
            found = self.by_value[key] = self._text(item)
        self.by_id[id(item)] = found
        self.kept.append(item)
        return found

    def _text(self, item: VersionItem) -> tuple[str, str]:
        order = item.order
        head, tail, id_cell, points_cell, letters, bank_answer = self.fixed[item.question]
        # Questions share their letters (A, B, C, …) and their orders: the order's text is
        # made once per such pair, not once per question.
        middle = self.middles.get((letters, order))
        if middle is None:
            shown_order = ", ".join(map(self.letters[letters].__getitem__, order))
            options = str(list(order))  # '[3, 2, 0, 1]', as json.dumps writes it
            middle = self.middles[(letters, order)] = f'[{shown_order}], "options": {options}'
        answer = tuple(sorted(map(order.index, bank_answer)))  # printed_answer
        shown = self.answers.get(answer)
        if shown is None:
            names = [letter(p) for p in answer]
            shown = self.answers[answer] = (_dump(names), csv_cell(";".join(names)))
        text = f'{head}{middle}, "answer": {shown[0]}{tail}'
        return text, f",{id_cell},{shown[1]},{points_cell}\n"


def _fixed(q: Question, letters: dict[tuple[str, ...], int]) -> _Fixed:
    """A question's text around its printed order in key.json, its key.csv cells, which of
    `letters` (its choices' letters as JSON, numbered as met) it prints, and its answer."""
    head = f', "id": {_dump(q.id)}, "source": {_dump(q.source)}, "multi": {_dump(q.multi)}, '
    bank_answer = _dump([q.choices[i].letter for i in q.answer])
    tail = f', "bank_answer": {bank_answer}, "points": {_dump(q.points)}}}'
    own = tuple(_dump(c.letter) for c in q.choices)
    alphabet = letters.setdefault(own, len(letters))
    return f'{head}"order": ', tail, csv_cell(q.id), csv_cell(q.points), alphabet, q.answer


def _dump(value: Any) -> str:
    """json's C encoder on one line (indent= falls back to pure Python, 2 s for a
    200-version key)."""
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def key_json(
    header: Mapping[str, Any], entries: Iterable[VersionKey], pages: Sequence[PageInfo]
) -> Iterator[str]:
    """key.json in pieces, one line per top-level field and per version: readable and
    diffable. Written piece by piece, the file is never one string in memory."""
    ranges = page_ranges(pages)
    yield header_text(header)
    for i, e in enumerate(entries):
        yield version_text(e, ranges.get(e.code, (0, 0)), first=not i)
    yield JSON_END


JSON_END = "\n  ]\n}\n"


def header_text(header: Mapping[str, Any]) -> str:
    """key.json up to its first version."""
    fields = [f"  {_dump(k)}: {_dump(v)},\n" for k, v in header.items()]
    return "".join(["{\n", *fields, '  "versions": [\n'])


def hash_slots(header: bytes, names: Iterable[str]) -> dict[str, int]:
    """Where in `header` (header_text, UTF-8) each file's SHA-256 (64 characters) is, by the
    order of the "files" field: written there once the files are done."""
    at = header.index(b'\n  "files": {') + len(b'\n  "files": {')
    slots = {}
    for name in names:
        at += len(_dump(name).encode()) + len(b': "')
        slots[name] = at
        at += 64 + len(b'", ')
    return slots


def version_text(e: VersionKey, pages: tuple[int, int], first: bool) -> str:
    """One version's line of key.json (after the one before it, unless `first`)."""
    sep = "" if first else ",\n"  # before each version but the first: no count needed
    return f'{sep}    {{"code": {_dump(e.code)}, "pages": {_dump(list(pages))}, {e.json_rest[1:]}'


def page_ranges(pages: Iterable[PageInfo], offset: int = 0) -> dict[str, tuple[int, int]]:
    """Each section's first and last page number (plus `offset`); a section's pages follow
    one another, so they are taken a run at a time (W2: 5,200 pages)."""
    ranges: dict[str, tuple[int, int]] = {}
    for section, run in groupby(pages, _SECTION):
        numbers = [page.number for page in run]
        low, high = min(numbers) + offset, max(numbers) + offset
        old = ranges.get(section, (low, high))
        ranges[section] = (min(low, old[0]), max(high, old[1]))
    return ranges


CSV_HEADER = ("version", "number", "id", "answer", "points")


def key_csv(entries: Iterable[VersionKey]) -> Iterator[str]:
    """key.csv in pieces: the header, then each version's rows."""
    yield csv_rows([CSV_HEADER])
    for e in entries:
        yield e.csv_rows
