"""Deterministic randomness from hashlib: the same inputs give the same order on any machine."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def _stream(key: str) -> bytes:
    """An endless-enough byte stream for one permutation (64 bytes per block)."""
    return b"".join(hashlib.sha512(f"{key}\x00{block}".encode()).digest() for block in range(4))


def shuffled(items: Sequence[T], *key_parts: object) -> list[T]:
    """Fisher-Yates driven by SHA-512 of the key parts; never Python's salted hash()."""
    out = list(items)
    if len(out) < 2:
        return out
    key = "\x1f".join(str(p) for p in key_parts)
    data = _stream(key)
    pos = 0
    for i in range(len(out) - 1, 0, -1):
        if pos + 8 > len(data):
            data += _stream(f"{key}\x00more{pos}")
        r = int.from_bytes(data[pos : pos + 8], "big")
        pos += 8
        j = r % (i + 1)  # bias below 2**-50 for any realistic option count
        out[i], out[j] = out[j], out[i]
    return out


def rank(*key_parts: object) -> bytes:
    """A stable sort key: SHA-256 of the key parts."""
    return hashlib.sha256("\x1f".join(str(p) for p in key_parts).encode()).digest()
