"""Option labels as authors write them (A. A) (A) Ａ． ア. 1) ①) and their comparable keys."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
KANA = (
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
)
IROHA = "イロハニホヘトチリヌルヲワカヨタレソツネナラム"
HIRAGANA = "あいうえおかきくけこ"

MAX_DIGITS = 6  # longer numbers are compared as "too large", never converted
_CORE = rf"[A-Za-zＡ-Ｚａ-ｚ]|[{KANA}{HIRAGANA}]|[0-9０-９]{{1,2}}|[{CIRCLED}]"
_PUNCT = r"[.．:：)）、]"
# (A) or (A): label in brackets; A. A) A: with punctuation; ① alone.
LABEL_RE = re.compile(
    rf"""^[ \t　]*(?:
        [(（](?P<paren>{_CORE})[)）]
      | (?P<circled>[{CIRCLED}])(?:{_PUNCT})?
      | (?P<plain>{_CORE})(?:[．：）]|、(?![A-Za-zＡ-Ｚａ-ｚ])|[.:)](?=[ \t　]|$|[^\x00-\x7f]))
    )[ \t　]*""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class Label:
    written: str  # the label itself, without brackets or punctuation: A, ア, 1, ①, Ａ
    style: str  # latin / kana / hiragana / digit / circled
    position: int  # 0-based place in its alphabet (A→0, イ→1, 1→0, ②→1)
    length: int  # characters to strip from the start of the line


def _normal(text: str) -> str:
    return unicodedata.normalize("NFKC", text) if text not in CIRCLED else text


def classify(written: str) -> tuple[str, int] | None:
    """(style, position) of a bare label such as `C`, `ウ`, `3`, `③`, `Ｃ`."""
    if len(written) == 1 and written in CIRCLED:
        return "circled", CIRCLED.index(written)
    norm = _normal(written)
    if norm.isascii() and norm.isdigit():
        # A number of thousands of digits names no option; int() would refuse it (and be slow).
        return "digit", (int(norm) if len(norm) <= MAX_DIGITS else 10**MAX_DIGITS) - 1
    if len(norm) == 1 and norm.isascii() and norm.isalpha():
        return "latin", ord(norm.upper()) - ord("A")
    if len(norm) == 1 and norm in KANA:
        return "kana", KANA.index(norm)
    if len(norm) == 1 and norm in HIRAGANA:
        return "hiragana", HIRAGANA.index(norm)
    return None


def match_label(text: str) -> Label | None:
    """The label at the start of a line of option text, if any."""
    match = LABEL_RE.match(text)
    if not match:
        return None
    written = match.group("paren") or match.group("circled") or match.group("plain") or ""
    kind = classify(written)
    if kind is None or (kind[0] == "digit" and kind[1] < 0):
        return None
    return Label(written, kind[0], kind[1], match.end())


def label_key(written: str) -> tuple[str, int] | None:
    """What a label means, comparable across spellings: `Ｃ` = `C`, `③` = `3`."""
    kind = classify(written)
    if kind is None:
        return None
    return ("number", kind[1]) if kind[0] in ("digit", "circled") else kind


def same_key(a: str, b: str) -> bool:
    """Whether two written labels name the same thing (`Ｃ` = `C`, `③` = `3`, `ウ` = `ウ`)."""
    key = label_key(a)
    return key is not None and key == label_key(b)


def iroha_position(written: str) -> int | None:
    """Position in the iroha order (イ ロ ハ ニ …), for banks that label that way."""
    norm = _normal(written)
    return IROHA.index(norm) if len(norm) == 1 and norm in IROHA else None


def canonical_letter(index: int) -> str:
    """A, B, … Z, AA, AB, … for a 0-based option index."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def resolve(token: str, written: list[str]) -> int | None:
    """The option a label names: by written label, else by position when no option is
    labelled in the token's style (`B` or `2` means the second of ア, イ, ウ)."""
    key = label_key(token)
    if key is None:
        return None
    keys = [label_key(label) for label in written]
    if key in keys:
        return keys.index(key)
    if any(k is not None and k[0] == key[0] for k in keys):
        return None
    return key[1] if 0 <= key[1] < len(written) else None
