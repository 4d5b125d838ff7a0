"""Which characters the fonts can draw: font cmaps, the substitute table, ignorable marks."""

from __future__ import annotations

from exampdf.layout.text.glyphs import SUBSTITUTES, cmap, drawable
from exampdf.layout.theme import make_theme

FONTS = make_theme().fonts
BODY = (FONTS.body,)


def test_characters_in_the_font_are_drawable() -> None:
    assert {"漢", "あ", "A", "。"} <= cmap(FONTS.body)
    assert all(drawable(ch, BODY) for ch in "漢あA。")


def test_selectors_joiners_and_layout_characters_need_no_glyph() -> None:
    assert all(drawable(ch, BODY) for ch in "\ufe0f\ufe0e\u200d\n\t")
    assert "\ufe0f" not in cmap(FONTS.body)


def test_a_missing_mark_is_drawable_through_its_substitute() -> None:
    assert "✅" not in cmap(FONTS.body) and SUBSTITUTES["✅"] in cmap(FONTS.body)
    assert drawable("✅", BODY)


def test_a_character_is_drawable_when_any_font_of_the_chain_has_it() -> None:
    assert not drawable("♔", BODY)
    assert drawable("♔", (*BODY, *FONTS.fallback))  # the symbol font has the chess king
    assert not drawable("\ue000", (*BODY, *FONTS.fallback))  # private use: no font has it
