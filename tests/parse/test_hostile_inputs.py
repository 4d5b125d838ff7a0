"""Hostile banks from issue 17: huge numbers, file names that are not UTF-8, symlinks leading
out of the bank, special files, misleading encodings, control characters in ids."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from exampdf.parse import parse_bank, parse_text
from exampdf.parse.encoding import decode

BODY = "# t\n\n## 問題\n問{n}\n\n## 選択肢\nA. 一\nB. 二\n\n## 正解\n{answer}\n"


def _write(path: Path, n: int = 1, answer: str = "B") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(BODY.format(n=n, answer=answer), encoding="utf-8")
    return path


def _codes(diags: object) -> list[str]:
    return [d.code for d in diags]  # type: ignore[attr-defined]


# 17.3: a 5,000-digit answer (or count in the stem) is a diagnostic, not a ValueError.
def test_answer_of_thousands_of_digits_names_no_option() -> None:
    question, diags = parse_text(BODY.format(n=1, answer="1" * 5000), "q.md")
    assert question is None
    assert _codes(diags) == ["E004"]
    assert len(diags[0].message) < 200  # the number is not echoed whole


def test_stem_asking_for_thousands_of_digits_answers_parses() -> None:
    text = BODY.format(n="9" * 4900 + "つ選びなさい", answer="B")
    question, diags = parse_text(text, "q.md")
    assert question is not None, [d.human() for d in diags]


# 17.5: the option limit comes before anything that compares options with each other.
def test_too_many_options_stop_at_the_limit_line() -> None:
    options = "".join(f"A. o{i}\n" for i in range(2000))
    text = f"# t\n\n## 問題\nq\n\n## 選択肢\n{options}\n## 正解\nA\n"
    question, diags = parse_text(text, "q.md")
    assert question is None
    e104 = [d for d in diags if d.code == "E104"]
    assert e104 and e104[0].line == 7 + 26 and "2,000 options" in e104[0].message


# 17.4: a file name that is not UTF-8 is read and named printably everywhere.
def test_non_utf8_file_name_is_read_and_named_printably(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    bank.mkdir()
    raw = os.path.join(os.fsencode(bank), b"q\xff.md")
    with open(raw, "w", encoding="utf-8") as f:
        f.write(BODY.format(n=1, answer="B"))
    result = parse_bank([bank])
    assert _codes(result.diagnostics) == ["W121"]
    (question,) = result.bank.questions
    assert question.id == "q\\xff"
    assert question.source.endswith("bank/q\\xff.md")
    question.source.encode("utf-8")  # printable: no lone surrogates left


def test_make_with_a_non_utf8_file_name_writes_its_printable_id(tmp_path: Path) -> None:
    from exampdf.config import ExamConfig
    from exampdf.pipeline import make

    bank = tmp_path / "bank"
    bank.mkdir()
    with open(os.path.join(os.fsencode(bank), b"q\x82\xa0.md"), "w", encoding="utf-8") as f:
        f.write(BODY.format(n=1, answer="B"))
    result = make([bank], tmp_path / "out", ExamConfig(shuffle=True, versions=2))
    assert result.ok, [d.human() for d in result.diagnostics]
    assert "q\\x82\\xa0" in (tmp_path / "out" / "key.csv").read_text(encoding="utf-8-sig")


# 17.8: question files are confined to the bank like images; special files are refused.
def test_symlink_out_of_the_bank_is_refused_unless_allowed(tmp_path: Path) -> None:
    secret = _write(tmp_path / "outside" / "secret.md", n=99)
    bank = tmp_path / "bank"
    _write(bank / "a.md")
    (bank / "zz.md").symlink_to(secret)
    (bank / "pw.md").symlink_to("/etc/passwd")
    result = parse_bank([bank])
    refused = sorted(Path(d.path).name for d in result.diagnostics if d.code == "E109")
    assert refused == ["pw.md", "zz.md"]
    assert [q.source.rsplit("/", 1)[-1] for q in result.bank.questions] == ["a.md"]
    allowed = parse_bank([bank / "zz.md"], allow_outside_questions=True)
    assert allowed.ok and len(allowed.bank.questions) == 1


def test_symlink_inside_the_bank_is_read(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    _write(bank / "sub" / "real.md")
    (bank / "link.md").symlink_to(bank / "sub" / "real.md")
    assert parse_bank([bank / "link.md"]).diagnostics == ()


def test_fifo_given_directly_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "q.md"
    os.mkfifo(fifo)
    result = parse_bank([fifo])
    assert _codes(result.diagnostics) == ["E109"]


def test_dangling_and_looping_links_are_reported(tmp_path: Path) -> None:
    (tmp_path / "d.md").symlink_to(tmp_path / "nowhere.md")
    (tmp_path / "l.md").symlink_to(tmp_path / "l.md")
    for name in ("d.md", "l.md"):
        assert _codes(parse_bank([tmp_path / name]).diagnostics) == ["E001"]


# 17.14: E012 names an encoding only when the file decodes cleanly in it.
TEXT = "# 問題\n\n## 問題\nこれは日本語の文章です。\n"


@pytest.mark.parametrize(
    ("data", "named"),
    [
        (TEXT.encode("cp932"), "Shift_JIS"),
        (TEXT.encode("euc_jp"), "EUC-JP"),
        (TEXT.encode("iso2022_jp"), "ISO-2022-JP"),
        (TEXT.encode("utf-16"), "UTF-16"),
        (TEXT.encode("utf-32"), "UTF-32"),
        ("# abc\nhello\n".encode("utf-32-le"), "UTF-32"),
        ("# abc\nhello\n".encode("utf-16-le"), "UTF-16"),
    ],
)
def test_e012_names_the_encoding_that_decodes_cleanly(data: bytes, named: str) -> None:
    text, (diag,) = decode(data, "q.md")
    assert text is None and diag.code == "E012"
    assert diag.message.endswith(f"it is {named}") or f"it is {named} " in diag.message


@pytest.mark.parametrize(
    ("data", "offset", "line"),
    [
        (TEXT.encode()[:-1] + "漢".encode()[:2], len(TEXT.encode()) - 1, 4),  # cut short
        (TEXT.encode() + b"\xed\xa0\x80\n", len(TEXT.encode()), 5),  # a lone surrogate
        ("café\n".encode("latin-1"), 3, 1),
    ],
)
def test_e012_gives_the_first_bad_byte_when_no_encoding_fits(
    data: bytes, offset: int, line: int
) -> None:
    _, (diag,) = decode(data, "q.md")
    assert "it is" not in diag.message and "looks like" not in diag.message
    assert f"byte {offset:,} " in diag.message and diag.line == line


def test_iso2022jp_is_e012_not_e011() -> None:
    result_text, diags = decode(TEXT.encode("iso2022_jp"), "q.md")
    assert result_text is None and _codes(diags) == ["E012"]


# 17.11 (second half): ids with control characters are refused.
@pytest.mark.parametrize("escape", ["\\0", "\\t", "\\x1b", "\\n"])
def test_control_characters_in_an_id_are_refused(escape: str) -> None:
    text = f'---\nid: "a{escape}b"\n---\n' + BODY.format(n=1, answer="B")
    question, diags = parse_text(text, "q.md")
    assert question is None and "E010" in _codes(diags)


def test_export_json_names_a_non_utf8_file_printably(tmp_path: Path) -> None:
    """Found by bench/fuzz.py: the JSON export wrote the raw name and failed to encode it."""
    from click.testing import CliRunner

    from exampdf.cli import main

    bank = tmp_path / "bank"
    bank.mkdir()
    with open(os.path.join(os.fsencode(bank), b"q\xff.md"), "w", encoding="utf-8") as f:
        f.write(BODY.format(n=1, answer="B"))
    out = tmp_path / "x.json"
    args = ["export", str(bank), "--format", "json", "-o", str(out)]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "q\\\\xff.md" in out.read_text(encoding="utf-8")


# 17.5: the line limit comes before markdown-it, whose table and list rules are superlinear.
@pytest.mark.parametrize(("rows", "refused"), [(2_980, False), (3_000, True)])
def test_line_limit_is_checked_before_parsing(rows: int, refused: bool) -> None:
    table = "|a|b|\n|-|-|\n" + "|x|y|\n" * rows
    _, diags = parse_text(BODY.format(n=table, answer="B"), "q.md")
    assert ("E114" in _codes(diags)) == refused
