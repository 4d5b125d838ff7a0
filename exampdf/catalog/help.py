"""`--help` in Japanese: each command's and option's English help -> its Japanese text.

Keyed by the English (as gettext keys by msgid), so the options keep their English help
where they are defined; a test walks every command and fails on a help text missing here.
"""

HELP_JA: dict[str, str] = {
    # the command group and click's own options
    "Turn a bank of Markdown questions into shuffled exam PDFs and an answer key.": "Markdown の問題集から、並べ替えた試験問題 PDF と解答を作ります。",
    "Show the version and exit.": "バージョンを表示して終了します。",
    "Show this message and exit.": "このヘルプを表示して終了します。",
    "Language of messages (default: from the locale, LANG=ja_JP… gives ja).": "メッセージの言語（既定: ロケールから。LANG=ja_JP… なら ja）。",
    # make
    "Write exam sheets, the answer-key booklet and key files from BANK (default: questions/).": "BANK（既定: questions/）から問題用紙、解答冊子、解答キーのファイルを書き出します。",
    "Folder for exam.pdf, answer-key.pdf, key.json, key.csv.": "exam.pdf, answer-key.pdf, key.json, key.csv を書くフォルダ。",
    "Settings file (default: ./exam.toml when present).": "設定ファイル（既定: あれば ./exam.toml）。",
    "Shuffle questions (within sections) and options for each version.": "版ごとに問題（節の中で）と選択肢を並べ替えます。",
    "Number of versions (A, B, …). Default: 4 with --shuffle, else 1.": "版の数（A, B, …）。既定: --shuffle なら 4、なければ 1。",
    "Seed for shuffling; the same seed rebuilds the same versions.": "並べ替えの乱数の種。同じ種なら同じ版になります。",
    "CSV or .xlsx of students (id or number, name, class): one version each, named in the name box; the version code comes from the student id. Wins over --versions.": "生徒の名簿（CSV か .xlsx。番号、氏名、組）。1人に1版を作り記名欄に名前を印刷します。版の記号は学籍番号から作ります。--versions より優先します。",
    "Also write keys/<code>.pdf: one version's key with every letter as printed there.": "keys/<版>.pdf も書きます: その版で印刷された記号のままの解答。",
    "Spread correct answers evenly over the printed letters of each version (default on).": "各版で正解の記号が偏らないようにします（既定でオン）。",
    "Exam title (default 確認テスト).": "試験の題名（既定: 確認テスト）。",
    "Paper size (default A4).": "用紙サイズ（既定: A4）。",
    "Body typeface: BIZ UD PMincho (default) or BIZ UD PGothic.": "本文の書体: BIZ UDP明朝（既定）か BIZ UDPゴシック。",
    "Exam sheets upright (default) or sideways.": "問題用紙の向き: 縦（既定）か横。",
    "Columns on exam sheets (default: 2 where one column would hold more than about 48 characters a line: B4/A3 portrait and landscape sheets; else 1).": "問題用紙の段数（既定: 1行が約48字を超える用紙では2段（B4/A3 縦と横向きの用紙）、それ以外は1段）。",
    "Option labels: A B C (default), ア イ ウ, 1 2 3 or ① ② ③.": "選択肢の記号: A B C（既定）、ア イ ウ、1 2 3、① ② ③。",
    "Print 「（2点）」 after each stem.": "各問に「（2点）」のように配点を印刷します。",
    "A cover page per version.": "版ごとに表紙を付けます。",
    "Also write answer-sheets.pdf.": "answer-sheets.pdf（解答用紙）も書きます。",
    "No blank pages: versions need not start odd.": "白紙ページを入れません（版を奇数ページから始めません）。",
    "Treat warnings as errors.": "警告もエラーとして扱います。",
    "Let Markdown images come from outside the bank folder.": "問題フォルダの外の画像も使えるようにします。",
    "Let question files be symlinks to files outside the bank folder.": "問題ファイルが問題フォルダの外を指すシンボリックリンクでもよいことにします。",
    "Password-protect the answer keys (AES-256); password from $EXAMPDF_KEY_PASSWORD or a prompt.": "解答キーにパスワードをかけます（AES-256）。パスワードは $EXAMPDF_KEY_PASSWORD か入力で。",
    "How problems in the bank are printed.": "問題集の不備の表示形式。",
    "Processes writing PDFs at once (default: the machine's cores); output is identical.": "PDF を同時に書くプロセスの数（既定: CPU コア数）。出力は同じです。",
    "No progress bar and no summary.": "進行状況も結果のまとめも表示しません。",
    "Also print how long each stage took.": "各段階にかかった時間も表示します。",
    # check, init
    "Validate a bank: print every problem with file:line, exit 1 if there are errors.": "問題集を検査します: 不備をすべて ファイル:行 付きで表示し、エラーがあれば終了コード 1。",
    "Print diagnostics for people or as JSON for editors/CI.": "不備の表示形式: 人向けか、エディタ/CI 向けの JSON。",
    "Treat warnings as errors (exit 1).": "警告もエラーとして扱います（終了コード 1）。",
    "Also report where shuffled versions print the answers.": "並べ替えた版で正解がどの記号になるかも報告します。",
    "Versions to shuffle for that report.": "その報告のために作る版の数。",
    "Create a starter bank (three example questions) and exam.toml in FOLDER.": "FOLDER に問題集のひな形（例題3問）と exam.toml を作ります。",
    # grade, report, export
    "Score RESPONSES (student, version, one answer per question) and analyse every item.": "RESPONSES（生徒、版、1問に1つの解答）を採点し、各問を分析します。",
    "The key.json that `exampdf make` wrote.": "`exampdf make` が書いた key.json。",
    "Folder for scores.csv and item-analysis.csv (default: beside RESPONSES).": "scores.csv と item-analysis.csv を書くフォルダ（既定: RESPONSES と同じ場所）。",
    "Histogram of totals and a per-question table of the item analysis, as a PDF.": "得点の分布と各問の分析表を PDF にします。",
    "PDF to write (default: report.pdf beside RESPONSES).": "書き出す PDF（既定: RESPONSES と同じ場所の report.pdf）。",
    "Title (default: the exam's title from key.json).": "題名（既定: key.json の試験の題名）。",
    "Export BANK (default: questions/) for Moodle or as JSON.": "BANK（既定: questions/）を Moodle 用や JSON に書き出します。",
    "moodle: Moodle XML (images embedded); gift: GIFT text; json: the parsed model.": "moodle: Moodle XML（画像を埋め込み）、gift: GIFT テキスト、json: 読み込んだ内容。",
    "File to write (default: out/questions.xml, .gift.txt or .json; - for stdout).": "書き出すファイル（既定: out/questions.xml, .gift.txt, .json。- で標準出力）。",
    # scan
    "Read filled-in answer sheets from INPUTS (PDFs, images or folders of them).": "記入済みの解答用紙を INPUTS（PDF、画像、それらのフォルダ）から読み取ります。",
    "The key.json that `exampdf make --answer-sheet` wrote.": "`exampdf make --answer-sheet` が書いた key.json。",
    "Folder for responses.csv, review.html, annotated.pdf and scan.json.": "responses.csv, review.html, annotated.pdf, scan.json を書くフォルダ。",
    "corrections.csv saved from review.html: applied to the last scan in --out.": "review.html で保存した corrections.csv: --out の最後の読み取りに適用します。",
    "Serve review.html on 127.0.0.1 and apply its saves.": "review.html を 127.0.0.1 で開き、保存された訂正を適用します。",
    "Port of --serve (on 127.0.0.1 only).": "--serve のポート（127.0.0.1 のみ）。",
    # preview, watch
    "Render the first page of the exam, the key and the answer sheet to PNG (with --cover, the first page of questions too), with the same options as `make`.": "問題用紙、解答、解答用紙の1ページ目を PNG にします（--cover なら問題の最初のページも）。オプションは `make` と同じです。",
    "Folder for the PNG files.": "PNG を書くフォルダ。",
    "Preview only the question with this id.": "この ID の問題だけをプレビューします。",
    "Resolution of the PNG files in dots per inch.": "PNG の解像度（dpi）。",
    "Rebuild BANK (default: questions/) into OUT on every save, with the same options as `make`; Ctrl+C stops.": "保存のたびに BANK（既定: questions/）から OUT を作り直します。オプションは `make` と同じです。Ctrl+C で終了。",
}

# The headings and words click prints around the help texts.
WORDS_JA: dict[str, str] = {
    "Usage:": "使い方:",
    "Options": "オプション",
    "Commands": "コマンド",
    "default": "既定",
    "required": "必須",
}
