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
    return int(norm) if norm.isdigit() and len(norm) <= 6 else 0  # 5,000 digits asks nothing


def asked_count(stem: str) -> int | None:
    """How many answers the stem asks for: a number, 0 for "all that apply", None if unsaid."""
    match = _COUNT.search(stem)
    if match:
        return _count_word(match.group(1)) or None
    if _MULTI.search(stem):
        return 0
    return 1 if _SINGLE.search(stem) else None


# "All/none of the above" is recognised by meaning, not by a list of exact strings: a
# reference to the other options followed (within a few characters) by all/none leads the
# option, whatever follows it: 上記のいずれでもない（どれも誤り）, A〜Dのすべて,
# None of the above (it depends). Texts are NFKC-normalised and lower-cased first.
_RANGE = r"(?:[a-z]|[ア-ン]|\d+)\s*(?:[〜~\-–ー]|から)\s*(?:[a-z]|[ア-ン]|\d+)(?:\s*まで)?"
_JA_REF = rf"(?:上記|以上|前記|これら|それら|{_RANGE})"
_JA_ALL = r"(?:(?:すべて|全て|全部|いずれ|どれ|何れ)(?!か)|該当(?:なし|しない|するものは))"
_EN_OTHERS = r"(?:the\s+)?other(?:s|\s+(?:options|answers|choices))"
_EN_REF = rf"(?:the\s+)?(?:above|these|those|preceding|{_EN_OTHERS})"
_EN_ALL = r"(?:all|none|neither|both)"
_LEADING = re.compile(
    rf"^(?:{_JA_REF}\s*(?:の|に|は)?[^。.、,]{{0,6}}?{_JA_ALL}"
    rf"|{_EN_ALL}\s+(?:of\s+)?(?:the\s+)?{_EN_REF}\b)"
)
_ANYWHERE_JA = re.compile(rf"{_JA_REF}.*{_JA_ALL}|{_JA_ALL}.*(?:上記|以上|前記)")
_ANYWHERE_EN = re.compile(rf"\b{_EN_ALL}\b.*\b(?:above|these|the\s+others)\b")

# Whole options that mean the same without naming the others (すべて正しい, 該当なし, none).
_ALONE = (
    "すべて正しい",
    "全て正しい",
    "すべて正解",
    "全て正解",
    "いずれも正しい",
    "いずれでもない",
    "どれでもない",
    "いずれも正しくない",
    "いずれも誤り",
    "すべて誤り",
    "全て誤り",
    "該当なし",
    "該当するものはない",
    "該当するものなし",
    "neither",
    "none",
    "all of them",
    "none of them",
)


def _normal(text: str) -> str:
    norm = unicodedata.normalize("NFKC", text).lower()
    norm = re.sub(r"[\s。.!！]+$", "", norm.strip())
    return re.sub(r"\s+", " ", norm)


AUTO_PIN = frozenset(_normal(p) for p in _ALONE)


def is_auto_pin(option_text: str) -> bool:
    """Whether an option means "all/none of the above" and so must stay last."""
    norm = _normal(option_text)
    if norm in AUTO_PIN or norm.replace(" ", "") in AUTO_PIN:
        return True
    return _LEADING.match(norm) is not None


def looks_like_catch_all(option_text: str) -> bool:
    """Mentions the other options together with all/none, yet not as its leading phrase
    (「答えは上記のすべて」): probably meant to stay last, but shuffling will move it."""
    norm = _normal(option_text)
    if is_auto_pin(option_text):
        return False
    return bool(_ANYWHERE_JA.search(norm) or _ANYWHERE_EN.search(norm))


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
