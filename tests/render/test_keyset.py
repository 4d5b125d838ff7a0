"""The key outputs: which PDF jobs are planned, what one job writes, what key.json records."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pdfplumber
import pypdf

from exampdf.layout.page.pages import PageInfo
from exampdf.layout.theme import make_theme
from exampdf.model import Bank
from exampdf.model.student import Student
from exampdf.parse.fingerprint import Fingerprint
from exampdf.render import keyset
from exampdf.render.keyfiles import version_entries
from exampdf.render.keyset import KeyRun, KeySpec, key_pdf_jobs, spool_entries, write_key_files
from exampdf.versions import ExamVersion, VersionItem
from exampdf.versions.labels import option_label
from tests.helpers.bankfactory import question
from tests.helpers.blockpdf import lines_of

BANK = Bank((question("q0", options=3, answer=(0,)), question("q1", options=3, answer=(2,))))
A = ExamVersion("A", (VersionItem(0, (0, 1, 2)), VersionItem(1, (0, 1, 2))))
B = ExamVersion("B", (VersionItem(1, (2, 0, 1)), VersionItem(0, (1, 0, 2))))
PRINT = Fingerprint("f" * 64, (("q0.md", "0" * 64),))


def _run(**spec: Any) -> KeyRun:
    fields: dict[str, Any] = {"title": "小テスト", "seed": 1, "shuffle": True, **spec}
    return KeyRun(KeySpec(**fields), make_theme(), PRINT)


def test_one_booklet_unless_a_key_per_version_is_asked_for(tmp_path: Path) -> None:
    assert list(key_pdf_jobs(tmp_path, BANK, [A, B], _run())) == ["answer-key.pdf"]
    assert not (tmp_path / "keys").exists()
    jobs = key_pdf_jobs(tmp_path, BANK, [A, B], _run(key_per_version=True))
    assert list(jobs) == ["answer-key.pdf", "keys/A.pdf", "keys/B.pdf"]
    assert (tmp_path / "keys").is_dir()  # made before any job runs: jobs may run in workers


def test_a_version_job_writes_that_versions_key_in_the_configured_labels(tmp_path: Path) -> None:
    jobs = key_pdf_jobs(tmp_path, BANK, [A, B], _run(key_per_version=True, label_style="ア"))
    pages = jobs["keys/B.pdf"]()
    assert not (tmp_path / "answer-key.pdf").exists()  # each job writes its own file only
    with (tmp_path / "keys/B.pdf").open("rb") as f:
        reader = pypdf.PdfReader(f)
        assert len(reader.pages) == pages
        assert reader.metadata.title == "小テスト B版 解答・解説"
    with pdfplumber.open(tmp_path / "keys/B.pdf") as pdf:
        rows = ["".join(c["text"] for c in ln) for ln in lines_of(pdf.pages[1].chars)]
    # B prints q1 first with options C, A, B (its answer, bank C, is printed first: ア),
    # then q0 with options B, A, C (bank A printed second: イ)
    assert "Bアイ2点" in rows


def test_key_files_record_every_pdf_and_each_versions_pages(tmp_path: Path) -> None:
    (tmp_path / "exam.pdf").write_bytes(b"exam")
    (tmp_path / "answer-key.pdf").write_bytes(b"key")
    exam_pages = [
        PageInfo(1, "A", 1, 1, False, True),
        PageInfo(2, "A", 2, 1, True, True),
        PageInfo(3, "B", 1, 1, False, True),
    ]
    write_key_files(tmp_path, BANK, [A, B], exam_pages, {"answer-key.pdf": 1}, _run(seed=5))
    key = json.loads((tmp_path / "key.json").read_text(encoding="utf-8"))
    assert key["files"] == {
        "exam.pdf": hashlib.sha256(b"exam").hexdigest(),
        "answer-key.pdf": hashlib.sha256(b"key").hexdigest(),
    }
    assert key["seed"] == 5 and key["bank"]["fingerprint"] == "f" * 64
    assert [(v["code"], v["pages"]) for v in key["versions"]] == [("A", [1, 2]), ("B", [3, 3])]
    csv = (tmp_path / "key.csv").read_text(encoding="utf-8-sig").splitlines()
    assert csv == [
        "version,number,id,answer,points",
        "A,1,q0,A,1",
        "A,2,q1,C,1",
        "B,1,q1,A,1",
        "B,2,q0,B,1",
    ]


def test_entries_made_beforehand_are_used_as_given(tmp_path: Path) -> None:
    (tmp_path / "exam.pdf").write_bytes(b"exam")
    (entry,) = version_entries(BANK, [A])
    marked = '{"permutation": ["marker"], ' + entry.json_rest.split("], ", 1)[1]
    entries = [replace(entry, json_rest=marked)]
    write_key_files(tmp_path, BANK, [A, B], [], {}, _run(), entries)
    key = json.loads((tmp_path / "key.json").read_text(encoding="utf-8"))
    assert [v["code"] for v in key["versions"]] == ["A"]
    assert key["versions"][0]["permutation"] == ["marker"]
    assert list(key["files"]) == ["exam.pdf"]


def test_spooled_entries_give_the_same_files_and_leave_no_spool(tmp_path: Path) -> None:
    """The main process keeps no version's entry while the PDFs are laid out: they wait in a
    file of the staging folder (tabs and newlines in a student's name included)."""
    odd = ExamVersion("C\t1", B.items, Student("s1", "1", "名前\n二行", "組\t"))
    for folder in ("held", "spooled"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "exam.pdf").write_bytes(b"exam")
    versions = [A, B, odd]
    pages = [PageInfo(1, "C\t1", 1, 1, False, True)]
    write_key_files(tmp_path / "held", BANK, versions, pages, {}, _run())
    spooled = spool_entries(tmp_path / "spooled", BANK, versions)
    assert len(spooled) == 3 and list(spooled) == version_entries(BANK, versions)
    write_key_files(tmp_path / "spooled", BANK, versions, pages, {}, _run(), spooled)
    assert sorted(p.name for p in (tmp_path / "spooled").iterdir()) == [
        "exam.pdf",
        "key.csv",
        "key.json",
    ]
    for name in ("key.json", "key.csv"):
        assert (tmp_path / "held" / name).read_bytes() == (tmp_path / "spooled" / name).read_bytes()


def test_the_keys_labels_are_option_labels_past_the_looked_up_ones() -> None:
    for style in ("A", "ア", "1", "①"):
        label = keyset._labels(style)
        assert [label(p) for p in range(60)] == [option_label(p, style) for p in range(60)]
