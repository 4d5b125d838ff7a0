"""The command line's own messages in English and Japanese (`--lang`, default from the locale)."""

from __future__ import annotations

import os
import string
from typing import Literal

Lang = Literal["en", "ja"]

# id -> (English, Japanese). Diagnostics about bank files stay in English (their codes are
# documented in docs/format.md); these are the words the commands themselves say.
CATALOG: dict[str, tuple[str, str]] = {
    "error": ("error", "エラー"),
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
    "export_skipped": (
        "{id}: written question left out of {format}",
        "{id}: 記述式のため {format} に含めません",
    ),
}

_lang: list[Lang] = []  # set once by the command group; empty means "from the locale"


def locale_lang(environ: dict[str, str] | None = None) -> Lang:
    """POSIX precedence: LC_ALL, then LC_MESSAGES, then LANG."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "en"


def set_lang(lang: Lang | None) -> None:
    _lang[:] = [lang] if lang else []


def current() -> Lang:
    return _lang[0] if _lang else locale_lang()


class _Formatter(string.Formatter):
    """`{n:#page}` is "1 page" / "2 pages": English counts agree with their noun."""

    def format_field(self, value: object, format_spec: str) -> str:
        if format_spec.startswith("#"):
            noun = format_spec[1:]
            return f"{value} {noun if value == 1 else noun + 's'}"
        return format(value, format_spec)


_FORMATTER = _Formatter()


def t(key: str, **values: object) -> str:
    en, ja = CATALOG[key]
    return _FORMATTER.format(ja if current() == "ja" else en, **values)


def percent(part: int, whole: int) -> int:
    """A share in whole percent, halves rounded up (2 of 3 is 67, 1 of 8 is 13)."""
    return (200 * part + whole) // (2 * whole) if whole else 0
