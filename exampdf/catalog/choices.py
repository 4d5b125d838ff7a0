"""Messages about options, answers, images and the bank as a whole (E and W codes):
id -> (English, Japanese), as in bank.py."""

CHOICE_TEXTS: dict[str, tuple[str, str]] = {
    # options
    "E006.none": ("no options found under `## 選択肢`", "`## 選択肢` の下に選択肢がありません"),
    "E006.none.hint": (
        "write one option per line: `A. …`, `B. …` (or ア. / 1) / ①)",
        "1行に1つずつ `A. …`, `B. …`（または ア. / 1) / ①）と書いてください",
    ),
    "E006.no_section": (
        "the answer names option {labels} but there is no `## 選択肢` section",
        "正解に選択肢 {labels} とありますが `## 選択肢` の節がありません",
    ),
    "E006.no_section.hint": (
        "add the options under `## 選択肢`, or write a model answer",
        "`## 選択肢` に選択肢を書くか、模範解答を書いてください",
    ),
    "E008": (
        "only one option; a choice question needs at least two",
        "選択肢が1つだけです。選択問題には2つ以上必要です",
    ),
    "E008.hint": (
        "add options, or delete `## 選択肢` to make a written-answer question",
        "選択肢を増やすか、`## 選択肢` を消して記述式にしてください",
    ),
    "E007": (
        "option label {label} is used twice (lines {first} and {second})",
        "選択肢の記号 {label} が2回使われています（{first} 行目と {second} 行目）",
    ),
    "E007.hint": (
        "give each option its own label: A, B, C, …",
        "選択肢ごとに別の記号を付けてください: A, B, C, …",
    ),
    "E015": ("option {label} has no text", "選択肢 {label} に本文がありません"),
    "E015.hint": (
        "write the option's text after its label on the same line",
        "記号と同じ行に選択肢の本文を書いてください",
    ),
    "W011.style": (
        "option label {label} mixes label styles; options are lettered by position",
        "選択肢の記号 {label} は他と種類が違います。選択肢は並び順で記号を振ります",
    ),
    "W011.style.hint": ("use one style of label for all options", "記号の種類をそろえてください"),
    "W011.order": (
        "option label {label} is out of order (it is option {letter} by position)",
        "選択肢の記号 {label} の順番が違います（並び順では {letter} です）",
    ),
    "W011.order.hint": (
        "answers are read by label; check the answer names the option you mean",
        "正解は記号で読みます。正解が意図した選択肢を指しているか確かめてください",
    ),
    "W002": (
        "options {first} and {second} have the same text",
        "選択肢 {first} と {second} が同じ文です",
    ),
    "W002.hint": (
        "every option should say something different",
        "選択肢はそれぞれ違う内容にしてください",
    ),
    "W010": ("text before the first option is ignored", "最初の選択肢より前の文は無視します"),
    "W010.hint": (
        "start each option with a label such as `A.`, `ア.`, `1)` or `①`",
        "各選択肢は `A.`, `ア.`, `1)`, `①` などの記号で始めてください",
    ),
    "W012": ("a {kind} inside the options is ignored", "選択肢の中の {kind} は無視します"),
    "W012.hint": (
        "options hold one paragraph each; put long material in ## 問題",
        "選択肢は1段落ずつです。長い内容は ## 問題 に書いてください",
    ),
    "W015": (
        "option {label} reads like “all/none of the above” but will be shuffled",
        "選択肢 {label} は「上記のすべて／いずれでもない」のようですが、並べ替えられます",
    ),
    "W015.hint": (
        "start it with the phrase (上記のいずれでもない…), or add `pin: {label}` in front matter "
        "to keep it last",
        "その語句（上記のいずれでもない…）で始めるか、フロントマターに `pin: {label}` "
        "を書いて最後に固定してください",
    ),
    "W005": (
        "option {label} refers to other options by label (“{found}”); each version rewrites it "
        "to the letters it prints",
        "選択肢 {label} が他の選択肢を記号で指しています（「{found}」）。各版で印刷される記号に書き換えます",
    ),
    "W005.hint": (
        "check one printed version; to keep the letters as written, add `shuffle: false`",
        "印刷された版を1つ確かめてください。記号を書いたとおりにするには `shuffle: false` を加えます",
    ),
    # answers
    "options.none": ("there are none", "選択肢がありません"),
    "options.range": ("options are {first}–{last}", "選択肢は {first}〜{last}"),
    "E004": (
        "answer {label} names no option ({options})",
        "正解の {label} に当たる選択肢がありません（{options}）",
    ),
    "E014": (
        "pin {label} names no option ({options})",
        "pin の {label} に当たる選択肢がありません（{options}）",
    ),
    "E004.hint": ("use one of the labels {labels}", "記号 {labels} のどれかを使ってください"),
    "E005": ("cannot read the answer “{shown}”", "正解「{shown}」を読み取れません"),
    "E005.empty": ("the `## 正解` section is empty", "`## 正解` の節が空です"),
    "E005.empty.hint": (
        "write the answer's label, e.g. **C** or **A、C**",
        "正解の記号を書いてください（例: **C** や **A、C**）",
    ),
    "E005.hint": (
        "write the label(s) of the correct option(s), e.g. **C** or **A、C**",
        "正しい選択肢の記号を書いてください（例: **C** や **A、C**）",
    ),
    "W003": (
        "the question asks for one answer but {marked} are marked",
        "問題文は1つを選ばせていますが、正解が {marked} 個あります",
    ),
    "W003.hint": (
        "reword it (e.g. 「すべて選びなさい」) or fix `## 正解`",
        "問題文を直す（例:「すべて選びなさい」）か `## 正解` を直してください",
    ),
    "W004": (
        "the question asks for {wanted} but {marked} {marked:?is|are} marked",
        "問題文は{wanted}を選ばせていますが、正解は {marked} 個です",
    ),
    "W004.several": ("several answers", "複数"),
    "W004.count": ("{asked} answers", "{asked} 個"),
    "W004.hint": ("reword the question or fix `## 正解`", "問題文か `## 正解` を直してください"),
    # math
    "E110.command": ("unknown command {name} in math", "数式に未知のコマンド {name} があります"),
    "E110.environment": (
        "unknown environment {name} in math",
        "数式に未知の環境 {name} があります",
    ),
    "E110.backslash": ("a lone `\\` at the end of a formula", "数式の末尾に `\\` だけがあります"),
    "E110.hint": ("did you mean {name}?", "{name} のことですか？"),
    "E111.close": (
        "unbalanced braces in math: `}}` without `{{`",
        "数式の括弧が合いません: `{{` のない `}}` があります",
    ),
    "E111.open": (
        "unbalanced braces in math: `{{` not closed",
        "数式の括弧が合いません: `{{` が閉じていません",
    ),
    "E112.left": (
        "`\\left` without `\\right` in math",
        "数式の `\\left` に対応する `\\right` がありません",
    ),
    "E112.right": (
        "`\\right` without `\\left` in math",
        "数式の `\\right` に対応する `\\left` がありません",
    ),
    "E112.begin": (
        "`\\begin{{{env}}}` without `\\end{{{env}}}` in math",
        "数式の `\\begin{{{env}}}` に対応する `\\end{{{env}}}` がありません",
    ),
    "E112.end": (
        "`\\end{{{env}}}` without `\\begin{{{env}}}` in math",
        "数式の `\\end{{{env}}}` に対応する `\\begin{{{env}}}` がありません",
    ),
    "E113": ("`$$` is not closed", "`$$` が閉じていません"),
    "E113.hint": (
        "close it with `$$` on a line of its own, or write \\$\\$ for dollar signs",
        "`$$` だけの行で閉じるか、ドル記号なら \\$\\$ と書いてください",
    ),
    "W110": (
        "display formula is {width:.0f} pt wide; the column has {room:.0f} pt, so it prints at {scale:.0%} size",
        "別行立ての数式の幅が {width:.0f} pt あり、段の幅は {room:.0f} pt なので {scale:.0%} に縮小して印刷します",
    ),
    "W110.hint": (
        "break it over lines with \\begin{{aligned}} … \\end{{aligned}}",
        "\\begin{{aligned}} … \\end{{aligned}} で複数行に分けてください",
    ),
    "W111": (
        "the title holds a formula; titles are plain text, so it prints as written",
        "タイトルに数式があります。タイトルは書式なしの文字なので、そのまま印刷されます",
    ),
    "W111.hint": (
        "write the formula in words in the title, or move it into the question",
        "タイトルでは数式を言葉で書くか、問題文に移してください",
    ),
    # W112: one sentence per kind of block (its code is W112 whatever the kind)
    "W112.table-row": (
        "table row {row} is taller than the page; printed at {pct}%",
        "表の{row}行目がページより高いため、{pct}% に縮小して印刷します",
    ),
    "W112.formula": (
        "a display formula is taller than the page; printed at {pct}%",
        "別行立ての数式がページより高いため、{pct}% に縮小して印刷します",
    ),
    "W112.code": (
        "a code block is taller than the page; printed at {pct}%",
        "コードブロックがページより高いため、{pct}% に縮小して印刷します",
    ),
    "W112.option": (
        "an option is taller than the page; printed at {pct}%",
        "選択肢がページより高いため、{pct}% に縮小して印刷します",
    ),
    "W112.paragraph": (
        "a paragraph is taller than the page; printed at {pct}%",
        "段落がページより高いため、{pct}% に縮小して印刷します",
    ),
    "W112.heading": (
        "a heading is taller than the page; printed at {pct}%",
        "見出しがページより高いため、{pct}% に縮小して印刷します",
    ),
    "W112.list": (
        "a list item is taller than the page; printed at {pct}%",
        "箇条書きの項目がページより高いため、{pct}% に縮小して印刷します",
    ),
    "W112.quote": (
        "a quotation is taller than the page; printed at {pct}%",
        "引用がページより高いため、{pct}% に縮小して印刷します",
    ),
    "W112.block": (
        "a block is taller than the page; printed at {pct}%",
        "ブロックがページより高いため、{pct}% に縮小して印刷します",
    ),
    "W112.hint": (
        "split it into smaller pieces (shorter rows or cells, a smaller image or formula)",
        "小さく分けてください（行やセルを短く、画像や数式を小さく）",
    ),
    # images
    "E108": ("image {src}: {problem}", "画像 {src}: {problem}"),
    "image.unnamed": ("no file named", "ファイル名がありません"),
    "image.url": (
        "only image files in the bank are printed, not URLs",
        "印刷できるのは問題フォルダ内の画像ファイルだけで、URL は使えません",
    ),
    "image.absolute": (
        "absolute paths are not allowed; give a path relative to the question file",
        "絶対パスは使えません。問題ファイルからの相対パスにしてください",
    ),
    "image.missing": ("no such file", "ファイルがありません"),
    "image.outside": (
        "outside the bank folder (use make --allow-outside-images to permit it)",
        "問題フォルダの外にあります（許可するには make --allow-outside-images）",
    ),
    "image.not_file": ("not a file", "ファイルではありません"),
    "image.unreadable": ("cannot read it ({reason})", "読めません（{reason}）"),
    "image.large": ("larger than {mib} MiB", "{mib} MiB を超えています"),
    "image.kind": ("not a PNG or JPEG file", "PNG でも JPEG でもありません"),
    "image.pixels": (
        "{width}×{height} pixels is too large",
        "{width}×{height} ピクセルは大きすぎます",
    ),
    "image.bomb": ("too many pixels (decompression bomb?)", "ピクセル数が多すぎます（解凍爆弾？）"),
    "image.broken": ("broken image data ({kind})", "画像データが壊れています（{kind}）"),
    # the whole bank
    "E009": (
        "question id “{id}” is also used by {other}",
        "問題 ID「{id}」は {other} でも使われています",
    ),
    "E009.hint": (
        "give one of them `id: another-name` in front matter",
        "どちらかのフロントマターに `id: 別の名前` を書いてください",
    ),
    "W001": ("same question text as {other}:{line}", "{other}:{line} と同じ問題文です"),
    "W001.hint": (
        "delete one copy, or reword it if both are wanted",
        "片方を消すか、両方使うなら書き分けてください",
    ),
    "W006": (
        "{count} of {total} single answers ({share}%) are option {letter} as written",
        "単一選択 {total} 問のうち {count} 問（{share}%）の正解が、書かれた順で {letter} です",
    ),
    "W006.hint": (
        "move some correct options to other positions (shuffled exams are fine, but the "
        "source-order exam and students' guesses are not)",
        "正解の位置をいくつか変えてください（シャッフルした版は問題ありませんが、"
        "書いた順の版と生徒の当て推量には偏りが出ます）",
    ),
    "W014": (
        "the explanation mentions “{mention}” in running text; versions' keys print it as the "
        "bank's letter with the option's text",
        "解説の文中に「{mention}」があります。各版の解答では元の記号に選択肢の本文を添えて印刷します",
    ),
    "W014.hint": (
        "write 「選択肢A」 or start the paragraph with the label (`**A. …**`) so the letter can "
        "follow the shuffle",
        "「選択肢A」と書くか、段落を記号（`**A. …**`）で始めると、並べ替えに合わせて記号を書き換えます",
    ),
    "W101": (
        "no font has {chars}; printed as 〓",
        "{chars} はどのフォントにもありません。〓 で印刷します",
    ),
    "W102": (
        "no font has {chars} in {name}; it would print as an empty box",
        "{name} の {chars} はどのフォントにもありません。空白の四角で印刷されます",
    ),
    "W102.hint": (
        "write the name with a common character (𠮷 → 吉, 髙 → 高), or leave that box for the student",
        "一般的な字で書く（𠮷 → 吉、髙 → 高）か、その欄は生徒に書かせてください",
    ),
    "W101.hint": (
        "use a common character or describe it in words",
        "一般的な文字に置き換えるか、言葉で説明してください",
    ),
}
