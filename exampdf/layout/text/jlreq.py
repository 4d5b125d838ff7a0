"""JLREQ character classes (cl-01…cl-11) and the line-start/line-end questions built on them."""

from __future__ import annotations

# Each class lists full-width, half-width and ASCII forms (W3C JLREQ Appendix A).
CL01_OPENING = "‘“（〔［｛〈《「『【｟〘〖«〝〚" + "｢" + "([{"
CL02_CLOSING = "’”）〕］｝〉》」』】｠〙〗»〟〛" + "｣" + ")]}"
CL03_HYPHENS = "‐〜゠–～"
CL04_DIVIDING = "！？‼⁇⁈⁉" + "!?"
CL05_MIDDLE_DOTS = "・：；" + "･" + ":;"
CL06_FULL_STOPS = "。．" + "｡" + "."
CL07_COMMAS = "、，" + "､" + ","
CL08_INSEPARABLE = "—―…‥〳〴〵"
CL09_ITERATION = "ヽヾゝゞ々〻"
CL10_PROLONGED = "ー" + "ｰ"
CL11_SMALL_KANA = (
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ" + "ｧｨｩｪｫｬｭｮｯ"
)
# cl-24 prefixed and cl-25 postfixed abbreviations stay with their number.
PREFIXES = "￥＄￡＃€№$£¥#"
POSTFIXES = "％‰°′″℃￠"
# Joiners that must never be separated from the character before them.
COMBINING = "\u200d\u20e3\u3099\u309a\ufe0e\ufe0f"

NOT_AT_LINE_START = frozenset(
    CL02_CLOSING
    + CL03_HYPHENS
    + CL04_DIVIDING
    + CL05_MIDDLE_DOTS
    + CL06_FULL_STOPS
    + CL07_COMMAS
    + CL09_ITERATION
    + CL10_PROLONGED
    + CL11_SMALL_KANA
    + COMBINING
)
NOT_AT_LINE_END = frozenset(CL01_OPENING)
HANGABLE = frozenset("、。，．")

# Latin "word" characters: never broken between two of them except as a last resort.
WORD_RANGES = "!-~\u00a0-\u024f\u0370-\u03ff\u0400-\u04ff\u2018-\u201f０-９Ａ-Ｚａ-ｚ"
# Letters and digits that get a quarter-em (和欧間) next to kana and kanji.
WESTERN_RANGES = "A-Za-z0-9%\u00c0-\u024f\u0370-\u03ff"
# Kana and kanji: the Japanese side of 和欧間.
JAPANESE_RANGES = "\u3041-\u309f\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆〇ｦ-ﾟ"
SPLIT_AFTER = "/.-_?&=#"  # where an over-long URL or identifier may break


def may_start_line(c: str) -> bool:
    """JLREQ line-start prohibition: closing brackets, punctuation, small kana, …"""
    return c not in NOT_AT_LINE_START


def may_end_line(c: str) -> bool:
    """JLREQ line-end prohibition: opening brackets."""
    return c not in NOT_AT_LINE_END


def is_cjk(c: str) -> bool:
    """Kana, kanji, CJK punctuation, full-width and half-width forms."""
    o = ord(c)
    return (
        0x3000 <= o <= 0x30FF
        or 0x3400 <= o <= 0x4DBF
        or 0x4E00 <= o <= 0x9FFF
        or 0xF900 <= o <= 0xFAFF
        or 0xFF00 <= o <= 0xFFEF
        or 0x31F0 <= o <= 0x31FF
        or 0x20000 <= o <= 0x3FFFF
    )


def is_word_char(c: str) -> bool:
    """Latin, Greek, Cyrillic letters, ASCII symbols and full-width alphanumerics."""
    o = ord(c)
    return (
        0x21 <= o <= 0x7E
        or 0xA0 <= o <= 0x24F
        or 0x370 <= o <= 0x4FF
        or 0x2018 <= o <= 0x201F
        or 0xFF10 <= o <= 0xFF19
        or 0xFF21 <= o <= 0xFF3A
        or 0xFF41 <= o <= 0xFF5A
    )


def class_chars(chars: str) -> str:
    """Escape characters for use inside a regex character class."""
    return "".join("\\" + c if c in "\\]^-[" else c for c in chars)


# Pre-escaped class bodies shared by the segmenter.
RE_NOT_END = class_chars(CL01_OPENING)
RE_INSEPARABLE = class_chars(CL08_INSEPARABLE)
RE_PREFIX = class_chars(PREFIXES)
RE_POSTFIX = class_chars(POSTFIXES)
