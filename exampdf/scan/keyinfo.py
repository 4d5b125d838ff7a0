"""What the scanner needs from key.json: the exam fingerprint, the paper and every version's
rows, so that the sheet geometry is replayed exactly as it was printed."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from exampdf.sheets import geometry as G


class KeyError_(ValueError):
    """key.json cannot drive a scan (not exampdf's, or made without answer sheets)."""


@dataclass(frozen=True)
class ScanVersion:
    sheet: G.VersionSheet
    pages: int
    student: str  # a roster version's student id ("" for shared versions)


@dataclass(frozen=True)
class ScanKey:
    fingerprint: str
    paper: G.Paper
    versions: tuple[ScanVersion, ...]

    def by_code(self, code: str) -> ScanVersion | None:
        return next((v for v in self.versions if v.sheet.code == code), None)


def read_scan_key(text: str) -> ScanKey:
    try:
        data = json.loads(text)
        versions = data["versions"]
        sheet = data.get("answer_sheet") or {}
        w, h = sheet.get("paper", G.PAPERS["A4"])
        paper = G.Paper(float(w), float(h), int(sheet.get("id_digits", G.DEFAULT_ID_DIGITS)))
        lines = {str(k): int(n) for k, n in sheet.get("written_lines", {}).items()}
        out = tuple(_version(v, i, paper, lines) for i, v in enumerate(versions))
        fp = str(sheet.get("fingerprint") or _fingerprint(data))
    except (ValueError, KeyError, TypeError) as exc:
        raise KeyError_(f"not a key.json written by `exampdf make` ({exc})") from exc
    return ScanKey(fp, paper, out)


def _version(v: Any, index: int, paper: G.Paper, lines: dict[str, int]) -> ScanVersion:
    rows = tuple(
        G.RowSpec(len(q["order"]), bool(q["multi"]), lines.get(q["id"], 5)) for q in v["questions"]
    )
    sheet = G.VersionSheet(str(v["code"]), index, rows)
    student = str((v.get("student") or {}).get("id", ""))
    return ScanVersion(sheet, G.page_count(sheet, paper), student)


def _fingerprint(data: Any) -> str:
    """For a key.json from before the "answer_sheet" field: the same hash, recomputed."""
    return G.fingerprint(
        int(data["seed"]),
        [
            (str(v["code"]), [(str(q["id"]), tuple(q["options"])) for q in v["questions"]])
            for v in data["versions"]
        ],
    )
