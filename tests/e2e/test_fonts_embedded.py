"""Issue 16 item 15: no PDF exampdf writes names a font it does not embed.

A print shop's preflight rejects a PDF that lists Helvetica (Type 1, not embedded), even
when nothing is drawn with it: ReportLab selects Helvetica for a table cell and Times-Roman
for a graphics drawing unless told otherwise. Every output kind is checked.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

from exampdf.cli import main

ROOT = Path(__file__).resolve().parents[2]


def _fonts(resources: object, seen: set[int], out: dict[str, bool]) -> None:
    """Every font in these resources and in the forms they use: name -> embedded."""
    if isinstance(resources, IndirectObject):
        if resources.idnum in seen:
            return
        seen.add(resources.idnum)
    res = resources.get_object() if resources is not None else None  # type: ignore[attr-defined]
    if not isinstance(res, DictionaryObject):
        return
    for font in (res.get("/Font") or DictionaryObject()).get_object().values():
        f = font.get_object()
        descendants = f.get("/DescendantFonts")
        target = descendants.get_object()[0].get_object() if descendants else f
        desc = (target.get("/FontDescriptor") or DictionaryObject()).get_object()
        embedded = any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
        out[str(f.get("/BaseFont"))] = embedded or f.get("/Subtype") == "/Type3"
    for xobject in (res.get("/XObject") or DictionaryObject()).get_object().values():
        x = xobject.get_object()
        if x.get("/Subtype") == "/Form":
            _fonts(x.get("/Resources"), seen, out)


def not_embedded(path: Path) -> list[str]:
    found: dict[str, bool] = {}
    seen: set[int] = set()
    for page in PdfReader(path).pages:
        _fonts(page.get("/Resources"), seen, found)
    assert found, f"{path.name}: no fonts found at all"
    return sorted(name for name, ok in found.items() if not ok)


def test_every_output_embeds_every_font_it_names(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text("学籍番号,氏名\n2301,青木 花子\n2302,井上 太郎\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ["make", str(ROOT / "questions"), "-o", str(out), "--shuffle", "-q", "--cover"]
    args += ["--answer-sheet", "--key-per-version", "--roster", str(roster)]
    made = CliRunner().invoke(main, args)
    assert made.exit_code == 0, made.output
    plain = CliRunner().invoke(
        main, ["make", str(ROOT / "questions"), "-o", str(tmp_path / "p"), "-q"]
    )
    assert plain.exit_code == 0, plain.output
    key = json.loads((out / "key.json").read_text(encoding="utf-8"))
    version = key["versions"][0]
    answers = ["A"] * len(version["questions"])
    responses = tmp_path / "responses.csv"
    responses.write_text(f"s1,{version['code']},{','.join(answers)}\n", encoding="utf-8")
    report = CliRunner().invoke(main, ["report", str(responses), "--key", str(out / "key.json")])
    assert report.exit_code == 0, report.output
    pdfs = [*out.glob("*.pdf"), *out.glob("keys/*.pdf"), *(tmp_path / "p").glob("*.pdf")]
    pdfs.append(tmp_path / "report.pdf")
    names = {p.name for p in pdfs}
    assert {"exam.pdf", "answer-key.pdf", "answer-sheets.pdf", "report.pdf"} <= names
    assert {p.name: not_embedded(p) for p in pdfs} == {p.name: [] for p in pdfs}
