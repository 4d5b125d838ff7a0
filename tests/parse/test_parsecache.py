"""The parse cache: a cached run reads the same bank and diagnostics; bad files are ignored."""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path
from typing import Any

import pytest

from exampdf.parse import cache as parse_cache
from exampdf.parse import parse_bank

QUESTIONS = Path(__file__).resolve().parents[2] / "questions"


@pytest.fixture
def cache(fresh_cache: Path) -> Path:
    return fresh_cache


def _bank(tmp_path: Path) -> Path:
    bank = tmp_path / "bank"
    bank.mkdir()
    for f in sorted(QUESTIONS.glob("*.md")):
        (bank / f.name).write_bytes(f.read_bytes())
    # a file with a warning and one with an error: diagnostics are cached too
    (bank / "warn.md").write_text(
        "# t\n\n## 問題\n問\n\n## 選択肢\nA. a\nB. b\nC. c\n\n## 正解\nA\n\n"
        "## 解説\nAを選ぶと正しい。\n",
        encoding="utf-8",
    )
    (bank / "broken.md").write_text("# only a title\n", encoding="utf-8")
    return bank


def _uncached(bank: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    with monkeypatch.context() as m:
        m.setenv("EXAMPDF_NO_CACHE", "1")
        return repr(parse_bank([bank]))


def _stored(cache: Path) -> tuple[Path, Any, list[Any]]:
    """The one cache file a parse wrote: its path, key and entries."""
    (stored,) = cache.glob("parse-*.json")
    data = json.loads(stored.read_bytes())
    return stored, data["key"], data["entries"]


def test_a_cached_parse_equals_a_fresh_one(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bank = _bank(tmp_path)
    fresh = _uncached(bank, monkeypatch)
    assert "W014" in fresh and "E011" in fresh
    assert repr(parse_bank([bank])) == fresh  # parses and stores
    (stored,) = cache.glob("parse-*.json")
    before = stored.stat().st_ino, stored.read_bytes()
    assert "Aを選ぶと正しい。".encode() in before[1]  # text as UTF-8, not \u escapes
    assert repr(parse_bank([bank])) == fresh  # reads, and writes nothing (same file)
    assert (stored.stat().st_ino, stored.read_bytes()) == before
    # an edited file is parsed again; the others still come from the cache
    (bank / "warn.md").write_text((bank / "warn.md").read_text() + "\n追記\n", encoding="utf-8")
    edited = _uncached(bank, monkeypatch)
    assert edited != fresh
    assert repr(parse_bank([bank])) == edited


def test_corrupt_or_foreign_cache_files_are_ignored(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bank = _bank(tmp_path)
    fresh = _uncached(bank, monkeypatch)
    parse_bank([bank])
    stored, key, entries = _stored(cache)
    poisoned = [[e, [None, [], []]] for e, _ in entries]  # would empty the bank if trusted

    def dump(k: object, e: object) -> bytes:
        return json.dumps({"key": k, "entries": e}).encode()

    for junk in (
        b"",
        b"garbage",
        stored.read_bytes()[:100],
        json.dumps(["not", "a", "cache"]).encode(),
        dump([*key[:-1], []], poisoned),  # another library version
        dump([parse_cache.FORMAT + 1, *key[1:]], poisoned),
    ):
        stored.write_bytes(junk)
        assert repr(parse_bank([bank])) == fresh
    stored.write_bytes(dump(key, poisoned))  # the right key: trusted, as a hit is
    assert parse_bank([bank]).bank.questions == ()
    # each question's W014 checks come from the cache with it, not from checking again
    (w014,) = [p[2] for _, p in entries if p[2]]
    stored.write_bytes(dump(key, [[e, [p[0], p[1], w014]] for e, p in entries]))
    codes = [d.code for d in parse_bank([bank]).diagnostics]
    assert codes.count("W014") == sum(p[0] is not None for _, p in entries) > 1


class _Boom:
    def __reduce__(self) -> tuple[object, ...]:
        return (exec, ("raise SystemExit('pickle ran code')",))


def test_a_crafted_cache_file_is_at_worst_ignored(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 17 item 12: no pickle is ever loaded; nodes of the wrong shape are refused."""
    bank = _bank(tmp_path)
    fresh = _uncached(bank, monkeypatch)
    parse_bank([bank])
    stored, key, entries = _stored(cache)
    (_, question), *_ = [(e, p) for e, p in entries if p[0] is not None]
    wrong = [
        ["Question", *question[1:2], 123, *question[3:]],  # a number where text belongs
        ["Exploit", "x"],  # no such node
        [*question, "extra field"],
        ["Question", *question[1:4], [["CodeBlock", 1, 2, 3, 4]], *question[5:]],
    ]
    for bad in wrong:
        crafted = [[e, [bad if p[0] is not None else p[0], *p[1:]]] for e, p in entries]
        stored.write_bytes(json.dumps({"key": key, "entries": crafted}).encode())
        assert repr(parse_bank([bank])) == fresh
    for name in (stored.name, stored.name.replace(".json", ".pickle")):
        (cache / name).write_bytes(pickle.dumps(_Boom()))  # the old format: never unpickled
        assert repr(parse_bank([bank])) == fresh


def test_turned_off_no_files_and_old_caches_are_pruned(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bank = _bank(tmp_path)
    _uncached(bank, monkeypatch)
    assert not cache.exists()
    monkeypatch.setattr(parse_cache, "KEEP", 2)
    others = []
    for i in range(4):
        other = tmp_path / f"other{i}"
        other.mkdir()
        (other / "q.md").write_bytes((bank / "warn.md").read_bytes())
        others.append(other)
    parse_bank([others[0]])
    (first,) = cache.glob("parse-*.json")
    parse_bank([others[1]])
    os.utime(first, ns=(1, 1))  # long unused …
    parse_bank([others[0]])  # … then read: used last, it is kept longest
    parse_bank([others[2]])
    assert first.exists() and len(list(cache.glob("parse-*.json"))) == 2
    parse_bank([others[3]])
    assert not first.exists() and len(list(cache.glob("parse-*.json"))) == 2


def test_codec_refuses_messages_that_would_fail_when_printed() -> None:
    from exampdf.i18n import Msg, msg
    from exampdf.model.codec import decode, encode

    good = msg("E102", length=6000, limit=5000)
    assert decode(encode(good), Msg) == good
    for bad in (["Msg", "NO-SUCH-MESSAGE", []], ["Msg", "E102", [["length", 1]]]):
        with pytest.raises(ValueError):
            decode(bad, Msg)


def test_two_versions_of_the_code_keep_a_file_each(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bank = _bank(tmp_path)
    fresh = _uncached(bank, monkeypatch)
    for version in ("one", "two", "one"):
        monkeypatch.setattr(parse_cache, "code_key", lambda v=version: (parse_cache.FORMAT, v))
        assert repr(parse_bank([bank])) == fresh
    older, newer = sorted(cache.glob("parse-*.json"), key=lambda f: f.stat().st_mtime_ns)
    assert json.loads(older.read_bytes())["key"] == [parse_cache.FORMAT, "two"]
    assert json.loads(newer.read_bytes())["key"] == [parse_cache.FORMAT, "one"]  # read last
