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
    "E114": (
        "file has {lines:,} lines; the limit is {limit:,}",
        "ファイルが {lines:,} 行あります。上限は {limit:,} 行です",
    ),
    "E114.hint": (
        "one question per file; long data belongs in a separate file",
        "1ファイルに1問ずつにしてください。長いデータは別のファイルに置いてください",
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
}
