"""Page bookkeeping: which version a page belongs to, its n / N, blank pages, last pages."""

from __future__ import annotations

from exampdf.layout.page.pages import page_infos


def test_sections_count_their_own_pages_and_blank_pages_belong_to_the_version_before() -> None:
    pages = page_infos([("A", False), ("A", False), ("A", False), ("A", True), ("B", False)])
    assert [(p.section, p.index, p.count) for p in pages] == [
        ("A", 1, 4),
        ("A", 2, 4),
        ("A", 3, 4),
        ("A", 4, 4),
        ("B", 1, 1),
    ]
    assert [p.last for p in pages] == [False, False, True, True, True]
    assert [p.blank for p in pages] == [False, False, False, True, False]
    assert [p.number for p in pages] == [1, 2, 3, 4, 5]
