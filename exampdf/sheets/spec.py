"""What the answer sheets take from the settings: a plain spec the pipeline builds."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SheetSpec:
    """The printed words and the grid's shape; the rest of the sheet is fixed geometry."""

    title: str = "確認テスト"
    paper: str = "A4"
    id_digits: int = 0  # student-number grid columns; 0: the roster's longest id, else 8
    label_style: str = "A"  # A, ア, 1 or ①
    name_fields: tuple[str, ...] = ("組", "番号", "氏名")
    seed: int = 0  # part of the exam fingerprint the QR code carries
