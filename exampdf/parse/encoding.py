"""Decoding a question file's bytes: UTF-8 (BOM optional), else name the encoding it looks like."""

from __future__ import annotations

from exampdf.diagnostics import Diagnostic, error

# (codec, the name a teacher's editor shows)
CANDIDATES = (("cp932", "Shift_JIS (CP932)"), ("euc_jp", "EUC-JP"), ("iso2022_jp", "ISO-2022-JP"))


def _score(text: str) -> int:
    """Ordinary Japanese characters (kana, common kanji), minus a penalty per undecodable byte."""
    japanese = sum(1 for ch in text if "\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff")
    return japanese - 2 * text.count("\ufffd")


def guess_encoding(data: bytes) -> str:
    """A human name for the encoding these (non-UTF-8) bytes most likely use."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or data[:200].count(b"\x00") > 10:
        return "UTF-16"
    scores = [(_score(data.decode(codec, errors="replace")), name) for codec, name in CANDIDATES]
    best_score, best = max(scores)
    return best if best_score > 0 else "Windows-1252 / Latin-1 or binary data"


def _iconv_name(encoding: str) -> str:
    return {"Shift_JIS (CP932)": "CP932", "EUC-JP": "EUC-JP", "ISO-2022-JP": "ISO-2022-JP"}.get(
        encoding, "UTF-16" if encoding == "UTF-16" else "CP1252"
    )


def decode(data: bytes, source: str) -> tuple[str | None, list[Diagnostic]]:
    """The file's text with newlines as LF, or None and an E012 naming the likely encoding."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        encoding = guess_encoding(data)
        hint = (
            "save the file as UTF-8 (in VS Code: “Save with Encoding” → UTF-8; or "
            f"`iconv -f {_iconv_name(encoding)} -t UTF-8 old.md > new.md`)"
        )
        message = f"file is not UTF-8; it looks like {encoding}"
        return None, [error("E012", message, source, line, hint)]
    if "\x00" in text:
        message = "file contains NUL bytes; it looks like UTF-16 or binary data"
        return None, [error("E012", message, source, 1, "save the file as UTF-8 text")]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []
