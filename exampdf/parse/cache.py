"""Parsed question files kept between runs: a file whose bytes did not change is not parsed again.

`parse_bytes` is a pure function of a file's bytes, its display name, its group and its
default id, so its result can be stored under those, with the checks of the question alone
that the bank checks would otherwise redo on every run (option letters in its text, W014).
One cache file per bank (the paths given) and version of the code, holding the files of the
last run. It is trusted only if it was written by this very code: the key holds the size and
modification time of every module of exampdf, and the versions of Python, markdown-it-py and
PyYAML. Anything wrong with it means parsing as usual. Images are not part of it: they are
checked on every run, as are the checks across questions (duplicates, answer positions).

The file is JSON, and every value read from it is checked against the model's type hints
(`exampdf.model.codec`): a crafted cache file can at worst be ignored, never run code.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from exampdf import memo
from exampdf.cache import cache_dir, prune, used, write_atomic
from exampdf.diagnostics import Diagnostic
from exampdf.model import Question
from exampdf.model.codec import decode, encode

FORMAT = 3  # 3: with each question's W014 checks; 2: JSON checked against the model; 1: pickle
KEEP = 32  # parse cache files kept (one per bank and install); the least recently used go first
_PACKAGE = Path(__file__).resolve().parent.parent

Parsed = tuple[Question | None, list[Diagnostic], list[Diagnostic]]  # question, file, W014
Entry = tuple[str, str, str, str]  # SHA-256 of the bytes, source, group, default id


@memo.cached(maxsize=1)
def code_key() -> tuple[object, ...]:
    """What the parser's output depends on besides its input: this code and its libraries."""
    files: list[tuple[str, int, int]] = []
    for root, dirs, names in os.walk(_PACKAGE):
        dirs.sort()
        for name in sorted(names):
            if name.endswith(".py"):
                st = os.stat(os.path.join(root, name))
                files.append((os.path.join(root, name), st.st_size, st.st_mtime_ns))
    libraries: list[tuple[str, int, int]] = []
    for module in ("markdown_it", "yaml"):
        spec = importlib.util.find_spec(module)  # finds without importing (yaml is lazy)
        origin = spec.origin if spec is not None else None
        if origin:
            st = os.stat(origin)
            libraries.append((origin, st.st_size, st.st_mtime_ns))
    return (FORMAT, sys.version, tuple(files), tuple(libraries))


class ParseCache:
    """Hand `parse` every file of one bank, then `save()`."""

    def __init__(self, paths: Sequence[Path | str]) -> None:
        self.file: Path | None = None
        self.old: dict[Entry, Parsed] = {}
        self.new: dict[Entry, Parsed] = {}
        self.key: tuple[object, ...] = ()
        directory = cache_dir()
        if directory is None:
            return
        try:
            where = repr([os.path.abspath(p) for p in paths]) + "\x00" + os.getcwd()
            self.key = code_key()
        except (OSError, ValueError):
            return
        # The code's key is in the name too: two installs (or checkouts) reading the same bank
        # keep a file each instead of replacing each other's on every run.
        where += "\x00" + repr(self.key)
        name = hashlib.sha256(where.encode("utf-8", "surrogateescape")).hexdigest()[:16]
        self.file = directory / f"parse-{name}.json"
        self.old = _load(self.file, self.key)
        if self.old:
            used(self.file)  # kept longest when the folder is pruned

    def parse(
        self,
        parse_bytes: Callable[[bytes, str, str, str], Parsed],  # parse, then its own checks
        data: bytes,
        source: str,
        group: str,
        default_id: str,
    ) -> Parsed:
        if self.file is None:
            return parse_bytes(data, source, group, default_id)
        entry = (hashlib.sha256(data).hexdigest(), source, group, default_id)
        found = self.old.get(entry)
        if found is None:
            found = parse_bytes(data, source, group, default_id)
        self.new[entry] = found
        return found[0], list(found[1]), found[2]  # a list of its own: callers extend theirs

    def save(self) -> None:
        """Store this run's files when they differ from what was read."""
        if self.file is None or self.new.keys() == self.old.keys():
            return
        try:
            entries = [[list(entry), encode(parsed)] for entry, parsed in self.new.items()]
            # UTF-8, not \u escapes: a third smaller, and read back 3x faster (~7 -> ~2 ms at
            # W1); text that cannot be UTF-8 (a lone surrogate) is not stored.
            data = json.dumps({"key": encode(self.key), "entries": entries}, ensure_ascii=False)
            write_atomic(self.file, data.encode("utf-8"))
            prune(self.file.parent, "parse-*.pickle", 0)  # exampdf wrote these before JSON
            prune(self.file.parent, "parse-*.json", KEEP)
        except Exception:  # read-only or full disk, …: the next run parses again
            pass


def _load(file: Path, key: tuple[object, ...]) -> dict[Entry, Parsed]:
    try:
        stored = json.loads(file.read_bytes())
        if not isinstance(stored, dict) or stored.get("key") != encode(key):
            return {}
        return {decode(entry, Entry): decode(parsed, Parsed) for entry, parsed in stored["entries"]}
    except Exception:  # missing, unreadable, corrupt, crafted, from another version: parse
        return {}
