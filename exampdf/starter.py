"""`exampdf init`: three example questions (single, multi, written) and an exam.toml."""

from __future__ import annotations

from pathlib import Path

EXAM_TOML = """\
# exampdf の設定 / exampdf settings for this folder.
# 行頭の # を消すと有効になります（値は既定値）。コマンドラインのオプションが優先されます。
# Remove the leading # to use a key (the value shown is the default). Command-line options win.
# 全項目の説明 / every key explained: docs/config.md (exampdf のソース / in exampdf's source)

# ── 用紙に印刷する内容 / what the paper says ──
title = "小テスト"                  # 試験の題名 / exam title
# subtitle = ""                     # 副題 / subtitle under the title
# subject = ""                      # 科目名 / subject
# school = ""                       # 学校名 / school name
# date = ""                         # 実施日（例 "2025年7月10日"）/ exam date as printed
# duration = ""                     # 試験時間（例 "50分"）/ time allowed
# instructions = []                 # 注意事項（表紙に箇条書き）/ instructions on the cover
# name_fields = ["組", "番号", "氏名"]  # 記名欄 / name boxes on the first page

# ── 見た目 / how it looks ──
# paper = "A4"                      # 用紙: A4 B5 B4 A3 letter / paper size
# orientation = "portrait"          # 向き: portrait（縦）landscape（横）/ orientation
# columns = 0                       # 段数 0=自動 1 2 / columns (0: automatic by line length)
# font = "mincho"                   # 本文書体 mincho gothic / body typeface
# base_size = 10.5                  # 本文の文字サイズ(pt) / body size in points
# label_style = "A"                 # 選択肢の記号 A ア 1 ① / option labels
# show_points = false               # 配点「（1点）」を表示 / print each question's points
# cover = false                     # 表紙を付ける / a cover page per version
# answer_sheet = false              # マークシート式の解答用紙 / also write answer-sheets.pdf
# id_digits = 0                     # 学籍番号の桁数 / student-number digits (0: roster's)
# simplex = false                   # 片面印刷（白紙を入れない）/ no blank pages between versions

# ── 版と並べ替え / versions ──
# shuffle = false                   # 問題と選択肢を版ごとに並べ替え / shuffle per version
# versions = 0                      # 版の数 0=自動（shuffle で4、なしで1）/ number of versions
# seed = 20240401                   # 乱数の種（同じ種で同じ版）/ seed: same seed, same versions
# balance = true                    # 正解の記号を均等に / spread answers over the letters
# roster = ""                       # 名簿（CSV/xlsx）1人1版 / roster: one version per student
# key_per_version = false           # 版ごとの解答 keys/<版>.pdf / one key PDF per version
# strict = false                    # 警告もエラー扱い / treat warnings as errors
# allow_outside_images = false      # 問題フォルダ外の画像を許可 / images from outside the bank
# allow_outside_questions = false   # 問題フォルダ外へのリンクを許可 / question symlinks leading out

# 出題の範囲（フォルダごと）/ sections: questions per subfolder
# [[sections]]
# group = "基礎"                    # questions/基礎/ のフォルダ名 / the subfolder's name
# pick = 0                          # 出題数 0=すべて / questions to draw (0: all)
# vary = false                      # 版ごとに別の問題 / each version draws its own
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

MATH = """\
# 例題4 - 数式

## 問題
$x$ についての二次方程式 $x^2 - 5x + 6 = 0$ の解として正しいものはどれか。
（数式は `$…$`、行を分けて示す式は `$$…$$` で書きます）

$$
x = \\frac{-b \\pm \\sqrt{b^2 - 4ac}}{2a}
$$

## 選択肢
A. $x = 1,\\ 6$
B. $x = 2,\\ 3$
C. $x = -2,\\ -3$
D. $x = \\frac{5}{2}$

## 正解
B

## 解説
$(x - 2)(x - 3) = 0$ より $x = 2,\\ 3$。
解の公式で $a = 1$, $b = -5$, $c = 6$ としても同じ結果になります。
"""

FILES = {
    "exam.toml": EXAM_TOML,
    "questions/q01_single.md": SINGLE,
    "questions/q02_multi.md": MULTI,
    "questions/q03_written.md": WRITTEN,
    "questions/q04_math.md": MATH,
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
