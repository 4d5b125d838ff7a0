"""The command line's own messages in English and Japanese (`--lang`, default from the locale)."""

from __future__ import annotations

import os
from typing import Literal

Lang = Literal["en", "ja"]

# id -> (English, Japanese). Diagnostics about bank files stay in English (their codes are
# documented in docs/format.md); these are the words the commands themselves say.
CATALOG: dict[str, tuple[str, str]] = {
    "error": ("error", "エラー"),
    "no_input": ("no such file or folder: {paths}", "ファイルまたはフォルダがありません: {paths}"),
    "cannot_write": ("cannot write output: {reason}", "出力を書き込めません: {reason}"),
    "nothing_written": (
        "nothing written: fix the errors above",
        "何も書き込んでいません: 上のエラーを直してください",
    ),
    "stage.parse": ("reading the bank", "問題を読み込み中"),
    "stage.versions": ("shuffling versions", "版を作成中"),
    "stage.exam": ("laying out exam.pdf", "exam.pdf を組版中"),
    "stage.key": ("laying out answer-key.pdf", "answer-key.pdf を組版中"),
    "stage.files": ("writing files", "ファイルを書き込み中"),
    "timing": ("{stage}: {seconds:.2f} s", "{stage}: {seconds:.2f} 秒"),
    "made": (
        "{questions} questions, {versions} versions, seed {seed}",
        "{questions} 問, {versions} 版, シード {seed}",
    ),
    "file_line": ("  {path}  {pages}{size}", "  {path}  {pages}{size}"),
    "pages": ("{n} pages, ", "{n} ページ, "),
    "done": (
        "{warnings} warnings, {seconds:.1f} s",
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
    "not_rebuilt": ("not rebuilt: {errors} errors", "再作成していません: エラー {errors} 件"),
    "no_key": (
        "no key at {path}: run `exampdf make` first or pass --key",
        "{path} に解答キーがありません: 先に `exampdf make` を実行するか --key を指定してください",
    ),
    "graded": (
        "{students} students, mean {mean} / {max}, wrote {files}",
        "{students} 人, 平均 {mean} / {max} 点, 書き込み: {files}",
    ),
    "nothing_graded": (
        "nothing written: fix the rows above",
        "何も書き込んでいません: 上の行を直してください",
    ),
    "col.id": ("question", "問題"),
    "col.answer": ("answer", "正解"),
    "col.n": ("n", "人数"),
    "col.correct": ("correct", "正答率"),
    "col.disc": ("discr.", "識別力"),
    "col.choices": ("chosen (bank letters)", "選択数（元の記号）"),
    "report_wrote": ("report: {path} ({pages} pages)", "レポート: {path} ({pages} ページ)"),
    "exported": ("{format}: {path} ({questions} questions)", "{format}: {path} ({questions} 問)"),
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


def t(key: str, **values: object) -> str:
    en, ja = CATALOG[key]
    return (ja if current() == "ja" else en).format(**values)
