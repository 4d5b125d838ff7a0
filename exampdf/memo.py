"""The one owner of in-process caches: bounded memos, each with reset(), and reset_all().

Every cache that lives longer than one call goes through here, so one call (`reset_all`)
empties them all: tests use it, and `watch` calls it between rebuilds so a long session
does not grow. Three shapes, all bounded:

- `@cached(maxsize)`: a pure function memoised (functools' C-speed LRU underneath);
- `Memo(name, maxsize)`: a table filled by the caller (`get`, then `put` on a miss); when
  full, the older half is dropped. It is a dict, so a hit costs one C-level `get`;
- `IdMemo(name, maxsize)`: keyed by an object's identity, for frozen values too large to
  hash on every lookup (a Question). Each entry holds its object, so the object's id cannot
  be recycled while the entry lives, and `get` checks identity besides.

`@once` is for process setup, not data (fonts registered with ReportLab, parsers built):
it runs once per argument and is never reset, since running it again would register twice.
Disk caches (cache.py, fontcache, lexcache, parse/cache) store data in files and are not here.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable, Hashable
from itertools import islice
from typing import Any, Generic, ParamSpec, TypeVar, cast

P = ParamSpec("P")
R = TypeVar("R")
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
T = TypeVar("T")

_FUNCTIONS: dict[str, functools._lru_cache_wrapper[object]] = {}
_SETUP: dict[str, functools._lru_cache_wrapper[object]] = {}
_TABLES: list[weakref.ref[Memo[Any, Any]]] = []  # weak: a table dies with its owner


def _name(f: Callable[..., object]) -> str:
    return f"{f.__module__}.{f.__qualname__}"


def cached(maxsize: int) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Memoise a pure function, keeping the `maxsize` most recently used results."""

    def wrap(f: Callable[P, R]) -> Callable[P, R]:
        fast = functools.lru_cache(maxsize=maxsize)(f)
        _FUNCTIONS[_name(f)] = cast("functools._lru_cache_wrapper[object]", fast)
        return cast("Callable[P, R]", fast)

    return wrap


def once(f: Callable[P, R]) -> Callable[P, R]:
    """Process setup run once per argument (few distinct ones); never reset."""
    fast = functools.cache(f)
    _SETUP[_name(f)] = cast("functools._lru_cache_wrapper[object]", fast)
    return cast("Callable[P, R]", fast)


class Memo(dict[K, V]):
    """A bounded table: `get(key)` (None on a miss: store no None), then `put(key, value)`."""

    def __init__(self, name: str, maxsize: int) -> None:
        super().__init__()
        self.name, self.maxsize = name, maxsize
        _TABLES.append(weakref.ref(self))

    def put(self, key: K, value: V) -> V:
        if len(self) >= self.maxsize:
            # The older half goes (dicts keep insertion order): what the current build
            # is using stays, and the cost is spread over maxsize/2 inserts.
            for old in list(islice(self, self.maxsize // 2 or 1)):
                del self[old]
        self[key] = value
        return value

    def reset(self) -> None:
        self.clear()


class IdMemo(Generic[T, V]):
    """A bounded table keyed by the identity of objects (never by their value)."""

    def __init__(self, name: str, maxsize: int) -> None:
        self.name = name
        self._data: Memo[int, tuple[T, V]] = Memo(name, maxsize)  # registered: reset with all

    def get(self, obj: T) -> V | None:
        hit = self._data.get(id(obj))
        return hit[1] if hit is not None and hit[0] is obj else None

    def put(self, obj: T, value: V) -> V:
        self._data.put(id(obj), (obj, value))
        return value

    def __len__(self) -> int:
        return len(self._data)

    def reset(self) -> None:
        self._data.reset()


def reset_all() -> None:
    """Empty every memo of the process (setup run by `once` stays done)."""
    for f in _FUNCTIONS.values():
        f.cache_clear()
    alive = [ref for ref in _TABLES if ref() is not None]
    _TABLES[:] = alive
    for ref in alive:
        table = ref()
        if table is not None:
            table.reset()


def names() -> list[str]:
    """Every function memo and setup step, by module and name (for tests and debugging)."""
    return sorted([*_FUNCTIONS, *_SETUP])
