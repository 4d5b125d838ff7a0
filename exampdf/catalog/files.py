"""Messages about the other files a teacher gives exampdf: exam.toml (C), rosters (R),
keys and responses (G), exports (X): id -> (English, Japanese)."""

FILE_TEXTS: dict[str, tuple[str, str]] = {
    # exam.toml
    "C001.utf8": ("exam.toml is not UTF-8", "exam.toml が UTF-8 ではありません"),
    "C001.toml": ("not valid TOML: {reason}", "TOML として正しくありません: {reason}"),
    "C001.read": ("cannot read: {reason}", "読めません: {reason}"),
    "C002": ("unknown key '{key}'", "未知のキー '{key}'"),
    "C002.hint": ("known keys: {known}", "使えるキー: {known}"),
    "C003": ("'{key}' has the wrong type ({kind})", "'{key}' の型が違います（{kind}）"),
    "C003.sections": (
        "'sections' must be a list of tables ([[sections]])",
        "'sections' は表のリスト（[[sections]]）にしてください",
    ),
    "C003.section": (
        'a section needs group = "…", pick = N, vary = true|false',
        'sections には group = "…", pick = N, vary = true|false を書いてください',
    ),
    "C004": ("'{key}' {problem}", "'{key}' は{problem}"),
    "C004.pick": (
        "[[sections]] pick must be 0 (all) or more, not {pick}",
        "[[sections]] の pick は 0（すべて）以上にしてください（{pick} ではなく）",
    ),
    "C004.group": ("[[sections]] group is empty", "[[sections]] の group が空です"),
    "C005": ("'{key}' sets the same thing as '{other}'", "'{key}' は '{other}' と同じ設定です"),
    "C005.hint": ("keep one of them", "どちらか一方にしてください"),
    "C006": (
        "[[sections]] group '{group}' names no folder of the bank",
        "[[sections]] の group '{group}' に当たる問題フォルダがありません",
    ),
    "C006.hint": ("groups in this bank: {known}", "この問題集のグループ: {known}"),
    "C006.none": (
        "groups in this bank: none: the bank has no subfolders",
        "この問題集にはグループ（サブフォルダ）がありません",
    ),
    "must.one_of": (
        "must be one of {choices}, not {value}",
        "{choices} のどれかにしてください（{value} ではなく）",
    ),
    "must.between": (
        "must be between {low} and {high}, not {value}",
        "{low} から {high} の間にしてください（{value} ではなく）",
    ),
    "must.one_field": ("needs at least one field", "少なくとも1つの欄が必要です"),
    # tables a teacher saved
    "table.xls": (
        "an old Excel .xls file: save it as .xlsx or as CSV",
        "古い Excel の .xls ファイルです。.xlsx か CSV で保存してください",
    ),
    "table.binary": (
        "binary data, not a table (expected CSV text or an .xlsx file)",
        "表ではなくバイナリデータです（CSV テキストか .xlsx ファイルが必要です）",
    ),
    "table.encoding": (
        "neither UTF-8 nor Shift_JIS text (expected CSV text or an .xlsx file)",
        "UTF-8 でも Shift_JIS でもありません（CSV テキストか .xlsx ファイルが必要です）",
    ),
    "table.zip": (
        "a ZIP file that is not an Excel workbook ({reason})",
        "Excel ブックではない ZIP ファイルです（{reason}）",
    ),
    # rosters
    "R001": ("the roster is {what}", "名簿は{what}"),
    "R001.hint": (
        "save it as CSV (UTF-8 or Shift_JIS) or .xlsx",
        "CSV（UTF-8 か Shift_JIS）か .xlsx で保存してください",
    ),
    "R001.read": ("cannot read the roster: {reason}", "名簿を読めません: {reason}"),
    "R002.rows": ("the roster has no rows", "名簿に行がありません"),
    "R002": ("the roster has no students", "名簿に生徒がいません"),
    "R003": ("no student id or number column", "学籍番号または番号の列がありません"),
    "R003.hint": (
        "the first row names the columns, one of: {known}",
        "1行目に列名を書いてください。次のどれか: {known}",
    ),
    "R004": ("this row has no student id or number", "この行には学籍番号も番号もありません"),
    "R005": ("student id {id} is also on line {line}", "学籍番号 {id} は {line} 行目にもあります"),
    "R005.hint": ("every student needs a distinct id", "生徒ごとに別の番号にしてください"),
    "R006": (
        "student id {id} cannot be marked: the student-number grid holds digits only",
        "学籍番号 {id} は解答用紙にマークできません: 学籍番号欄は数字だけです",
    ),
    "R006.long": (
        "student id {id} cannot be marked: {n} digits, but the student-number grid has {grid}",
        "学籍番号 {id} は解答用紙にマークできません: {n} 桁ですが学籍番号欄は {grid} 桁です",
    ),
    "R006.hint": (
        "ids are marked digit by digit: numeric ids, at most id_digits (exam.toml) long",
        "学籍番号は1桁ずつマークします: 数字だけで、exam.toml の id_digits 桁以内にしてください",
    ),
    # key.json and responses
    "G001.json": ("not valid JSON: {reason}", "JSON として正しくありません: {reason}"),
    "G001": ("not an exampdf key: {detail}", "exampdf の解答キーではありません: {detail}"),
    "G001.hint": (
        "use the key.json that `exampdf make` wrote beside exam.pdf",
        "`exampdf make` が exam.pdf の横に書いた key.json を使ってください",
    ),
    "hint.responses": (
        "columns: student id, version code, then one answer per question (A, AC or A;C)",
        "列: 生徒の番号、版の記号、続けて1問に1つの解答（A、AC、A;C）",
    ),
    "G002": ("no student rows", "生徒の行がありません"),
    "G003": (
        "unknown version '{code}' for student {student}",
        "生徒 {student} の版 '{code}' は解答キーにありません",
    ),
    "G003.hint": ("key.json has versions {known}", "key.json の版: {known}"),
    "G004": (
        "question {number}: '{mark}' is not an option (A–{last})",
        "問{number}: '{mark}' は選択肢にありません（A〜{last}）",
    ),
    "G004.written": (
        "question {number} is written: give the points awarded (0–{points}), not '{cell}'",
        "問{number} は記述式です。'{cell}' ではなく得点（0〜{points}）を書いてください",
    ),
    "G005": (
        "{cells} answer cells, version {code} has {count:#question}",
        "解答欄が {cells} 個ありますが、{code} 版は {count} 問です",
    ),
    "G005.hint": (
        "leave a cell empty for an unanswered question",
        "無解答の問題は空欄のままにしてください",
    ),
    "G006": ("student {student} appears twice", "生徒 {student} が2回出てきます"),
    "G006.hint": ("first seen on line {line}", "最初は {line} 行目"),
    "G007": ("the student id is empty", "生徒の番号が空です"),
    "G008": (
        "question {number} has one answer but '{cell}' marks {marks}",
        "問{number} の正解は1つですが、'{cell}' は {marks} 個選んでいます",
    ),
    "G008.hint": ("scored as wrong", "不正解として採点します"),
    "G009": ("this file is {what}", "このファイルは{what}"),
    # exports
    "X001": ("image not embedded: {src}", "画像を埋め込めませんでした: {src}"),
    "X002": (
        "GIFT cannot carry images: {src} would show as a broken image",
        "GIFT には画像を入れられません: {src} は壊れた画像として表示されます",
    ),
    "X002.hint": (
        "use --format moodle, which embeds the images; or import the GIFT file, then upload "
        "{src} into the question in Moodle's editor",
        "画像を埋め込む --format moodle を使うか、GIFT を読み込んだ後で Moodle の編集画面から "
        "{src} をアップロードしてください",
    ),
}
