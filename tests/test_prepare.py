"""prepare() run ahead in a forked process gives what it gives here; a failed child means
preparing here; the CLI's first build takes that path and prints what an in-process one does."""

from __future__ import annotations

import contextlib
import fcntl
import gc
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from reportlab.pdfbase import pdfmetrics

import exampdf.pipeline  # noqa: F401  # loaded: the CLI in this process prepares in process
import exampdf.prepare.ahead as ahead_module
import exampdf.prepare.steps as prep_steps
from exampdf.cli import main
from exampdf.config import ExamConfig
from exampdf.prepare import Ahead, MakeResult, Prepared, prepare
from exampdf.prepare.claims import Claims
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
def _cache(fresh_cache: Path) -> Iterator[None]:
    yield
    gc.unfreeze()  # Ahead.result freezes the bank's objects: the CLI unfreezes them at its end


@pytest.mark.parametrize("broken", [False, True])
def test_the_child_gives_what_preparing_here_gives(tmp_path: Path, broken: bool) -> None:
    bank = _bank(tmp_path, broken)
    config = ExamConfig(shuffle=True, versions=5, seed=3)
    steps: list[Step] = []
    ahead = Ahead([bank], config)
    assert ahead.pid > 0
    found = ahead.result(steps.append)
    if broken:  # checked before any version: the fonts the checks registered are here too
        assert "exampdf-symbol" in pdfmetrics.getRegisteredFontNames()  # ✅
    here = prepare([bank], config, ignore)
    assert isinstance(found, MakeResult if broken else Prepared)
    settled = found if isinstance(found, MakeResult) else found.settled()
    assert settled == here
    codes = sorted(d.code for d in settled.diagnostics)
    assert ("E" in "".join(codes)) == broken and codes.count("W001") == 1
    assert [s.stage for s in steps] == (["parse"] if broken else ["parse", "versions"])


def _in_child(
    monkeypatch: pytest.MonkeyPatch, name: str, instead: Callable[..., Any], owner: Any = prep_steps
) -> None:
    """`owner.name` (a step of prepare's) runs `instead(real, *args)` in the child, itself here."""
    parent, real = os.getpid(), getattr(owner, name)

    def step(*args: Any) -> Any:
        return real(*args) if os.getpid() == parent else instead(real, *args)

    monkeypatch.setattr(owner, name, step)


def _dies(real: Callable[..., Any], *args: Any) -> Any:
    os._exit(0)  # no result: the parent must not take a silent end for one


def test_the_versions_come_before_the_checks_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bank with no error so far: the writers can start while the child still checks it."""
    bank, go = _bank(tmp_path), tmp_path / "go"

    def waits(real: Callable[..., Any], *args: Any) -> Any:
        while not go.exists():  # the checks cannot end before this process says so
            time.sleep(0.01)
        return real(*args)

    _in_child(monkeypatch, "check_bank", waits)
    config = ExamConfig(shuffle=True, versions=5, seed=3)
    found = Ahead([bank], config).result(ignore)
    assert isinstance(found, Prepared) and found.pending is not None and not found.diagnostics
    go.touch()
    settled = found.settled()
    assert settled == prepare([bank], config, ignore) and settled.diagnostics
    assert settled.settled() is settled and found.settled() == settled  # read once, then kept


def test_the_child_lexes_the_code_blocks_after_the_versions_before_the_checks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The child's checks find the block's tokens stored (by the child: this process lexes
    nothing); the writers had the versions before."""
    from exampdf.layout.blocks import lexcache

    bank, lexed = _bank(tmp_path), tmp_path / "xdg" / "exampdf" / "lex"
    (bank / "code.md").write_text(GOOD.format(n=9) + "\n## 解説\n```python\nx = 1\n```\n")

    def checks(real: Callable[..., Any], *args: Any) -> Any:
        if list(lexed.glob("*.json")):
            (tmp_path / "seen").touch()
        return real(*args)

    _in_child(monkeypatch, "check_bank", checks)
    config = ExamConfig(shuffle=True, versions=2, seed=3)
    found = Ahead([bank], config).result(ignore)
    assert isinstance(found, Prepared) and found.pending is not None  # versions first
    assert found.settled() == prepare([bank], config, ignore)
    assert (tmp_path / "seen").exists()
    file, key = lexcache._entry(lexed.parent, "x = 1\n", "python")
    assert lexcache._read(file, key) == list(lexcache.source_lexer("python").get_tokens("x = 1\n"))


@pytest.mark.parametrize("step", ["read_bank", "_part", "check_bank"])
def test_a_child_that_stops_means_preparing_or_checking_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    """The child dies before the bank, while it builds a part of the versions it took, or
    after the versions (the checks never sent): this process does what is missing itself
    and gets the same result."""
    bank = _bank(tmp_path)
    config = ExamConfig(shuffle=True, versions=20, seed=3)
    _in_child(monkeypatch, step, _dies, Claims if step == "_part" else prep_steps)
    found = Ahead([bank], config).result(ignore)
    assert isinstance(found, Prepared)
    assert (found.pending is not None) == (step != "read_bank")  # checks still to come
    assert found.settled() == prepare([bank], config, ignore)


def test_both_processes_build_parts_of_the_versions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The child slowed down on each part it takes: this process takes the others (once the
    child has taken one); the versions are the same, in order, with their spread."""
    bank, took, here_too = _bank(tmp_path), tmp_path / "took", tmp_path / "here_too"
    config = ExamConfig(shuffle=True, versions=32, seed=3)  # 16 parts of 2

    def slow(real: Callable[..., Any], *args: Any) -> Any:
        took.touch()
        waited = 0
        while not here_too.exists() and waited < 3000:  # not a wait a slow machine can lose
            time.sleep(0.01)
            waited += 1
        time.sleep(0.1)
        return real(*args)

    _in_child(monkeypatch, "_part", slow, Claims)
    mine: list[int] = []
    take, parent = Claims.take, os.getpid()

    def counted(self: Claims, *args: Any) -> Any:
        while os.getpid() == parent and not took.exists():
            time.sleep(0.01)
        here_too.touch()  # the child's parts wait for this: it cannot take them all first
        built = take(self, *args)
        mine.extend(built)
        return built

    monkeypatch.setattr(Claims, "take", counted)
    found = Ahead([bank], config).result(ignore)
    assert 0 < len(mine) < 16
    assert isinstance(found, Prepared)
    here = prepare([bank], config, ignore)
    assert isinstance(here, Prepared)
    assert (found.versions, found.spread) == (here.versions, here.spread)


def test_a_child_that_fails_means_preparing_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bank = _bank(tmp_path)
    config = ExamConfig(shuffle=True, versions=2, seed=3)

    def boom() -> list[str]:
        raise RuntimeError("only the child calls this")

    monkeypatch.setattr(ahead_module, "registered", boom)  # the checks' message fails
    found = Ahead([bank], config).result(ignore)
    assert isinstance(found, Prepared)
    assert found.settled() == prepare([bank], config, ignore)


_TRACED_CLI = """
import sys, exampdf.prepare.ahead as a, exampdf.prepare.steps as s
init, settled = a.Ahead.__init__, s.Prepared.settled
def traced_init(self, *args):
    init(self, *args)
    sys.stderr.write(f"ahead {self.pid > 0}\\n")
said = []
def traced_settled(self):
    if self.pending is not None and not said:  # the first wait for the checks
        sys.stderr.write("checks beside the writers\\n")
        said.append(1)
    return settled(self)
a.Ahead.__init__, s.Prepared.settled = traced_init, traced_settled
from exampdf.cli import run
sys.argv = ["exampdf", *sys.argv[1:]]
run()
"""


def _forked_and_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], code: int
) -> tuple[list[str], list[str]]:
    """`exampdf ARGS -o out` run as the CLI runs it (prepared ahead in a forked process), in
    tmp_path/forked, and in this process (prepared in process), in tmp_path/here: both exit
    with `code`; what each printed, timings left out (the forked run's trace first)."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg"), "COLUMNS": "100"}
    forked, here_dir = tmp_path / "forked", tmp_path / "here"
    forked.mkdir(exist_ok=True)
    here_dir.mkdir(exist_ok=True)
    child = subprocess.run(
        [sys.executable, "-c", _TRACED_CLI, *args, "-o", "out"],
        env=env,
        capture_output=True,
        text=True,
        cwd=forked,
    )
    assert child.returncode == code, child.stderr
    monkeypatch.chdir(here_dir)
    here = CliRunner().invoke(main, [*args, "-o", "out"])
    assert here.exit_code == code
    timed = re.compile(r"[0-9] s$")  # the summary's last line: how long the run took
    return (
        [line for line in child.stderr.splitlines() if not timed.search(line)],
        [line for line in here.output.splitlines() if not timed.search(line)],
    )


@pytest.mark.parametrize("more", [[], ["--versions", "48", "--jobs", "4"]])
def test_the_cli_prepares_ahead_and_prints_what_an_in_process_build_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, more: list[str]
) -> None:
    """With four workers, two start on later exam slices, whose font seed names the symbol
    font (✅) that neither the parent nor they had met: they register it themselves."""
    bank = _bank(tmp_path)
    args = ["--lang", "en", "make", str(bank), "--shuffle", "--versions", "3", "--seed", "5"]
    forked, here = _forked_and_here(tmp_path, monkeypatch, [*args, *more], 0)
    assert forked[:2] == ["ahead True", "checks beside the writers"]
    assert forked[2:] == here
    assert any("W001" in line for line in here)
    for name in ("exam.pdf", "answer-key.pdf", "key.json", "key.csv"):
        made = (tmp_path / "forked" / "out" / name).read_bytes()
        assert made == (tmp_path / "here" / "out" / name).read_bytes()


@pytest.mark.parametrize("busy", [False, True])
def test_a_strict_run_refused_by_the_checks_beside_the_writers_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, busy: bool
) -> None:
    """--strict and a character no font has (W101, found by the checks the writers do not
    wait for): exit 1, the same messages as a run that checks first, and no file at all;
    the same when another run holds the output folder (the refusal is told, not that)."""
    bank = tmp_path / "bank"
    bank.mkdir()
    for n, answer in enumerate("ABCAB"):
        text = GOOD.format(n=n).replace("\nA\n", f"\n{answer}\n")
        (bank / f"q{n}.md").write_text(text.replace("✅", "\ue000" * (n == 3)), encoding="utf-8")
    args = ["--lang", "en", "make", str(bank), "--shuffle", "--versions", "30", "--strict"]
    with contextlib.ExitStack() as held:
        for run in ("forked", "here") if busy else ():
            (tmp_path / run / "out").mkdir(parents=True)
            fd = os.open(tmp_path / run / "out", os.O_RDONLY)
            held.callback(os.close, fd)
            fcntl.flock(fd, fcntl.LOCK_EX)  # as another run writing there holds it
        forked, here = _forked_and_here(tmp_path, monkeypatch, args, 1)
    assert forked[:2] == ["ahead True", "checks beside the writers"]
    assert forked[2:] == here
    assert [line.split("/")[-1][:24] for line in here if "W101" in line] == [
        "q3.md:4: warning[W101]: "
    ]
    for run in ("forked", "here"):  # no stage, no output folder (but the one there before)
        assert [p.name for p in (tmp_path / run).rglob("*")] == (["out"] if busy else [])


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
    ahead.end()  # what this process does before it exits (atexit)
    assert len(list(stored.glob("parse-*.json"))) == 1  # the child stored it, then ended
    with pytest.raises(ChildProcessError):
        os.waitpid(ahead.pid, os.WNOHANG)


def test_the_bank_from_the_child_is_left_out_of_the_collections(tmp_path: Path) -> None:
    """It lives as long as the run: a collection walking its objects is time on the path to
    the first page (as the workers, which keep it too, leave it out)."""
    found = Ahead([_bank(tmp_path)], ExamConfig(shuffle=True, versions=2, seed=3)).result(ignore)
    assert isinstance(found, Prepared)
    question = found.bank.questions[0]
    assert gc.is_tracked(question) and all(o is not question for o in gc.get_objects())


def test_a_first_parse_lexes_code_while_it_waits_for_its_helper(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """make's bank process hands parse_bank a `meanwhile` that lexes the code blocks read so
    far into the lex cache (Pygments compiled while the helper still reads)."""
    from exampdf.layout.blocks import lexcache

    got: list[Any] = []
    real = prep_steps.parse_bank

    def parse(*args: Any, **kwargs: Any) -> Any:
        got.append(kwargs.get("meanwhile"))
        return real(*args, **kwargs)

    monkeypatch.setattr(prep_steps, "parse_bank", parse)
    bank = _bank(tmp_path)
    (bank / "code.md").write_text(GOOD.format(n=9) + "\n## 解説\n```python\nx = 1\n```\n")
    config = ExamConfig(shuffle=True, versions=2, seed=3)
    parsed, _ = prep_steps.read_bank([bank], config, [])
    assert got[0] is not None and prep_steps.read_bank([bank], config, None) and got[1] is None
    questions = [q for q in parsed.bank.questions if q.explanation]
    got[0](questions, lambda: False)
    lexed = tmp_path / "xdg" / "exampdf"
    file, key = lexcache._entry(lexed, "x = 1\n", "python")
    assert lexcache._read(file, key) == list(lexcache.source_lexer("python").get_tokens("x = 1\n"))
