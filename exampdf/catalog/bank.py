"""Messages about bank files (E and W codes, docs/format.md): id -> (English, Japanese).

An id is the code, or the code and a variant (`E010.yaml`); `.hint` ids are the hints.
"""

BANK_TEXTS: dict[str, tuple[str, str]] = {
    # limits
    "E101": (
        "file is larger than {kib} KiB; is it a question file?",
        "ファイルが {kib} KiB を超えています。問題ファイルですか？",
    ),
    "E101.hint": ("split it into one question per file", "1ファイルに1問ずつ分けてください"),
    "E107": (
        "text contains a lone surrogate (broken UTF-16)",
        "孤立したサロゲート文字があります（壊れた UTF-16）",
    ),
    "W120": (
        "invisible control characters removed: {chars}",
        "見えない制御文字を取り除きました: {chars}",
    ),
    "W120.hint": (
        "they usually come from copying out of a PDF or a terminal",
        "PDF や端末からコピーしたときに入ることがよくあります",
    ),
    "E102": (
        "line is {length:,} characters long (the limit is {limit:,})",
        "1行が {length:,} 文字あります（上限は {limit:,} 文字）",
    ),
    "E102.hint": (
        "break it into paragraphs; long data belongs in a separate file",
        "段落に分けてください。長いデータは別のファイルに置いてください",
    ),
    "E104": (
        "{count:,} options; the limit is {limit} (A–Z)",
        "選択肢が {count:,} 個あります。上限は {limit} 個（A〜Z）です",
    ),
    "E105": (
        "lists or quotes nested more than {limit} levels deep",
        "箇条書きや引用の入れ子が {limit} 段を超えています",
    ),
    "E105.hint": ("flatten the list", "入れ子を浅くしてください"),
    "E106": (
        "table has {width} columns; the limit is {limit}",
        "表の列が {width} 列あります。上限は {limit} 列です",
    ),
    "E106.hint": (
        "split it, or turn rows into columns",
        "表を分けるか、行と列を入れ替えてください",
    ),
    "E103": (
        "code block has {lines:,} lines; the limit is {limit:,}",
        "コードブロックが {lines:,} 行あります。上限は {limit:,} 行です",
    ),
    "E103.hint": ("print the part the question is about", "問題に関係する部分だけを載せてください"),
    # files and encodings
    "E001.empty": (
        "no question files (*.md, *.txt) in this folder",
        "このフォルダに問題ファイル（*.md, *.txt）がありません",
    ),
    "E001.empty.hint": (
        "put one question per .md file here",
        "1問ずつ .md ファイルにして置いてください",
    ),
    "E001.missing": ("no such file or folder", "ファイルまたはフォルダがありません"),
    "E001.read": ("cannot read the file: {reason}", "ファイルを読めません: {reason}"),
    "E001.loop": ("a symlink loop", "シンボリックリンクが循環しています"),
    "E109.special": (
        "not a regular file (a device, pipe or socket)",
        "通常のファイルではありません（デバイス、パイプ、ソケット）",
    ),
    "E109.outside": (
        "a symlink to a file outside the bank folder",
        "問題フォルダの外のファイルへのシンボリックリンクです",
    ),
    "E109.outside.hint": (
        "copy the file into the bank, or use make --allow-outside-questions",
        "ファイルを問題フォルダにコピーするか、make --allow-outside-questions を使ってください",
    ),
    "W121": (
        "the file name is not UTF-8 text; it is called “{name}” in the outputs",
        "ファイル名が UTF-8 ではありません。出力では「{name}」と表示します",
    ),
    "W121.hint": (
        "rename it (e.g. `convmv -f cp932 -t utf8 --notest FILE`)",
        "名前を付け直してください（例: `convmv -f cp932 -t utf8 --notest FILE`）",
    ),
    "E012": (
        "file is not UTF-8; it is {encoding}",
        "ファイルが UTF-8 ではありません。{encoding} です",
    ),
    "E012.mixed": (
        "file is not UTF-8: from line {line} (byte {byte:,}) on it is {encoding}",
        "ファイルが UTF-8 ではありません: {line} 行目（{byte:,} バイト目）から先は {encoding} です",
    ),
    "E012.mixed.hint": (
        "the file mixes two encodings; retype or convert the part from there on "
        "(`iconv -f {iconv} -t UTF-8`)",
        "2つの文字コードが混ざっています。そこから先を打ち直すか変換してください"
        "（`iconv -f {iconv} -t UTF-8`）",
    ),
    "E012.cut": (
        "file is not UTF-8: it ends in the middle of a character at byte {byte:,} (line {line})",
        "ファイルが UTF-8 ではありません: {byte:,} バイト目（{line} 行目）で文字の途中で終わっています",
    ),
    "E012.byte": (
        "file is not UTF-8: byte {byte:,} ({value}, line {line}) is not valid UTF-8, and no "
        "other encoding reads the file cleanly",
        "ファイルが UTF-8 ではありません: {byte:,} バイト目（{value}、{line} 行目）が UTF-8 "
        "として正しくなく、ほかの文字コードでも読めません",
    ),
    "E012.damaged.hint": (
        "it may be cut short or damaged; re-save the file as UTF-8 from the original",
        "途中で切れているか壊れているかもしれません。元のファイルから UTF-8 で保存し直してください",
    ),
    "E012.hint": (
        "save the file as UTF-8 (in VS Code: “Save with Encoding” → UTF-8; or "
        "`iconv -f {iconv} -t UTF-8 old.md > new.md`)",
        "UTF-8 で保存し直してください（VS Code:「エンコード付きで保存」→ UTF-8、または "
        "`iconv -f {iconv} -t UTF-8 old.md > new.md`）",
    ),
    "E012.nul": (
        "file contains NUL bytes; it looks like binary data",
        "ファイルに NUL バイトがあります。バイナリデータのようです",
    ),
    "E012.nul.hint": ("save the file as UTF-8 text", "UTF-8 のテキストとして保存してください"),
    # front matter
    "E010.yaml": (
        "front matter is not valid YAML: {problem}",
        "フロントマターが YAML として正しくありません: {problem}",
    ),
    "E010.yaml.hint": (
        "write `key: value` lines between the `---` lines",
        "`---` の行の間に `キー: 値` の行を書いてください",
    ),
    "E010.mapping": (
        "front matter must be `key: value` lines",
        "フロントマターは `キー: 値` の行で書いてください",
    ),
    "E010.value": ("front matter `{key}` {problem}", "フロントマターの `{key}` は{problem}"),
    "E010.value.hint": ("for example `{example}`", "例: `{example}`"),
    "W008": (
        "unknown front matter key `{key}` is ignored",
        "フロントマターの未知のキー `{key}` は無視します",
    ),
    "W008.hint": ("known keys: {known}", "使えるキー: {known}"),
    "must.text": ("must be text", "文字列にしてください"),
    "must.no_controls": (
        "must not contain control characters (tab, NUL, escape, …)",
        "制御文字（タブ、NUL、エスケープなど）を含めないでください",
    ),
    "must.bool": ("must be true or false", "true か false にしてください"),
    "must.whole": (
        "must be a whole number from {low} to {high}",
        "{low}〜{high} の整数にしてください",
    ),
    "must.list": ("must be a list", "リストにしてください"),
    "must.pin_list": (
        "must be a list of option labels or false",
        "選択肢の記号のリストか false にしてください",
    ),
    # the file's shape
    "hint.not_a_question": (
        "a question file has `# title`, `## 問題`, `## 選択肢`, `## 正解` and `## 解説`",
        "問題ファイルには `# 題名`, `## 問題`, `## 選択肢`, `## 正解`, `## 解説` を書きます",
    ),
    "E002": ("empty file", "ファイルが空です"),
    "E011": (
        "not a question: no `## 問題`, `## 選択肢` or `## 正解` section",
        "問題ではありません: `## 問題`, `## 選択肢`, `## 正解` のどれもありません",
    ),
    "E013": (
        "a second `#` title: one file holds one question",
        "2つ目の `#` 題名があります。1ファイルに1問です",
    ),
    "E013.hint": (
        "move the second question into its own file",
        "2問目は別のファイルに移してください",
    ),
    "W009": (
        "no `# title` line; the title is “{id}”",
        "`# 題名` の行がありません。題名は「{id}」とします",
    ),
    "W009.hint": (
        "start the file with `# a short title`",
        "ファイルの先頭に `# 短い題名` を書いてください",
    ),
    "E003": ("missing section `## {name}`", "`## {name}` の節がありません"),
    "E003.hint": (
        "add a `## {name}` heading (also accepted: {also})",
        "`## {name}` の見出しを加えてください（{also} も使えます）",
    ),
    "W007": (
        "unknown section `## {name}` is kept inside the section above it",
        "未知の節 `## {name}` は直前の節の一部として扱います",
    ),
    "W007.hint": ("the sections are {known}", "節は {known} です"),
    "W013": (
        "second `## {name}` section; its content is added to the first one",
        "2つ目の `## {name}` 節があります。内容は1つ目に加えます",
    ),
    "W013.hint": ("keep one section of each kind", "各節は1つずつにしてください"),
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
    "W101.hint": (
        "use a common character or describe it in words",
        "一般的な文字に置き換えるか、言葉で説明してください",
    ),
}
