"""prepare() run ahead in a forked process gives what it gives here; a failed child means
preparing here; the CLI's first build takes that path and prints what an in-process one does."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from reportlab.pdfbase import pdfmetrics

import exampdf.prepare.ahead as ahead_module
import exampdf.prepare.steps as prep_steps
from exampdf.cli import main
from exampdf.config import ExamConfig
from exampdf.prepare import Ahead, MakeResult, Prepared, prepare
from exampdf.progress import Step, ignore

REPO = Path(__file__).resolve().parents[1]
GOOD = "# t{n}\n\n## 問題\n問{n} ✅ を選べ\n\n## 選択肢\nA. 一\nB. 二\nC. 三\n\n## 正解\nA\n"
SAME = "# t\n\n## 問題\n同じ文\n\n## 選択肢\nA. 一\nB. 二\n\n## 正解\nB\n"  # W001 twice
BROKEN = "# t\n\n## 問題\n問\n\n## 選択肢\nA. 一\nB. 二\n\n## 正解\nZ\n"


def _bank(tmp_path: Path, broken: bool = False) -> Path:
    bank = tmp_path / "bank"
    bank.mkdir()
    for n in range(4):
        (bank / f"q{n}.md").write_text(GOOD.format(n=n), encoding="utf-8")
    (bank / "s1.md").write_text(SAME, encoding="utf-8")
    (bank / "s2.md").write_text(SAME, encoding="utf-8")
    if broken:
        (bank / "z.md").write_text(BROKEN, encoding="utf-8")
    return bank


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("EXAMPDF_NO_CACHE", raising=False)


@pytest.mark.parametrize("broken", [False, True])
def test_the_child_gives_what_preparing_here_gives(tmp_path: Path, broken: bool) -> None:
    bank = _bank(tmp_path, broken)
    config = ExamConfig(shuffle=True, versions=5, seed=3)
    steps: list[Step] = []
    ahead = Ahead([bank], config)
    assert ahead.pid > 0
    found = ahead.result(steps.append)
    here = prepare([bank], config, ignore)
    assert isinstance(found, MakeResult if broken else Prepared)
    assert found == here
    codes = sorted(d.code for d in found.diagnostics)
    assert ("E" in "".join(codes)) == broken and codes.count("W001") == 1
    assert [s.stage for s in steps] == (["parse"] if broken else ["parse", "versions"])
    assert "exampdf-symbol" in pdfmetrics.getRegisteredFontNames()  # ✅: the checks needed it


def test_a_child_that_fails_means_preparing_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bank = _bank(tmp_path)
    config = ExamConfig(shuffle=True, versions=2, seed=3)

    def boom() -> list[str]:
        raise RuntimeError("only the child calls this")

    monkeypatch.setattr(ahead_module, "registered", boom)
    ahead = Ahead([bank], config)
    assert ahead._receive() is None  # the child exited without a result
    assert Ahead([bank], config).result(ignore) == prepare([bank], config, ignore)


def test_a_child_that_dies_after_sending_the_bank_means_preparing_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bank = _bank(tmp_path)
    config = ExamConfig(shuffle=True, versions=2, seed=3)
    parent, real = os.getpid(), prep_steps.check_bank

    def checked(*args: Any) -> Any:
        if os.getpid() != parent:
            os._exit(0)  # the bank sent, the checks never: not a result
        return real(*args)

    monkeypatch.setattr(prep_steps, "check_bank", checked)
    ahead = Ahead([bank], config)
    assert ahead._receive() is None
    assert Ahead([bank], config).result(ignore) == prepare([bank], config, ignore)


def _who_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, slow: float) -> None:
    """versions_for leaves a file named after the process that runs it; the child's checks take
    `slow` seconds more."""
    parent, real_versions, real_checked = (
        os.getpid(),
        prep_steps.versions_for,
        prep_steps.check_bank,
    )

    def versions(*args: Any) -> Any:
        (tmp_path / ("parent" if os.getpid() == parent else "child")).touch()
        return real_versions(*args)

    def checked(*args: Any) -> Any:
        if os.getpid() != parent:
            time.sleep(slow)
        return real_checked(*args)

    monkeypatch.setattr(prep_steps, "versions_for", versions)
    monkeypatch.setattr(prep_steps, "check_bank", checked)


def test_the_parent_builds_the_versions_while_the_child_still_checks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bank = _bank(tmp_path)
    config = ExamConfig(shuffle=True, versions=5, seed=3)
    _who_builds(tmp_path, monkeypatch, 0.5)
    ahead = Ahead([bank], config)
    found = ahead.result(ignore)
    os.waitpid(ahead.pid, 0)
    assert (tmp_path / "parent").exists() and not (tmp_path / "child").exists()
    assert list((tmp_path / "xdg").glob("exampdf/parse-*.json"))  # the child stored it still
    assert found == prepare([bank], config, ignore)


def test_the_child_builds_the_versions_when_it_is_done_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bank = _bank(tmp_path)
    config = ExamConfig(shuffle=True, versions=5, seed=3)
    _who_builds(tmp_path, monkeypatch, 0)
    ahead = Ahead([bank], config)
    os.waitpid(ahead.pid, 0)  # everything sent (the pipe holds it all) and gone
    found = ahead.result(ignore)
    assert (tmp_path / "child").exists() and not (tmp_path / "parent").exists()
    assert found == prepare([bank], config, ignore)


def test_the_cli_prepares_ahead_and_prints_what_an_in_process_build_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bank = _bank(tmp_path)
    args = ["--lang", "en", "make", str(bank), "--shuffle", "--versions", "3", "--seed", "5"]
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg"), "COLUMNS": "100"}
    code = (
        "import sys, os, exampdf.prepare.ahead as p\n"
        "real = p.Ahead.__init__\n"
        "def init(self, *a):\n"
        "    real(self, *a); sys.stderr.write(f'ahead {self.pid > 0}\\n')\n"
        "p.Ahead.__init__ = init\n"
        "from exampdf.cli import run\n"
        "sys.argv = ['exampdf', *sys.argv[1:]]\n"
        "run()\n"
    )
    forked, here_dir = tmp_path / "forked", tmp_path / "here"
    forked.mkdir()
    here_dir.mkdir()
    child = subprocess.run(
        [sys.executable, "-c", code, *args, "-o", "out"],
        env=env,
        capture_output=True,
        text=True,
        cwd=forked,
    )
    assert child.returncode == 0, child.stderr
    assert child.stderr.startswith("ahead True\n")
    monkeypatch.chdir(here_dir)
    here = CliRunner().invoke(main, [*args, "-o", "out"])
    assert here.exit_code == 0
    strip = [line for line in child.stderr.splitlines()[1:] if " s" not in line]  # no timings
    assert strip == [line for line in here.output.splitlines() if " s" not in line]
    assert "W001" in child.stderr
    for name in ("exam.pdf", "answer-key.pdf", "key.json", "key.csv"):
        assert (forked / "out" / name).read_bytes() == (here_dir / "out" / name).read_bytes()


def test_the_parse_cache_is_stored_after_the_result_is_handed_on(tmp_path: Path) -> None:
    from exampdf.parse import parse_bank

    bank = _bank(tmp_path)
    later: list[Callable[[], None]] = []
    parse_bank([bank], later=later)
    stored = tmp_path / "xdg" / "exampdf"
    assert not list(stored.glob("parse-*.json")) and len(later) == 1
    later[0]()
    assert len(list(stored.glob("parse-*.json"))) == 1
    for file in stored.glob("parse-*.json"):
        file.unlink()
    ahead = Ahead([bank], ExamConfig(shuffle=True, versions=2, seed=3))
    assert isinstance(ahead.result(ignore), Prepared)
    ahead_module._reap(ahead.pid)  # what this process does before it exits (atexit)
    assert len(list(stored.glob("parse-*.json"))) == 1  # the child stored it, then ended
    with pytest.raises(ChildProcessError):
        os.waitpid(ahead.pid, os.WNOHANG)
