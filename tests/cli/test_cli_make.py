"""`make`'s progress and closing summary: quiet off a terminal and with -q, timings with -v."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

from exampdf.cli import main
from exampdf.cli.progress import MakeProgress
from exampdf.i18n import set_lang
from exampdf.progress import Step

ROOT = Path(__file__).resolve().parents[2]


def test_summary_lists_files_sizes_seed_and_warnings(tmp_path: Path) -> None:
    out = tmp_path / "o"
    result = CliRunner().invoke(
        main, ["--lang", "en", "make", str(ROOT / "questions"), "-o", str(out), "--seed", "3"]
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "11 questions, 1 version, seed 3"  # issue 16 item 12
    assert any(line.startswith(f"  {out / 'exam.pdf'}  ") and "pages, " in line for line in lines)
    assert any(re.fullmatch(rf"  {re.escape(str(out / 'key.csv'))}  [\d.]+ K?B", x) for x in lines)
    assert lines[-1].startswith("0 warnings, ")
    assert "\x1b[" not in result.output  # no colour, no bar: not a terminal


def test_quiet_and_verbose(tmp_path: Path) -> None:
    args = ["make", str(ROOT / "questions"), "-o", str(tmp_path / "o")]
    quiet = CliRunner().invoke(main, [*args, "-q"])
    assert quiet.exit_code == 0 and quiet.output == ""
    verbose = CliRunner().invoke(main, ["--lang", "ja", *args, "-v"])
    assert "問題を読み込み中: " in verbose.output and "exam.pdf を組版中: " in verbose.output
    assert "11 問, 1 版, シード 20240401" in verbose.output


def test_progress_bar_draws_on_a_terminal() -> None:
    set_lang("en")  # no command group here to set it
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=True, width=100)
    with MakeProgress(show=True, console=console) as progress:
        progress._appear()  # what the timer does after a second, called here without waiting
        progress(Step("exam", 2, 4, page=7))
    assert "laying out exam.pdf · p.7" in buf.getvalue() and "2/4" in buf.getvalue()
    assert set(progress.timings) == {"exam"}


def test_no_bar_off_a_terminal() -> None:
    buf = io.StringIO()
    with MakeProgress(show=True, console=Console(file=buf)) as progress:
        progress(Step("parse", 1, 1))
    assert buf.getvalue() == "" and not progress.show


def test_the_script_exits_with_the_commands_code_and_all_its_output(tmp_path: Path) -> None:
    """`python -m exampdf` ends with os._exit: nothing printed may be lost on the way out."""
    import subprocess
    import sys

    empty = tmp_path / "bank"
    empty.mkdir()
    run = [sys.executable, "-m", "exampdf"]
    done = subprocess.run(
        [*run, "make", str(empty), "-o", str(tmp_path / "out")],
        text=True,
        capture_output=True,
        check=False,
    )
    assert done.returncode == 1
    assert "error" in done.stderr
    version = subprocess.run([*run, "--version"], text=True, capture_output=True, check=False)
    assert version.returncode == 0 and version.stdout.startswith("exampdf, version")


def test_out_that_is_a_file_is_a_usage_error(tmp_path: Path) -> None:
    """Issue 16 item 17: `make -o afile` said `[Errno 17] File exists` and exited 1."""
    afile = tmp_path / "afile"
    afile.write_text("x", encoding="utf-8")
    for out in (afile, afile / "sub"):
        result = CliRunner().invoke(main, ["make", str(ROOT / "questions"), "-o", str(out)])
        assert result.exit_code == 2, result.output
        assert f"{afile} is a file; give a folder" in result.output
        assert "Errno" not in result.output


def test_strict_with_only_warnings_says_so(tmp_path: Path) -> None:
    """Issue 16 item 11: `make --strict` with warnings only said "fix the errors above"."""
    bank = tmp_path / "q"
    bank.mkdir()
    text = "# t\n\n## 問題\n𠀋を選べ。\n\n## 選択肢\nA. 1\nB. 2\n\n## 正解\nA\n"
    (bank / "a.md").write_text(text, encoding="utf-8")
    (bank / "b.md").write_text(text.replace("# t", "# u"), encoding="utf-8")  # W001
    result = CliRunner().invoke(main, ["make", str(bank), "-o", str(tmp_path / "o"), "--strict"])
    assert result.exit_code == 1 and "warning[" in result.output
    assert "fix the errors above" not in result.output
    assert "--strict treats the warnings above as errors" in result.output


def test_bar_appears_by_itself_on_a_terminal_but_never_in_ci(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 16 item 20: on a terminal the bar shows without -v once a run lasts (the timer
    fires; joined here instead of waited for), and never where CI or TERM=dumb is set."""
    set_lang("en")
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=True, width=100)
    with MakeProgress(show=True, console=console, delay=0.0) as progress:
        progress._timer.join()
        progress(Step("exam", 1, 3, page=2))
    assert "laying out exam.pdf · p.2" in buf.getvalue()
    for name, value in (("CI", "true"), ("TERM", "dumb")):
        monkeypatch.setenv(name, value)
        quiet = io.StringIO()
        terminal = Console(file=quiet, force_terminal=True)
        with MakeProgress(show=True, console=terminal, delay=0.0) as progress:
            progress(Step("exam", 1, 3))
        assert not progress.show and quiet.getvalue() == ""
        monkeypatch.delenv(name)


def test_rich_waits_for_the_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    """Off a terminal, or before the bar is due, `make` never creates a rich console."""
    from exampdf.cli import progress as module

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "stderr", io.StringIO())  # a pipe, as in a script
    assert not module.may_be_terminal()
    with MakeProgress(show=True) as piped:
        assert not piped.show and piped.console is None
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert module.may_be_terminal()
    with MakeProgress(show=True, delay=60) as forced:
        assert forced.show and forced.console is None  # made only when the bar appears
        forced._appear()
        assert forced.console is not None and forced._bar is not None
