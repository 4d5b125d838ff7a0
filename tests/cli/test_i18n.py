"""Issue 16 item 10: every message a user can see has a Japanese text.

The catalogue is walked entry by entry; the source is walked call by call, so a message
written as a plain string (never translated) or naming a missing id fails here.
"""

from __future__ import annotations

import ast
import importlib
import string
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from exampdf.catalog.help import HELP_JA
from exampdf.cli import COMMANDS, main
from exampdf.cli.localize import help_ja
from exampdf.i18n import CATALOG

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "exampdf").rglob("*.py"))


def _fields(template: str) -> set[str]:
    return {name.split(".")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_every_entry_has_japanese_with_the_same_values(key: str) -> None:
    en, ja = CATALOG[key]
    assert en.strip() and ja.strip(), key
    assert _fields(en) == _fields(ja), key
    if any(c.isalpha() for c in en.replace("{", "").split("}")[-1]) and en != ja:
        assert any(ord(c) > 0x3000 for c in ja), f"{key}: the Japanese has no Japanese in it"


def _calls(tree: ast.AST) -> list[ast.Call]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call)]


def _name(call: ast.Call) -> str:
    f = call.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""


def _is_text(node: ast.AST) -> bool:
    """A literal or f-string: English that no catalogue can translate."""
    return isinstance(node, ast.JoinedStr) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str)
    )


def _problems(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    where = path.relative_to(ROOT)
    found = []
    for call in _calls(tree):
        name, args = _name(call), call.args
        literal = args and isinstance(args[0], ast.Constant)
        if name in ("msg", "t") and literal and args[0].value not in CATALOG:  # type: ignore[attr-defined]
            found.append(f"{where}:{call.lineno}: no catalogue entry {args[0].value!r}")
        if name in ("error", "warning") and len(args) >= 2 and _is_text(args[1]):
            found.append(f"{where}:{call.lineno}: diagnostic text not in the catalogue")
        hint = [k.value for k in call.keywords if k.arg == "hint"]
        if name in ("error", "warning") and (
            (len(args) >= 5 and _is_text(args[4])) or (hint and _is_text(hint[0]))
        ):
            found.append(f"{where}:{call.lineno}: hint not in the catalogue")
        printing = name in ("fail", "UsageError", "BadParameter", "echo", "secho", "prompt")
        blank = literal and not str(args[0].value).strip()  # type: ignore[attr-defined]
        if printing and args and _is_text(args[0]) and not blank:
            found.append(f"{where}:{call.lineno}: {name}() prints untranslated text")
    return found


def test_no_message_is_written_outside_the_catalogue() -> None:
    problems = [p for path in SOURCES for p in _problems(path)]
    assert problems == []


def _commands() -> list[click.Command]:
    commands: list[click.Command] = [main]
    for module, attr in COMMANDS.values():
        commands.append(getattr(importlib.import_module(module), attr))
    return commands


def test_every_help_text_has_japanese() -> None:
    missing = []
    for command in _commands():
        texts = [command.help or ""] + [getattr(p, "help", None) or "" for p in command.params]
        missing += [text for text in texts if text and help_ja(text) is None]
    assert missing == []
    assert len(set(HELP_JA.values())) == len(HELP_JA)  # no copy-pasted translation


def test_help_and_usage_errors_in_japanese() -> None:
    runner = CliRunner()
    top = runner.invoke(main, ["--lang", "ja", "--help"])
    assert top.exit_code == 0 and "使い方: main" in top.output and "コマンド:" in top.output
    made = runner.invoke(main, ["--lang", "ja", "make", "--help"])
    assert "オプション:" in made.output and "版ごとに問題" in made.output
    assert "Shuffle questions" not in made.output
    bad = runner.invoke(main, ["--lang", "ja", "make", "--paper", "X5"])
    assert bad.exit_code == 2
    assert "エラー: '--paper' には A4, B5, B4, A3, letter のどれかを指定してください" in bad.output
    unknown = runner.invoke(main, ["--lang", "ja", "make", "--bogus"])
    assert unknown.exit_code == 2 and "--bogus というオプションはありません" in unknown.output
    english = runner.invoke(main, ["--lang", "en", "make", "--paper", "X5"])
    assert english.exit_code == 2 and "Error: Invalid value for '--paper'" in english.output


def test_bank_diagnostics_check_summary_and_balance_in_japanese(tmp_path: Path) -> None:
    bank = tmp_path / "q"
    bank.mkdir()
    (bank / "a.md").write_text(
        "# t\n\n## 問題\nq\n\n## 選択肢\nA. 1\n\n## 正解\nZ\n", encoding="utf-8"
    )
    good = "# u\n\n## 問題\nq\n\n## 選択肢\nA. 1\nB. 2\n\n## 正解\nB\n"
    (bank / "b.md").write_text(good, encoding="utf-8")
    result = CliRunner().invoke(main, ["--lang", "ja", "check", "--shuffle", str(bank)])
    assert "error[E004]: 正解の Z に当たる選択肢がありません（選択肢は A〜A）" in result.output
    assert "  ヒント: 記号 A のどれかを使ってください" in result.output
    assert "2 ファイル, 1 問（単一選択 1, 複数選択 0, 記述 0）" in result.output
    assert "正解の位置（4 版の合計）" in result.output and "最も偏った版" in result.output
    assert "answer" not in result.output.lower()


def test_init_in_japanese_from_the_locale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    result = CliRunner().invoke(main, ["init", str(tmp_path / "new")])
    assert result.exit_code == 0 and "作成: " in result.output
    again = CliRunner().invoke(main, ["init", str(tmp_path / "new")])
    assert again.exit_code == 1 and "空ではありません" in again.output
