"""The one memo helper: bounded, reset one by one or all at once, never stale by identity."""

from __future__ import annotations

import gc
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import exampdf
from exampdf import memo
from exampdf.cli import main

PACKAGE = Path(exampdf.__file__).parent


def test_cached_is_bounded_and_reset_by_reset_all() -> None:
    calls: list[int] = []

    @memo.cached(maxsize=2)
    def square(n: int) -> int:
        calls.append(n)
        return n * n

    assert [square(2), square(2), square(3), square(4), square(2)] == [4, 4, 9, 16, 4]
    assert calls == [2, 3, 4, 2]  # 2 was the least recently used when 4 came
    memo.reset_all()
    square(4)
    assert calls == [2, 3, 4, 2, 4]
    assert f"{__name__}.{square.__qualname__}" in memo.names()


def test_memo_drops_its_older_half_when_full() -> None:
    table: memo.Memo[int, str] = memo.Memo("test", 4)
    for n in range(4):
        assert table.put(n, str(n)) == str(n)
    table.put(4, "4")
    assert sorted(table) == [2, 3, 4]
    assert table.get(3) == "3" and table.get(0) is None
    memo.reset_all()
    assert len(table) == 0


class _Node:
    """Stands for a Question: a value compared by identity here."""


def test_id_memo_answers_only_for_the_very_object() -> None:
    table: memo.IdMemo[_Node, str] = memo.IdMemo("test", 100)
    kept = _Node()
    table.put(kept, "kept")
    oid = id(kept)
    del kept
    gc.collect()
    # The entry holds its object, so that id is not given to any new object while it lives.
    fresh = [_Node() for _ in range(10_000)]
    assert all(id(n) != oid for n in fresh)
    assert all(table.get(n) is None for n in fresh)
    # And were an entry ever found under another object's id, identity is checked too.
    other = _Node()
    table._data[id(other)] = (_Node(), "stale")
    assert table.get(other) is None
    table.reset()
    assert len(table) == 0


def test_reset_all_empties_the_package_memos() -> None:
    from exampdf.layout.text import jparagraph
    from exampdf.layout.text.fonts import register_fonts
    from exampdf.layout.text.paragraphs import ParaStyle, make_paragraph
    from exampdf.layout.text.textrun import Run

    fonts = register_fonts()
    make_paragraph([Run("本文です。", fonts.body, 10.5)], ParaStyle(leading=16)).wrap(200, 100)
    assert len(jparagraph._LINES) > 0
    memo.reset_all()
    assert len(jparagraph._LINES) == 0
    assert register_fonts() is fonts  # setup is not undone


_FORBIDDEN = re.compile(
    r"functools import .*\b(cache|lru_cache|cached_property)\b|@(functools\.)?(lru_)?cache\b"
)


def test_no_cache_outside_the_memo_helper() -> None:
    """Every in-process cache goes through exampdf/memo.py, so reset_all reaches it."""
    found = [
        f"{path.relative_to(PACKAGE)}: {line.strip()}"
        for path in PACKAGE.rglob("*.py")
        if path.name != "memo.py"
        for line in path.read_text(encoding="utf-8").splitlines()
        if _FORBIDDEN.search(line)
    ]
    assert found == []


def test_watch_resets_every_memo_between_rebuilds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from exampdf.cli import watch

    events: list[str] = []

    def rebuild(*args: object) -> bool:
        events.append("build")
        return True

    monkeypatch.setattr(watch, "rebuild", rebuild)
    monkeypatch.setattr(watch, "watch_changes", lambda *a, **k: iter([{"a"}, {"b"}]))
    monkeypatch.setattr(memo, "reset_all", lambda: events.append("reset"))
    bank = tmp_path / "bank"
    bank.mkdir()
    result: Any = CliRunner().invoke(main, ["watch", str(bank), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert events == ["build", "reset", "build", "reset", "build"]
