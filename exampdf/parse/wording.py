"""What the wording says: one answer or several, letter references, "all/none of the above"."""

from __future__ import annotations

import re
import unicodedata

_NUM = "0-9０-９一二三四五六七八九"
_KANJI_NUM = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_COUNT = re.compile(rf"([{_NUM}]+|ひと|ふた|みっ|よっ)\s*つ\s*(?:を)?\s*選")
_SINGLE = re.compile(
    r"最も(?:適切|適当|正しい|ふさわしい|妥当|よい|良い)|一番(?:適切|正しい)"
    r"|choose (?:one|the best)|select (?:one|the best)|the best answer",
    re.I,
)
_MULTI = re.compile(
    r"(?:すべて|全て|全部|いくつでも)\s*(?:を)?\s*選|複数選|複数回答|複数(?:の)?正解"
    r"|select all|choose all|all that apply",
    re.I,
)


def _count_word(word: str) -> int:
    kana = {"ひと": 1, "ふた": 2, "みっ": 3, "よっ": 4}
    if word in kana:
        return kana[word]
    if word in _KANJI_NUM:
        return _KANJI_NUM[word]
    norm = unicodedata.normalize("NFKC", word)
    return int(norm) if norm.isdigit() else 0


def asked_count(stem: str) -> int | None:
    """How many answers the stem asks for: a number, 0 for "all that apply", None if unsaid."""
    match = _COUNT.search(stem)
    if match:
        return _count_word(match.group(1)) or None
    if _MULTI.search(stem):
        return 0
    return 1 if _SINGLE.search(stem) else None


_PIN_PHRASES = (
    "上記のすべて",
    "上記すべて",
    "上記の全て",
    "上記全て",
    "以上のすべて",
    "以上すべて",
    "以上の全て",
    "すべて正しい",
    "全て正しい",
    "すべて正解",
    "全て正解",
    "いずれも正しい",
    "いずれでもない",
    "上記のいずれでもない",
    "以上のいずれでもない",
    "上記のどれでもない",
    "どれでもない",
    "いずれも正しくない",
    "いずれも誤り",
    "すべて誤り",
    "全て誤り",
    "該当なし",
    "該当するものはない",
    "該当するものなし",
    "上記に該当なし",
    "上記のいずれも該当しない",
    "all of the above",
    "none of the above",
    "all of these",
    "none of these",
    "neither",
    "both of the above",
    "all the above",
    "none",
)


def _normal(text: str) -> str:
    norm = unicodedata.normalize("NFKC", text).lower()
    norm = re.sub(r"[\s。.!！]+$", "", norm.strip())
    return re.sub(r"\s+", " ", norm)


AUTO_PIN = frozenset(_normal(p) for p in _PIN_PHRASES)


def is_auto_pin(option_text: str) -> bool:
    """Whether an option means "all/none of the above" and so must stay last."""
    norm = _normal(option_text)
    return norm in AUTO_PIN or norm.replace(" ", "") in AUTO_PIN


def letter_reference(option_text: str, labels: list[str]) -> str | None:
    """A mention of another option by its label (「AとBの両方」), which shuffling would break."""
    if len(labels) < 2:
        return None
    alternatives = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
    label = rf"(?<![A-Za-z0-9ァ-ヶー])(?:{alternatives})(?![A-Za-z0-9ァ-ヶー])"
    joined = rf"{label}\s*(?:と|も|や|および|及び|・|、|,|，|&|(?i:\band\b|\bor\b))\s*{label}"
    named = rf"(?:選択肢|(?i:option|choice))\s*{label}|{label}\s*(?:以外|の両方|と同じ|が正しい)"
    match = re.search(rf"{joined}|{named}", option_text)
    return match.group(0) if match else None
