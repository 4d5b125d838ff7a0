"""Versions: deterministic, stable under bank edits, sections kept, pinned options last."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from exampdf.model import Bank
from exampdf.versions import VersionSpec, build_versions, version_code
from exampdf.versions.seeding import shuffled
from tests.bankfactory import bank, question


def test_version_codes_run_like_spreadsheet_columns() -> None:
    assert [version_code(i) for i in (0, 1, 25, 26, 27, 51, 52, 701)] == [
        "A",
        "B",
        "Z",
        "AA",
        "AB",
        "AZ",
        "BA",
        "ZZ",
    ]


def test_golden_orders_never_change() -> None:
    # Pinned on purpose: a change here means every exam ever printed can no longer be rebuilt.
    assert shuffled(list(range(6)), "options", 7, "A", "q01") == [2, 0, 5, 4, 3, 1]
    assert shuffled(list("ABCD"), "options", 1, "B", "x") == ["D", "A", "C", "B"]


def test_without_shuffle_everything_stays_in_source_order() -> None:
    (v,) = build_versions(bank(), VersionSpec(1, 7, False))
    assert [i.question for i in v.items] == list(range(6))
    assert all(i.order == tuple(range(len(i.order))) for i in v.items)


def test_same_seed_same_versions_other_seed_differs() -> None:
    b = bank(8)
    assert build_versions(b, VersionSpec(5, 3, True)) == build_versions(b, VersionSpec(5, 3, True))
    assert build_versions(b, VersionSpec(5, 3, True)) != build_versions(b, VersionSpec(5, 4, True))


def test_adding_a_question_keeps_other_questions_orders() -> None:
    b = bank(8)
    bigger = Bank((*b.questions[:3], question("new", 5), *b.questions[3:]))
    spec = VersionSpec(3, 11, True, balance=False)
    for old, new in zip(build_versions(b, spec), build_versions(bigger, spec), strict=True):
        old_ids = [b.questions[i.question].id for i in old.items]
        new_ids = [
            bigger.questions[i.question].id
            for i in new.items
            if bigger.questions[i.question].id != "new"
        ]
        assert old_ids == new_ids
        old_orders = {b.questions[i.question].id: i.order for i in old.items}
        assert all(
            old_orders[bigger.questions[i.question].id] == i.order
            for i in new.items
            if bigger.questions[i.question].id != "new"
        )


def test_sections_keep_their_place() -> None:
    qs = [question(f"a{i}", group="1-basics") for i in range(4)]
    qs += [question(f"b{i}", group="2-advanced") for i in range(4)]
    for v in build_versions(Bank(tuple(qs)), VersionSpec(6, 5, True)):
        groups = [qs[i.question].group for i in v.items]
        assert groups == sorted(groups)


def test_pinned_options_stay_last_in_written_order() -> None:
    b = Bank((question("p", 6, pinned=(4, 5)),))
    for v in build_versions(b, VersionSpec(10, 2, True)):
        assert v.items[0].order[-2:] == (4, 5)


def test_shuffle_false_keeps_option_order() -> None:
    b = Bank((question("s", 5, shuffle=False),))
    for v in build_versions(b, VersionSpec(4, 2, True)):
        assert v.items[0].order == (0, 1, 2, 3, 4)


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 8), st.integers(1, 6), st.integers(0, 2**32), st.data())
def test_every_version_is_a_permutation_and_keys_map_back(
    n: int, count: int, seed: int, data: st.DataObject
) -> None:
    qs = []
    for i in range(n):
        options = data.draw(st.integers(2, 6))
        answer = tuple(sorted(data.draw(st.sets(st.integers(0, options - 1), min_size=1))))
        qs.append(replace(question(f"q{i}", options, answer)))
    b = Bank(tuple(qs))
    for v in build_versions(b, VersionSpec(count, seed, True)):
        assert sorted(i.question for i in v.items) == list(range(n))
        for item in v.items:
            q = b.questions[item.question]
            assert sorted(item.order) == list(range(len(q.choices)))
            printed = item.printed_answer(q.answer)
            assert sorted(item.order[p] for p in printed) == list(q.answer)
