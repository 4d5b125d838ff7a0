"""The words of `exampdf scan`: review.html and why a page was not read, id -> (English, Japanese)."""

REVIEW_TEXTS: dict[str, tuple[str, str]] = {
    "review.title": ("{title}: {n:#reading} to check", "{title}: 確認が必要な読み取り {n} 件"),
    "review.where": ("{file} page {page}", "{file} {page}ページ"),
    "review.version": ("version {version}", "{version}版"),
    "review.id": ("student number", "学籍番号"),
    "review.question": ("question {n}", "問{n}"),
    "review.read": ("read: {value}", "読み取り: {value}"),
    "review.blank": ("(blank)", "（空欄）"),
    "review.no_answer": ("no answer", "無回答"),
    "review.save": ("Save corrections (corrections.csv)", "訂正を保存 (corrections.csv)"),
    "review.decided": ("decided", "決定済み"),
    "review.downloaded": (
        "corrections.csv saved: run exampdf scan --corrections corrections.csv",
        "corrections.csv を保存しました: exampdf scan --corrections corrections.csv",
    ),
    "review.none": ("Nothing needs a look.", "確認が必要な読み取りはありません。"),
    "review.versions": (
        "{n:#answer sheet} without a version",
        "版の分からない解答用紙 {n} 枚",
    ),
    "review.versions_help": (
        "Neither the QR code nor the code row of these sheets could be read. Look at the"
        " version printed in the box at the top right (and the page) and choose it: the"
        " marks are then read as that version's sheet. Rows that still need a look appear"
        " here once the choice is applied (exampdf scan --corrections, or at once with --serve:"
        " reload this page).",
        "これらの用紙は QR コードも符号列も読めませんでした。右上の枠に印刷された版"
        "（とページ）を見て選んでください。その版の用紙としてマークを読み取ります。"
        "まだ確認が必要な行は、選択を反映すると（exampdf scan --corrections、または"
        " --serve ではこのページを再読み込み）ここに表示されます。",
    ),
    "review.id_read": ("student number read: {value}", "読み取った学籍番号: {value}"),
    "review.sheet": ("version {version}", "{version}版"),
    "review.sheet_page": ("version {version}, page {page}", "{version}版 {page}ページ目"),
    "review.likely": ("(its student number)", "（学籍番号から）"),
    "review.not_ours": ("not a sheet of this exam", "この試験の用紙ではない"),
    "review.header": ("header of the sheet", "用紙の上部"),
    "scan.page.blank": ("blank page", "白紙のページ"),
    "scan.page.foreign": (
        "a QR code that is not exampdf's: {value}",
        "exampdf のものではない QR コード: {value}",
    ),
    "scan.page.not_located": (
        "no QR code and no corner marks: not an answer sheet, or too damaged",
        "QR コードも四隅のマークもありません: 解答用紙でないか、傷みがひどすぎます",
    ),
    "scan.page.not_laid_out": (
        "no QR code or code row, and not laid out as this exam's answer sheet",
        "QR コードも符号列も読めず、この試験の解答用紙の配置でもありません",
    ),
    "scan.page.other_code_row": (
        "a sheet of another exam (its code row says so)",
        "別の試験の用紙です（符号列による）",
    ),
    "scan.page.ask_version": (
        "QR code and code row unreadable: its version is asked in review.html",
        "QR コードも符号列も読めません: 版は review.html で選びます",
    ),
    "scan.page.other_exam": (
        "a sheet of another exam (fingerprint {value})",
        "別の試験の用紙です（指紋 {value}）",
    ),
    "scan.page.unknown_version": (
        "QR code unreadable and the code row does not name a version of this exam",
        "QR コードが読めず、符号列もこの試験の版を示していません",
    ),
    "scan.page.not_in_key": ("version or page not in key.json", "key.json にない版またはページ"),
    "scan.page.not_ours": (
        "left out in review: not a sheet of this exam",
        "確認で除外: この試験の用紙ではない",
    ),
}
