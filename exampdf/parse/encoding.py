"""Decoding a question file's bytes: UTF-8 (BOM optional); else say precisely what is wrong.

An encoding is named only when the whole file decodes cleanly in it (and reads as Japanese
for the legacy ones); otherwise the message gives the byte offset and line of the first byte
that is not UTF-8. A file that is mostly good UTF-8 with a few broken bytes (a truncated
copy, a lone surrogate written by a buggy converter) is reported as broken UTF-8, never as
"looks like Shift_JIS" (UTF-8 Japanese often happens to decode as CP932 gibberish).
"""

from __future__ import annotations

import re

from exampdf.diagnostics import Diagnostic, error
from exampdf.i18n import Msg, msg

# (codec, the name a teacher's editor shows, the name iconv knows)
LEGACY = (("cp932", "Shift_JIS (CP932)", "CP932"), ("euc_jp", "EUC-JP", "EUC-JP"))
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32", "UTF-32"),  # before UTF-16: it starts with UTF-16-LE's BOM
    (b"\x00\x00\xfe\xff", "utf-32", "UTF-32"),
    (b"\xff\xfe", "utf-16", "UTF-16"),
    (b"\xfe\xff", "utf-16", "UTF-16"),
)
_C1 = re.compile("[\x80-\x9f]")  # CP932 maps lone 0x80 there: never in real text
_JIS_ESCAPE = re.compile(rb"\x1b(?:\$[@B]|\$\(D|\([BJI])")  # ISO-2022-JP shifts


def _score(text: str) -> int:
    """Ordinary Japanese characters: kana and common kanji."""
    return sum(1 for ch in text if "\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff")


def _clean(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _wide(data: bytes) -> tuple[str, str] | None:
    """(editor name, iconv name) for UTF-32/UTF-16 with a BOM, or without one when NUL bytes
    fall where ASCII text in that encoding puts them."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom) and _clean(data, codec) is not None:
            return name, name
    head = data[:400]
    if len(head) >= 8 and head.count(b"\x00") * 2 >= len(head):
        zero = bytes(len(head) // 4)
        for codec, name, high in (("utf-32-le", "UTF-32LE", 2), ("utf-32-be", "UTF-32BE", 0)):
            pair = head[high::4] + head[high + 1 :: 4]
            if len(data) % 4 == 0 and pair == zero + zero and _clean(data, codec) is not None:
                return "UTF-32", name
        for codec, name in (("utf-16-le", "UTF-16LE"), ("utf-16-be", "UTF-16BE")):
            if len(data) % 2 == 0 and _clean(data, codec) is not None:
                return "UTF-16", name
    return None


def _broken_utf8(data: bytes) -> bool:
    """Mostly UTF-8: more well-formed multi-byte characters than bad bytes."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    return sum(1 for ch in text if ord(ch) > 0x7F) - bad > bad


def identify(data: bytes) -> tuple[str, str] | None:
    """(editor name, iconv name) of the encoding these non-UTF-8 bytes decode cleanly in."""
    if wide := _wide(data):
        return wide
    if _broken_utf8(data):
        return None
    if _JIS_ESCAPE.search(data) and _clean(data, "iso2022_jp") is not None:
        return "ISO-2022-JP (JIS)", "ISO-2022-JP"
    for codec, name, iconv in LEGACY:
        text = _clean(data, codec)
        if text is not None and _score(text) > 1 and not _C1.search(text):
            return name, iconv
    return None


def _hint(iconv: str) -> Msg:
    return msg("E012.hint", iconv=iconv)


def _not_utf8(data: bytes, source: str, start: int, reason: str) -> Diagnostic:
    line = data.count(b"\n", 0, start) + 1
    found = identify(data)
    if found is not None:
        return error("E012", msg("E012", encoding=found[0]), source, line, _hint(found[1]))
    tail = identify(data[data.rfind(b"\n", 0, start) + 1 :])
    if tail is not None:  # UTF-8 up to there, then pasted from a Shift_JIS file
        message = msg("E012.mixed", line=line, byte=start, encoding=tail[0])
        return error("E012", message, source, line, msg("E012.mixed.hint", iconv=tail[1]))
    if "end of data" in reason:
        message = msg("E012.cut", byte=start, line=line)
    else:
        message = msg("E012.byte", byte=start, value=f"0x{data[start]:02X}", line=line)
    return error("E012", message, source, line, msg("E012.damaged.hint"))


def decode(data: bytes, source: str) -> tuple[str | None, list[Diagnostic]]:
    """The file's text with newlines as LF, or None and an E012 saying what is wrong."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [_not_utf8(data, source, exc.start, exc.reason)]
    # valid UTF-8 bytes, but UTF-16/32 or JIS text
    if ("\x00" in text or "\x1b" in text) and (found := identify(data)):
        return None, [error("E012", msg("E012", encoding=found[0]), source, 1, _hint(found[1]))]
    if "\x00" in text:
        return None, [error("E012", msg("E012.nul"), source, 1, msg("E012.nul.hint"))]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []
