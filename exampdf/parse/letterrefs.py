"""Where text names options by label (「選択肢C」, 「AとBの両方」, `A. …` at a line start), and
which of those mentions are certain enough to rewrite when options are shuffled."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from exampdf import memo
from exampdf.diagnostics import Diagnostic, warning
from exampdf.i18n import msg
from exampdf.model import Block, Inline, Question, Text, walk

# A label stands alone: no Latin letter, digit, katakana or kanji glued to it (「クラスA」,
# 「変数B」, 「Aタイプ」 are not option labels).
_BEFORE = r"(?<![A-Za-z0-9ァ-ヶー\u4e00-\u9fff])"
_AFTER = r"(?![A-Za-z0-9ァ-ヶー])"
_SEP = r"\s*(?:と|や|・|、|,|，|および|及び|または|又は|/|&|\band\b|\bor\b)\s*"
_PREFIX = r"(?:選択肢|肢|(?i:option|choice)|(?:正解|答え|解答)\s*(?:は|が|:|：))\s*"
_SUFFIX = (
    r"\s*(?:以外|の両方|と同じ|が正しい|は正しい|も正しい|が正解|は正解|も正解|は誤り|"
    r"が誤り|も誤り|は不正解|のみ|だけ)"
)
# A lone letter as the subject or object of a clause ("Aを選ぶと…") may be a reference or
# not: such mentions are never rewritten by guess. A letter that is itself the complement
# ("クラスが A", "「A」が1バイト") or a modifier ("Aの値") is taken as plain text.
_LOOSE_BEFORE = r"(?<![がはのを「『\"'])(?<![がはのを「『\"']\s)"
_LOOSE_AFTER = r"(?=\s*(?:は|が|を|も|では|なら))"
# Text a preceding run may end with, after which a run opening with labels is the answer.
_ANSWER_TAIL = re.compile(r"(?:正解|答え|解答)\s*(?:は|が|:|：)\s*$")


@dataclass(unsafe_hash=True)
class Ref:
    """Choice letters named in a question's text (e.g. 正解は A): where, and which choices."""

    start: int
    end: int
    labels: tuple[tuple[int, int, int], ...]  # (start, end, choice index) of each label
    certain: bool


def _alternatives(labels: Sequence[str]) -> str:
    return "|".join(re.escape(x) for x in sorted(set(labels), key=len, reverse=True))


# Compiling _BEFORE's kanji range fills a 64K table in Python (~0.7 ms a time, five times a
# label set): the patterns that hold it are compiled only for a text `_alone` finds a label in.
@memo.cached(maxsize=256)
def _patterns(labels: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    one = rf"(?:{_alternatives(labels)})"
    label = rf"{_BEFORE}{one}{_AFTER}"
    plain = rf"(?<![A-Za-z0-9ァ-ヶー]){one}{_AFTER}"  # after 選択肢 a kanji is fine
    certain = re.compile(
        rf"{_PREFIX}{plain}(?:{_SEP}{label})*|{label}(?:{_SEP}{label})+|{label}(?={_SUFFIX})"
    )
    loose = re.compile(rf"{_LOOSE_BEFORE}{label}{_LOOSE_AFTER}")
    return certain, loose


@memo.cached(maxsize=256)
def _alone(labels: tuple[str, ...]) -> re.Pattern[str]:
    """A label with no Latin letter, digit or katakana glued to it: every mention find_refs
    reports holds one (its patterns ask that and more; 「正解は」's list has space before)."""
    return re.compile(rf"(?<![A-Za-z0-9ァ-ヶー])(?:{_alternatives(labels)}){_AFTER}")


@memo.cached(maxsize=256)
def _leading(labels: tuple[str, ...]) -> re.Pattern[str]:
    one = rf"(?:{_alternatives(labels)})"
    return re.compile(rf"^\s*(?:{_PREFIX})?[（(]?({one})(?:\s*[.．:：)）、]|\s+|$)")


def _label_spans(
    text: str, start: int, end: int, labels: tuple[str, ...]
) -> Iterator[tuple[int, int, int]]:
    for m in _alone(labels).finditer(text, start, end):
        yield m.start(), m.end(), labels.index(m.group(0))


def find_refs(text: str, labels: Sequence[str], before: str = "") -> list[Ref]:
    """Every mention of an option label in running text, in order, the uncertain ones (a lone
    Latin letter as subject or object) included. `before` is the text of the preceding run:
    after 「正解は」 a run of labels (as in `正解は **C**`) is certain."""
    key = tuple(labels)
    if len(key) < 2 or not any(label in text for label in key):
        return []  # every pattern below matches a label, written exactly as it is in `key`
    if _alone(key).search(text) is None:
        return []  # nor can any of them match
    return _matched(text, key, before)


def _matched(text: str, key: tuple[str, ...], before: str) -> list[Ref]:
    certain, guess = _patterns(key)
    refs = [
        Ref(m.start(), m.end(), tuple(_label_spans(text, m.start(), m.end(), key)), True)
        for m in certain.finditer(text)
    ]
    if _ANSWER_TAIL.search(before) and not any(r.start == 0 for r in refs):
        whole = re.match(rf"\s*{_plain_list(key)}", text)
        if whole:
            refs.insert(
                0, Ref(0, whole.end(), tuple(_label_spans(text, 0, whole.end(), key)), True)
            )
    taken = [(r.start, r.end) for r in refs]
    for m in guess.finditer(text):
        latin = m.group(0).isascii() and m.group(0).isalpha()
        if latin and not any(s <= m.start() < e for s, e in taken):
            spans = ((m.start(), m.end(), key.index(m.group(0))),)
            refs.append(Ref(m.start(), m.end(), spans, False))
    return sorted(refs, key=lambda r: r.start)


def _plain_list(labels: tuple[str, ...]) -> str:
    label = rf"(?:{_alternatives(labels)}){_AFTER}"
    return rf"{label}(?:{_SEP}{label})*"


def leading_label(text: str, labels: Sequence[str]) -> tuple[int, int, int] | None:
    """(start, end, choice index) when `text` opens with a label: `A. …`, `C：`, `(B)`."""
    key = tuple(labels)
    if len(key) < 2:
        return None
    m = _leading(key).match(text)
    return (m.start(1), m.end(1), key.index(m.group(1))) if m else None


def first_text(inlines: Sequence[Inline]) -> str:
    """The text a heading or paragraph opens with (inside a leading **bold** too)."""
    if not inlines:
        return ""
    node = inlines[0]
    return node.text if isinstance(node, Text) else first_text(walk.children(node))


def block_texts(block: Block, labels: Sequence[str]) -> Iterator[tuple[int, str, str]]:
    """(line, preceding run, text) of every Text run in a block, code excluded (code is never
    rewritten) and a leading label (`**A. …**`) cut off: that one is structure."""
    for span in walk.iter_spans((block,)):
        texts = (n.text for n in walk.iter_inlines(span.inlines) if isinstance(n, Text))
        if span.row is not None:  # a table cell: no label leads it, no run before counts
            for text in texts:
                yield span.line, "", text
            continue
        before = ""
        for n, text in enumerate(texts):
            lead = leading_label(text, labels) if n == 0 else None
            yield span.line, before, text[lead[1] :] if lead else text
            before = text


def written_labels(q: Question) -> tuple[str, ...]:
    return tuple(c.written_label for c in q.choices)


def letter_diagnostics(question: Question) -> list[Diagnostic]:
    """W014 for option letters in an explanation that shuffled keys cannot rewrite for sure."""
    free = len(question.choices) - len(question.pinned)
    if not question.shuffle or free < 2:
        return []
    labels = written_labels(question)
    out: list[Diagnostic] = []
    for block in (*question.explanation, *question.model_answer):
        for line, before, text in block_texts(block, labels):
            for ref in find_refs(text, labels, before):
                if not ref.certain:
                    mention = text[ref.start : ref.end]
                    out.append(
                        warning(
                            "W014",
                            msg("W014", mention=mention),
                            question.source,
                            line,
                            msg("W014.hint"),
                        )
                    )
    return out
