"""What the commands themselves say (summaries, closing lines, prompts, click's usage
errors retold): id -> (English, Japanese)."""

COMMAND_TEXTS: dict[str, tuple[str, str]] = {
    "error_line": ("error: {message}", "エラー: {message}"),
    "hint": ("hint: {hint}", "ヒント: {hint}"),
    "aborted": ("Aborted!", "中断しました"),
    "click.try": ("Try '{command} --help' for help.", "'{command} --help' で使い方を表示します。"),
    "click.no_option": ("No such option: {name}", "{name} というオプションはありません"),
    "click.option_value": ("Option {name} requires a value.", "オプション {name} には値が必要です"),
    "click.missing": ("Missing {name}.", "{name} を指定してください"),
    "click.no_command": ("No such command '{name}'.", "'{name}' というコマンドはありません"),
    "click.extra": ("Got unexpected extra arguments ({args})", "余分な引数があります（{args}）"),
    "click.choice": (
        "Invalid value for {name}: choose one of {choices}.",
        "{name} には {choices} のどれかを指定してください",
    ),
    "click.range": (
        "Invalid value for {name}: a whole number from {low} to {high}.",
        "{name} には {low} から {high} までの整数を指定してください",
    ),
    "click.path": (
        "Invalid value for {name}: {detail}",
        "{name} のファイルまたはフォルダが正しくありません（{detail}）",
    ),
    "click.bad_value": (
        "Invalid value for {name}: {detail}",
        "{name} の値が正しくありません（{detail}）",
    ),
    "init_not_empty": (
        "{folder} is not empty; choose a new folder",
        "{folder} は空ではありません。新しいフォルダを指定してください",
    ),
    "created": ("created {path}", "作成: {path}"),
    "no_settings": ("no such settings file: {path}", "設定ファイルがありません: {path}"),
    "fix_settings": (
        "nothing done: fix {path} first",
        "何もしていません: 先に {path} を直してください",
    ),
    "password_env": (
        "--encrypt needs ${env} when not run at a terminal",
        "端末から実行しないときは --encrypt に環境変数 ${env} が必要です",
    ),
    "password_empty": ("the password is empty", "パスワードが空です"),
    "password": ("Password for the answer keys", "解答キーのパスワード"),
    "password_again": ("Repeat the password", "もう一度パスワードを入力"),
    "password_differ": (
        "the two passwords differ; try again",
        "2つのパスワードが違います。もう一度入力してください",
    ),
    "no_input": ("no such file or folder: {paths}", "ファイルまたはフォルダがありません: {paths}"),
    "out_is_file": (
        "-o {out}: {file} is a file; give a folder for the output",
        "-o {out}: {file} はファイルです。出力先にはフォルダを指定してください",
    ),
    "cannot_write": ("cannot write output: {reason}", "出力を書き込めません: {reason}"),
    "output_busy": (
        "another exampdf run is writing to {folder}; run again when it has finished",
        "別の exampdf が {folder} に書き込み中です。終わってからもう一度実行してください",
    ),
    "nothing_written": (
        "nothing written: fix the errors above",
        "何も書き込んでいません: 上のエラーを直してください",
    ),
    "nothing_written_strict": (
        "nothing written: --strict treats the warnings above as errors",
        "何も書き込んでいません: --strict のため上の警告をエラーとして扱いました",
    ),
    "check_counts": (
        "{files:#file}, {questions:#question} ({single} single, {multi} multi, {written} written)",
        "{files} ファイル, {questions} 問（単一選択 {single}, 複数選択 {multi}, 記述 {written}）",
    ),
    "check_positions": (
        "correct answers by written position: {shares}",
        "正解の位置（書かれた順）: {shares}",
    ),
    "spread": (
        "correct answers by printed letter, over {versions:#version}: {shares}",
        "正解の位置（{versions} 版の合計）: {shares}",
    ),
    "spread_worst": (
        "most on one letter: version {code}, {top} of its {size:#single-answer question}",
        "最も偏った版: {code} 版（単一選択 {size} 問中 {top} 問が同じ記号）",
    ),
    "stage.parse": ("reading the bank", "問題を読み込み中"),
    "stage.versions": ("shuffling versions", "版を作成中"),
    "stage.exam": ("laying out exam.pdf", "exam.pdf を組版中"),
    "stage.key": ("laying out answer-key.pdf", "answer-key.pdf を組版中"),
    "stage.files": ("writing files", "ファイルを書き込み中"),
    "timing": ("{stage}: {seconds:.2f} s", "{stage}: {seconds:.2f} 秒"),
    "made": (
        "{questions:#question}, {versions:#version}, seed {seed}",
        "{questions} 問, {versions} 版, シード {seed}",
    ),
    "file_line": ("  {path}  {pages}{size}", "  {path}  {pages}{size}"),
    "pages": ("{n:#page}, ", "{n} ページ, "),
    "done": (
        "{warnings:#warning}, {seconds:.1f} s",
        "警告 {warnings} 件, {seconds:.1f} 秒",
    ),
    "preview_wrote": ("preview: {path}", "プレビュー: {path}"),
    "no_question": (
        "no question with id '{id}' (ids: {ids})",
        "ID '{id}' の問題がありません ({ids})",
    ),
    "watching": (
        "watching {paths} — Ctrl+C to stop",
        "{paths} を監視中 — Ctrl+C で終了",
    ),
    "rebuilt": ("rebuilt {out} in {seconds:.1f} s", "{out} を再作成しました ({seconds:.1f} 秒)"),
    "not_rebuilt_strict": (
        "not rebuilt: --strict refuses {warnings:#warning}",
        "再作成していません: --strict のため警告 {warnings} 件をエラーとして扱いました",
    ),
    "not_rebuilt": ("not rebuilt: {errors:#error}", "再作成していません: エラー {errors} 件"),
    "no_key": (
        "no key at {path}: run `exampdf make` first or pass --key",
        "{path} に解答キーがありません: 先に `exampdf make` を実行するか --key を指定してください",
    ),
    "graded": (
        "{students:#student}, mean {mean} / {max}, wrote {files}",
        "{students} 人, 平均 {mean} / {max} 点, 書き込み: {files}",
    ),
    "nothing_graded": (
        "nothing written: fix the rows above",
        "何も書き込んでいません: 上の行を直してください",
    ),
    "fix_key": (
        "nothing written: fix {path} (made by `exampdf make`)",
        "何も書き込んでいません: {path}（`exampdf make` が書いたもの）を直してください",
    ),
    "fix_file": (
        "nothing written: {path} is not a table of responses",
        "何も書き込んでいません: {path} は解答の表ではありません",
    ),
    "col.id": ("question", "問題"),
    "col.answer": ("answer", "正解"),
    "col.n": ("n", "人数"),
    "col.correct": ("correct", "正答率"),
    "col.disc": ("discr.", "識別力"),
    "col.choices": ("chosen (bank letters)", "選択数（元の記号）"),
    "report_wrote": ("report: {path} ({pages:#page})", "レポート: {path} ({pages} ページ)"),
    "exported": ("{format}: {path} ({questions:#question})", "{format}: {path} ({questions} 問)"),
    "scan.needs": (
        "exampdf scan needs numpy, opencv-python-headless and zxing-cpp: "
        "pip install 'exampdf[scan]'",
        "exampdf scan には numpy, opencv-python-headless, zxing-cpp が必要です: "
        "pip install 'exampdf[scan]'",
    ),
    "scan.what": (
        "give the scans to read, --corrections FILE or --serve",
        "読み取るスキャン、--corrections FILE、--serve のどれかを指定してください",
    ),
    "scan.no_key": (
        "no key file {path}: run `exampdf make --answer-sheet` first",
        "解答キー {path} がありません: 先に `exampdf make --answer-sheet` を実行してください",
    ),
    "scan.bad_key": ("{path}: {detail}", "{path}: {detail}"),
    "scan.bad_input": ("{problem} (nothing written)", "{problem}（何も書き込んでいません）"),
    "scan.no_scan": (
        "no scan in {path}: run `exampdf scan SCANS -o {path}` first",
        "{path} に読み取り結果がありません: 先に `exampdf scan スキャン -o {path}` を実行してください",
    ),
    "scan.progress": ("\r{n:#page} read", "\r{n} ページ読み取り"),
    "scan.warning": ("warning: {problem}", "警告: {problem}"),
    "scan.summary": (
        "{pages:#page}, {students:#student}; {doubles:#row} with two marks on a single-answer question",
        "{pages} ページ、{students} 人。単一選択の問で2つマークした行 {doubles}",
    ),
    "scan.review": (
        "{n:#reading} {n:?needs|need} a look: open {path} (responses.csv holds ? there until corrected)",
        "確認が必要な読み取り {n} 件: {path} を開いてください（訂正するまで responses.csv では ?）",
    ),
    "scan.versionless": (
        "{n:#answer sheet} without a readable QR code or code row {n:?waits|wait} for its version:"
        " choose it in {path} (responses.csv holds ? there until chosen)",
        "QR コードも符号列も読めない解答用紙 {n} 枚の版が未確定です: {path} で選んでください"
        "（選ぶまで responses.csv では ?）",
    ),
    "scan.wrote": ("wrote {path}", "書き出し: {path}"),
    "scan.serving": (
        "review: http://127.0.0.1:{port}/ (Ctrl-C to stop)",
        "確認ページ: http://127.0.0.1:{port}/（Ctrl-C で終了）",
    ),
    "scan.saved": (
        "saved {n:#correction}; {open:#reading} still open",
        "訂正 {n} 件を保存しました。未確認の読み取り {open} 件",
    ),
    "scan.saved_asking": (
        "{n:#answer sheet} still without a version",
        "版が未確定の解答用紙 {n} 枚",
    ),
    "export_skipped": (
        "{id}: written question left out of {format}",
        "{id}: 記述式のため {format} に含めません",
    ),
}
