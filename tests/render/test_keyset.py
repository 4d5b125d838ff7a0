"""The key outputs: which PDF jobs are planned, what one job writes, what key.json records."""

from __future__ import annotations

import hashlib
import json
from contextlib import closing
from dataclasses import replace
from pathlib import Path
from typing import Any

import pdfplumber
import pypdf
import pytest

from exampdf.layout.page.pages import PageInfo
from exampdf.layout.theme import make_theme
from exampdf.model import Bank
from exampdf.model.student import Student
from exampdf.parse.fingerprint import Fingerprint
from exampdf.render import keyset
from exampdf.render.keyset import KeyRun, KeySpec, key_pdf_jobs, write_key_files
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


def test_key_files_written_slice_by_slice_are_the_files_written_at_once(tmp_path: Path) -> None:
    """The main process writes each version's entry once the slice with its pages is joined
    (a student's name with a tab and a newline, a code with a tab, a PDF named in Japanese),
    and the SHA-256 last: the same bytes as key.json and key.csv written at once."""
    odd = ExamVersion("C\t1", B.items, Student("s1", "1", "名前\n二行", "組\t"))
    versions = [A, B, odd, replace(A, code="D")]
    pages = [
        PageInfo(1, "A", 1, 2, False, False),
        PageInfo(2, "A", 2, 2, False, True),
        PageInfo(3, "B", 1, 1, False, True),
        PageInfo(4, "B", 2, 1, True, True),
        PageInfo(5, "C\t1", 1, 1, False, True),
    ]
    pdfs = {"answer-key.pdf": 1, "keys/甲.pdf": 1}
    for folder in ("once", "slices"):
        (tmp_path / folder / "keys").mkdir(parents=True)
        for name in ("exam.pdf", *pdfs):
            (tmp_path / folder / name).write_bytes(name.encode())
    write_key_files(tmp_path / "once", BANK, versions, pages, pdfs, _run())
    with closing(keyset.key_files(tmp_path / "slices", BANK, versions, _run(), pdfs)) as files:
        files.add(pages[:2])
        files.add([replace(p, number=p.number - 2) for p in pages[2:]], 2)
        files.finish({"exam.pdf": hashlib.sha256(b"exam.pdf").hexdigest()})
    for name in ("key.json", "key.csv"):
        assert (tmp_path / "once" / name).read_bytes() == (tmp_path / "slices" / name).read_bytes()
    key = json.loads((tmp_path / "slices" / "key.json").read_text(encoding="utf-8"))
    assert key["files"]["keys/甲.pdf"] == hashlib.sha256("keys/甲.pdf".encode()).hexdigest()
    assert [v["pages"] for v in key["versions"]] == [[1, 2], [3, 4], [5, 5], [0, 0]]


def test_pages_of_a_version_already_written_are_a_bug(tmp_path: Path) -> None:
    with closing(keyset.key_files(tmp_path, BANK, [A, B], _run(), {})) as files:
        files.add([PageInfo(1, "B", 1, 1, False, True)])
        with pytest.raises(RuntimeError):
            files.add([PageInfo(1, "A", 1, 1, False, True)], 1)


def test_the_keys_labels_are_option_labels_past_the_looked_up_ones() -> None:
    for style in ("A", "ア", "1", "①"):
        label = keyset._labels(style)
        assert [label(p) for p in range(60)] == [option_label(p, style) for p in range(60)]
