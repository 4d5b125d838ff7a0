"""`exampdf init`: three example questions (single, multi, written) and an exam.toml."""

from __future__ import annotations

from pathlib import Path

EXAM_TOML = """\
# exampdf settings for this folder. Command-line options override these.
title = "小テスト"
"""

SINGLE = """\
---
# 任意の設定（消してもかまいません）: id, points, tags, shuffle, pin, multi, group, lines
points: 1
tags: [例題]
---
# 例題1 - 単一選択

## 問題
日本の首都として**正しいもの**を1つ選びなさい。

## 選択肢
A. 大阪
B. 東京
C. 京都
D. 上記のいずれでもない

## 正解
**B**

## 解説
首都は**東京**です。「上記のいずれでもない」のような選択肢は、シャッフルしても最後に固定されます。
"""

MULTI = """\
# 例題2 - 複数選択

## 問題
Python の**ミュータブル（変更可能）**な型をすべて選びなさい。

## 選択肢
A. `list`
B. `tuple`
C. `dict`
D. `str`

## 正解
**A、C**

## 解説
`list` と `dict` は作成後に中身を変更できます。

```python
xs = [1, 2]
xs.append(3)  # OK
```

| 型 | ミュータブル |
|----|:----:|
| `list` | ○ |
| `tuple` | × |
"""

WRITTEN = """\
---
lines: 6
---
# 例題3 - 記述式

## 問題
二分探索が線形探索より速い理由を、前提条件とあわせて説明しなさい。

## 正解
データが**整列済み**であることを前提に、比較のたびに探索範囲を半分にできるため、
計算量が O(log n) になるから。

## 解説
選択肢のない問題は記述式になり、問題用紙には解答欄（`lines` 行）が印刷されます。
"""

FILES = {
    "exam.toml": EXAM_TOML,
    "questions/q01_single.md": SINGLE,
    "questions/q02_multi.md": MULTI,
    "questions/q03_written.md": WRITTEN,
}


def write_starter(folder: Path) -> list[Path]:
    """Create the starter files in `folder` (made if missing); never overwrite a file."""
    written: list[Path] = []
    for name, text in FILES.items():
        path = folder / name
        if path.exists():
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
