"""Hostile text prints literally, links stay harmless, exam.pdf leaks no key, no local paths."""

from __future__ import annotations

import hashlib
import html
import json
import re
from pathlib import Path

import pdfplumber
import pytest
from click.testing import CliRunner
from pypdf import PdfReader
from pypdf.generic import IndirectObject, StreamObject

from exampdf.cli import main
from exampdf.config import ExamConfig
from exampdf.pipeline import make

HOSTILE = [
    "x<y かつ y>z",
    "List<String>",
    "if a<b: pass",
    '<img src="/etc/passwd"/>',
    '<a href="javascript:alert(1)">link</a>',
    "&copy; &amp; &lt;",
    "<b>太字</b>",
]
SECRET_MARK = "EXPLMARK"  # only in explanations
SECRET_KANJI = "鬱"  # only in explanations: must not be in exam.pdf's font subsets
TITLE = '<font size="40">試験</font> & <img src="/etc/passwd"/>'


def hostile_question(n: int, text: str) -> str:
    cell = text.replace("|", "\\|")
    return (
        f"# {text}\n\n## 問題\n{text} を読み、次の表を見よ。\n\n"
        f"| 列 | {cell} |\n| --- | --- |\n| {cell} | `{text}` |\n\n"
        f"## 選択肢\nA. {text}\nB. 選択肢{n}B\nC. 選択肢{n}C\n\n## 正解\nB\n\n"
        f"## 解説\n{SECRET_MARK}{n} {SECRET_KANJI}。正解の理由。\n\n```python\n{text}\n```\n"
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("secret-home-tanaka")
    bank = root / "bank"
    bank.mkdir()
    for n, text in enumerate(HOSTILE):
        (bank / f"q{n:02d}.md").write_text(hostile_question(n, text), encoding="utf-8")
    (bank / "q90.md").write_text(
        "# リンク\n\n## 問題\n[押す](javascript:alert(1)) [共有](smb://host/share) "
        "[外部](https://example.com/a?b=1&c=(2)) [手紙](mailto:a@example.com) "
        '<a href="javascript:alert(2)">生のHTML</a>\n\n'
        f"## 選択肢\nA. 一\nB. 二\n\n## 正解\nA\n\n## 解説\n{SECRET_MARK}90 {SECRET_KANJI}\n",
        encoding="utf-8",
    )
    config = ExamConfig(title=TITLE, shuffle=True, versions=2)
    result = make([bank], root / "out", config)
    assert result.ok, [d.human() for d in result.diagnostics]
    return root / "out"


def pdf_text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return re.sub(r"\s", "", "".join(p.extract_text() or "" for p in pdf.pages))


def raw_objects(path: Path) -> bytes:
    """Every object of the PDF, streams decompressed: what a curious student could dig out."""
    reader = PdfReader(path)
    out = []
    for num in range(1, int(reader.trailer["/Size"])):
        try:
            obj = reader.get_object(IndirectObject(num, 0, reader))
        except Exception:  # free entries
            continue
        out.append(obj.get_data() if isinstance(obj, StreamObject) else repr(obj).encode())
    return b"\n".join(out)


def mapped_characters(path: Path) -> str:
    """Every character the embedded font subsets can show (from their ToUnicode maps)."""
    chars = set()
    for cmap in re.findall(rb"beginbfchar(.*?)endbfchar", raw_objects(path), re.S):
        for hexcode in re.findall(rb"<([0-9A-Fa-f]+)>\s*\n?", cmap)[1::2]:
            chars.add(bytes.fromhex(hexcode.decode()).decode("utf-16-be", "replace"))
    for start, end, dest in re.findall(
        rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", raw_objects(path)
    ):
        first = int(dest, 16)
        chars.update(chr(first + i) for i in range(int(end, 16) - int(start, 16) + 1))
    return "".join(sorted(chars))


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_prints_literally_everywhere(built: Path, text: str) -> None:
    exam, key = pdf_text(built / "exam.pdf"), pdf_text(built / "answer-key.pdf")
    needle = re.sub(r"\s", "", text)
    decoded = html.unescape(needle)  # Markdown itself decodes entities outside code
    # heading, stem, two table cells, code span, option on the exam; more on the key
    assert exam.count(needle) + (exam.count(decoded) if decoded != needle else 0) >= 5
    assert key.count(needle) + (key.count(decoded) if decoded != needle else 0) >= 6
    assert needle in exam  # the code span keeps it as typed


def test_title_is_literal_in_metadata_and_on_the_page(built: Path) -> None:
    for name in ("exam.pdf", "answer-key.pdf"):
        meta = PdfReader(built / name).metadata
        assert meta is not None and TITLE in str(meta.title)
        assert re.sub(r"\s", "", TITLE) in pdf_text(built / name)


def test_no_local_file_is_embedded_and_no_active_content(built: Path) -> None:
    for name in ("exam.pdf", "answer-key.pdf"):
        raw = raw_objects(built / name)
        assert b"root:" not in raw  # /etc/passwd was not read in
        for bad in (b"/JavaScript", b"/JS", b"/Launch", b"/EmbeddedFile", b"/SubmitForm"):
            assert bad not in raw, (name, bad)


def test_only_web_and_mail_links_become_pdf_links(built: Path) -> None:
    uris = []
    for page in PdfReader(built / "exam.pdf").pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A", {})
            assert action.get("/S") == "/URI"
            uris.append(str(action["/URI"]))
    assert sorted(set(uris)) == ["https://example.com/a?b=1&c=(2)", "mailto:a@example.com"]
    text = pdf_text(built / "exam.pdf")
    assert "押す" in text and "smb://host/share" in text  # printed, but not clickable
    assert '<ahref="javascript:alert(2)">生のHTML</a>' in text  # raw HTML is text


def test_exam_pdf_carries_no_explanation_anywhere(built: Path) -> None:
    exam = built / "exam.pdf"
    assert SECRET_MARK not in pdf_text(exam)
    assert SECRET_MARK.encode() not in raw_objects(exam)
    assert SECRET_KANJI not in mapped_characters(exam)  # not even drawn invisibly
    assert SECRET_KANJI in mapped_characters(built / "answer-key.pdf")  # the probe works
    reader = PdfReader(exam)
    assert SECRET_MARK not in repr(reader.outline) + repr(reader.metadata)
    for marker in ("正解：", "出題位置", "解説"):
        assert marker not in pdf_text(exam)


def test_correct_option_labels_look_like_the_others(built: Path) -> None:
    """A bold or differently set label would give the answer away."""
    with pdfplumber.open(built / "exam.pdf") as pdf:
        labels = [
            (c["fontname"], round(c["size"], 2))
            for page in pdf.pages
            for c in page.chars
            if c["text"] in "ABC" and c["x0"] < 140
        ]
    assert len(set(labels)) == 1


def _all_output_text(out: Path) -> str:
    parts = []
    for f in sorted(out.rglob("*")):
        if f.suffix == ".pdf":
            parts += [pdf_text(f), raw_objects(f).decode("latin-1")]
        elif f.is_file():
            parts.append(f.read_text(encoding="utf-8"))
    return "\n".join(parts)


def test_no_path_of_the_authors_machine_in_any_output(built: Path) -> None:
    everything = _all_output_text(built)
    assert "secret-home-tanaka" not in everything
    assert "/tmp" not in everything and str(Path.home()) not in everything
    manifest = json.loads((built / "key.json").read_text(encoding="utf-8"))
    assert manifest["versions"][0]["questions"][0]["source"].startswith("bank/q")


def test_relative_bank_outside_cwd_is_named_from_the_bank(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bank = tmp_path / "home-tanaka" / "exams" / "bank"
    bank.mkdir(parents=True)
    (bank / "q.md").write_text(hostile_question(0, "普通"), encoding="utf-8")
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    result = make([Path("../home-tanaka/exams/bank")], Path("out"), ExamConfig())
    assert result.ok
    assert "home-tanaka" not in _all_output_text(Path("out"))


@pytest.fixture(scope="module")
def encrypted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("enc")
    bank = root / "bank"
    bank.mkdir()
    (bank / "q.md").write_text(hostile_question(0, "普通"), encoding="utf-8")
    env = {"EXAMPDF_KEY_PASSWORD": "s3cret-Pw"}
    args = ["make", str(bank), "-o", str(root / "out"), "--encrypt", "-q"]
    result = CliRunner().invoke(main, args, env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return root / "out", result.output


def test_encrypt_protects_the_key_with_aes256(encrypted: tuple[Path, str]) -> None:
    out, _ = encrypted
    reader = PdfReader(out / "answer-key.pdf")
    assert reader.is_encrypted
    enc = reader.trailer["/Encrypt"].get_object()
    assert enc["/V"] == 5 and enc["/R"] == 6 and enc["/CF"]["/StdCF"]["/CFM"] == "/AESV3"
    assert SECRET_MARK.encode() not in (out / "answer-key.pdf").read_bytes()
    assert reader.decrypt("wrong") == 0
    assert reader.decrypt("s3cret-Pw") != 0
    assert SECRET_MARK in reader.pages[-1].extract_text() + "".join(
        p.extract_text() for p in reader.pages
    )
    assert not PdfReader(out / "exam.pdf").is_encrypted


def test_password_is_never_echoed_or_stored(encrypted: tuple[Path, str]) -> None:
    out, output = encrypted
    assert "s3cret-Pw" not in output
    for f in out.rglob("*"):
        assert b"s3cret-Pw" not in f.read_bytes()


def test_encrypt_without_a_terminal_or_password_is_a_usage_error(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    bank.mkdir()
    (bank / "q.md").write_text(hostile_question(0, "普通"), encoding="utf-8")
    args = ["make", str(bank), "-o", str(tmp_path / "out"), "--encrypt", "-q"]
    result = CliRunner().invoke(main, args, env={"EXAMPDF_KEY_PASSWORD": ""})
    assert result.exit_code == 2
    assert not (tmp_path / "out").exists()


def test_encrypt_covers_per_version_keys(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    bank.mkdir()
    (bank / "q.md").write_text(hostile_question(0, "普通"), encoding="utf-8")
    config = ExamConfig(shuffle=True, versions=2, key_per_version=True)
    assert make([bank], tmp_path / "out", config, key_password="pw").ok
    pdfs = {
        p.relative_to(tmp_path / "out").as_posix(): PdfReader(p).is_encrypted
        for p in (tmp_path / "out").rglob("*.pdf")
    }
    assert pdfs == {
        "exam.pdf": False,
        "answer-key.pdf": True,
        "keys/A.pdf": True,
        "keys/B.pdf": True,
    }


def test_key_json_records_the_encrypted_files_as_written(tmp_path: Path) -> None:
    """key.json's SHA-256 of each PDF is the file's on disk: taken after encryption, so
    that whoever checks the printed key against it finds the file the run left."""
    bank = tmp_path / "bank"
    bank.mkdir()
    (bank / "q.md").write_text(hostile_question(0, "普通"), encoding="utf-8")
    config = ExamConfig(shuffle=True, versions=2, key_per_version=True)
    out = tmp_path / "out"
    assert make([bank], out, config, key_password="pw").ok
    recorded = json.loads((out / "key.json").read_text(encoding="utf-8"))["files"]
    on_disk = {name: hashlib.sha256((out / name).read_bytes()).hexdigest() for name in recorded}
    assert sorted(recorded) == ["answer-key.pdf", "exam.pdf", "keys/A.pdf", "keys/B.pdf"]
    assert recorded == on_disk
