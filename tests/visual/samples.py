"""The Markdown pages the visual test renders: one per area of the layout engine."""

from __future__ import annotations

MARKUP = """\
# 見出し1 {漢字|かんじ}の読み
## 見出し2
### 見出し3
#### 見出し4

{漢字|かんじ}の{読|よ}み{方|かた}、*強調*、**太字**、記号 ✅ ❌ 😀 ★、
リンク [公式](https://example.com/docs) とコード `print("値")`。

> 引用ブロックの中の文章です。長い文章を入れて折り返しを確かめます。

---

1. 一段目の項目です。長い文章を入れて折り返しとぶら下げを確かめます。
   - 二段目の項目です。長い文章を入れて折り返しを確かめます。
     1. 三段目の項目です。長い文章を入れて折り返しを確かめます。
"""

TABLE_CODE = """\
| 左 | 中央 | 右 |
|:---|:---:|---:|
| 長いセルの文章は折り返されます。長いセルの文章は折り返されます。 | ○ | 123 |
| a | b | 4,567 |

```python {linenos}
def search(xs, x):  # xs は昇順
\tlo, hi = 0, len(xs)  # 日本語のコメント
    return "とても長い行は折り返されて、続きの行には継続記号が付きます。とても長い行です。"
```
"""

PROSE = """\
JLREQ に従う行分割では、行頭に句読点や閉じ括弧（」』）が来ないように追い込みまたは追い出しを行う。\
英単語 comprehension や数値 3.14159265 は途中で分割せず、\
URL https://example.com/path/to/page は / の後で分割する。\
和文と欧文の間には四分アキを入れ、両端揃えで右端をそろえる。「かぎ括弧」や（丸括弧）が行末に来ても、\
開き括弧だけが行末に残ることはない。ー（長音）やっ（促音）ぁ（小書き）も行頭に来ない。
"""

PAGES = {"markup": MARKUP, "table_code": TABLE_CODE, "prose": PROSE}
