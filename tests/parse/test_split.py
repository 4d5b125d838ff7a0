"""A first parse shared with a forked helper gives what one process gives, and stores every
file in the parse cache; a failing helper means reading its half here."""

from __future__ import annotations

import os
import pickle
import time
from pathlib import Path
from typing import Any

import pytest

import exampdf.parse.bank as bank_module
from exampdf.parse import parse_bank, split

Q = (
    "# t{n}\n\n## 問題\n問{n}：正しいのは？\n\n## 選択肢\nA. 一{n}\nB. 二\nC. 三\n\n"
    "## 正解\nA\n\n## 解説\nAを選ぶ。\n"
)


@pytest.fixture
def bank(tmp_path: Path, fresh_cache: Path) -> Path:
    folder = tmp_path / "bank"
    folder.mkdir()
    for n in range(11):
        (folder / f"q{n:02}.md").write_text(Q.format(n=n), encoding="utf-8")
    (folder / "q05.md").write_text("# broken\n\n## 問題\nx\n", encoding="utf-8")  # an error
    return folder


def _forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    forks: list[int] = []
    real = os.fork
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or real())
    return forks


def test_a_first_parse_with_a_helper_gives_what_one_process_gives(
    bank: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    forks = _forks(monkeypatch)
    shared = parse_bank([bank], helper=True)
    assert forks == [1]
    monkeypatch.setenv("EXAMPDF_NO_CACHE", "1")
    alone = parse_bank([bank])
    assert shared == alone and not shared.ok  # the same questions, diagnostics, order
    monkeypatch.delenv("EXAMPDF_NO_CACHE")

    def refuse(*args: Any) -> Any:
        raise AssertionError("parsed again although the cache holds the file")

    monkeypatch.setattr(bank_module, "_checked", refuse)
    assert parse_bank([bank], helper=True) == alone  # every file stored, by either process
    assert forks == [1]  # a cached bank is read here alone


def test_a_helper_that_fails_means_reading_its_half_here(
    bank: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent, real = os.getpid(), pickle.dumps

    def dumps(*args: Any, **kwargs: Any) -> bytes:
        if os.getpid() != parent:
            raise RuntimeError("the helper cannot send")
        return real(*args, **kwargs)

    monkeypatch.setattr(pickle, "dumps", dumps)
    forks = _forks(monkeypatch)
    shared = parse_bank([bank], helper=True)
    assert forks == [1]
    monkeypatch.setattr(pickle, "dumps", real)
    monkeypatch.setenv("EXAMPDF_NO_CACHE", "1")
    assert shared == parse_bank([bank])


def test_a_small_bank_is_read_in_one_process(bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for file in sorted(bank.iterdir())[split.MIN_FILES - 1 :]:
        file.unlink()
    forks = _forks(monkeypatch)
    parse_bank([bank], helper=True)
    assert forks == []


def test_the_files_are_cut_where_this_process_has_its_share_of_the_bytes() -> None:
    assert split._cut([10] * 20) == 9  # 45 % of the bytes here
    assert split._cut([100, 1, 1, 1, 1, 1, 1, 1]) == 1  # one big file: the rest there
    assert split._cut([1, 1, 1, 1, 1, 1, 1, 100]) == 7  # at least one file each
    assert split._cut([0] * 8) == 4  # no size known (stat failed): half the files each


def test_meanwhile_runs_on_what_this_process_read_while_the_helper_reads(
    bank: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Called once, with this process's questions (the first files), and a `ready` that turns
    true once the helper is done; what it raises changes nothing."""
    seen: list[tuple[list[str], bool]] = []

    def meanwhile(questions: list[Any], ready: Any) -> None:
        for _ in range(500):  # the helper ends, at the latest, within 5 s
            if ready():
                break
            time.sleep(0.01)
        seen.append(([q.source.rsplit("/", 1)[-1] for q in questions], ready()))
        raise RuntimeError("ignored")

    shared = parse_bank([bank], helper=True, meanwhile=meanwhile)
    ((names, ready),) = seen
    assert ready and names and names == sorted(names) and names[0] == "q00.md"
    assert len(names) < len(shared.bank.questions)  # the rest came from the helper
    monkeypatch.setenv("EXAMPDF_NO_CACHE", "1")
    assert shared == parse_bank([bank])
