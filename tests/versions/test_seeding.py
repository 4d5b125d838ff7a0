"""The fast paths of versions/ give exactly what their plain first definitions gave.

`_reference_*` below are the original implementations, kept verbatim in spirit: every
printed exam must be rebuildable, so the optimised code may never pick another order.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from exampdf.config import SectionPick
from exampdf.model import Bank
from exampdf.versions import VersionSpec, build_versions
from exampdf.versions.balance import balance_items, movable, rotated
from exampdf.versions.build import option_order, picked, sections
from exampdf.versions.seeding import rank, shuffled
from exampdf.versions.types import ExamVersion, VersionItem
from tests.versions.test_versions import GROUPS, banks


def _reference_stream(key: str) -> bytes:
    return b"".join(hashlib.sha512(f"{key}\x00{block}".encode()).digest() for block in range(4))


def _reference_shuffled(items: Sequence[int], *key_parts: object) -> list[int]:
    out = list(items)
    if len(out) < 2:
        return out
    key = "\x1f".join(str(p) for p in key_parts)
    data = _reference_stream(key)
    pos = 0
    for i in range(len(out) - 1, 0, -1):
        if pos + 8 > len(data):
            data += _reference_stream(f"{key}\x00more{pos}")
        r = int.from_bytes(data[pos : pos + 8], "big")
        pos += 8
        j = r % (i + 1)
        out[i], out[j] = out[j], out[i]
    return out


def _reference_balance(bank: Bank, items: Sequence[VersionItem]) -> tuple[VersionItem, ...]:
    expected: list[float] = []
    load: list[int] = []
    out: list[VersionItem] = []
    for item in items:
        q = bank.questions[item.question]
        if q.kind != "single":
            out.append(item)
            continue
        now = item.position(q.answer[0])
        free = len(q.choices) - len(q.pinned) if movable(q) else 0
        while len(expected) < max(free, now + 1):
            expected.append(0.0)
            load.append(0)
        if not free:
            expected[now] += 1
            load[now] += 1
            out.append(item)
            continue
        for p in range(free):
            expected[p] += 1 / free
        cap = [math.ceil(e - 1e-9) for e in expected]
        target = now
        if load[now] >= cap[now]:
            target = min(range(free), key=lambda t: (load[t] - cap[t], load[t], (now - t) % free))
        load[target] += 1
        out.append(rotated(item, free, target, now) if target != now else item)
    return tuple(out)


def _reference_versions(bank: Bank, spec: VersionSpec) -> tuple[ExamVersion, ...]:
    out = []
    for code in spec.codes():
        order = picked(bank, spec, code)
        if spec.shuffle:
            shuffled_order: list[int] = []
            for members in sections(bank, order).values():
                shuffled_order.extend(
                    sorted(
                        members,
                        key=lambda i: rank("questions", spec.seed, code, bank.questions[i].id),
                    )
                )
            order = shuffled_order
        items: tuple[VersionItem, ...] = ()
        for i in order:
            q = bank.questions[i]
            n = len(q.choices)
            if not spec.shuffle or not q.shuffle:
                items += (VersionItem(i, tuple(range(n))),)
                continue
            free = [c for c in range(n) if c not in q.pinned]
            perm = _reference_shuffled(free, "options", spec.seed, code, q.id)
            items += (VersionItem(i, (*perm, *sorted(q.pinned))),)
        if spec.shuffle and spec.balance:
            items = _reference_balance(bank, items)
        out.append(ExamVersion(code, items))
    return tuple(out)


def test_lazy_stream_matches_the_four_block_stream_at_every_length() -> None:
    # 32 draws use up the first 256 bytes; longer lists reach the "more" segments.
    for n in (*range(0, 40), 64, 65, 66, 97, 200, 300):
        for seed in range(3):
            key = ("options", seed, "AB", f"q{n}")
            assert shuffled(list(range(n)), *key) == _reference_shuffled(range(n), *key)


@settings(max_examples=80, deadline=None)
@given(
    banks(),
    st.integers(0, 2**31),
    st.integers(1, 6),
    st.integers(0, 4),
    st.booleans(),
    st.booleans(),
    st.booleans(),
)
def test_build_versions_matches_the_reference(
    b: Bank, seed: int, count: int, pick: int, vary: bool, shuffle: bool, balance: bool
) -> None:
    picks = (SectionPick(GROUPS[0], pick, vary),) if pick else ()
    spec = VersionSpec(count, seed, shuffle, picks, (), balance)
    assert build_versions(b, spec) == _reference_versions(b, spec)


@settings(max_examples=40, deadline=None)
@given(banks(), st.integers(0, 2**31), st.integers(0, 30))
def test_balance_items_and_option_order_match_the_reference(b: Bank, seed: int, v: int) -> None:
    spec = VersionSpec(1, seed, True)
    code = f"V{v}"
    items = tuple(VersionItem(i, option_order(q, spec, code)) for i, q in enumerate(b.questions))
    assert balance_items(b, items) == _reference_balance(b, items)
