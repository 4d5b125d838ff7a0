"""Deterministic randomness from hashlib: the same inputs give the same order on any machine."""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")

_SEGMENT = 256  # bytes per segment of the stream: four SHA-512 blocks, 32 draws
_WORDS = struct.Struct(">8Q").unpack  # one block as its 8 draws


def _block(key: str, pos: int) -> bytes:
    """The 64 bytes of the stream that start at `pos` (a multiple of 64).

    The stream is fixed by its first definition: segment 0 is SHA-512 of "key\\0b" for
    b = 0..3; segment s > 0 is the same over the key "key\\0more{256 s}". Hashing one block
    only when a draw reaches it gives the same bytes, and a shuffle of up to 9 items (8
    draws) hashes once instead of four times.
    """
    segment, offset = divmod(pos, _SEGMENT)
    base = f"{key}\x00more{pos - offset}" if segment else key
    return hashlib.sha512(f"{base}\x00{offset // 64}".encode()).digest()


def shuffled(items: Sequence[T], *key_parts: object) -> list[T]:
    """Fisher-Yates driven by SHA-512 of the key parts; never Python's salted hash()."""
    return shuffled_key(items, "\x1f".join(map(str, key_parts)))


def shuffled_key(items: Sequence[T], key: str) -> list[T]:
    """`shuffled` with its key parts already joined by "\\x1f"."""
    out = list(items)
    n = len(out)
    if n < 2:
        return out
    if n <= 9:  # 8 draws or fewer: the first block alone (`_block(key, 0)`, inlined)
        first = _WORDS(hashlib.sha512(f"{key}\x000".encode()).digest())
        for k in range(n - 1):
            i = n - 1 - k
            j = first[k] % (i + 1)
            out[i], out[j] = out[j], out[i]
        return out
    draws: tuple[int, ...] = ()  # the stream as big-endian 64-bit numbers, 8 per block
    for k, i in enumerate(range(len(out) - 1, 0, -1)):
        if k == len(draws):
            draws += _WORDS(_block(key, 8 * k))
        j = draws[k] % (i + 1)  # bias below 2**-50 for any realistic option count
        out[i], out[j] = out[j], out[i]
    return out


def rank(*key_parts: object) -> bytes:
    """A stable sort key: SHA-256 of the key parts."""
    return hashlib.sha256("\x1f".join(map(str, key_parts)).encode()).digest()
