"""Option letters as one version prints them: rewrite label mentions in explanations and in
options that cite other options, and put per-option explanations into the printed order."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from exampdf import memo
from exampdf.model import Block, Heading, Inline, Paragraph, Question, Text, plain_text, walk
from exampdf.parse.letterrefs import find_refs, first_text, leading_label, written_labels
from exampdf.versions.types import VersionItem, letter

NOTE_CHARS = 16  # option text beside an unresolved letter is cut to this many characters


@dataclass(unsafe_hash=True)
class Relabel:
    """Bank choice index -> the label written in the bank, and the label printed here."""

    written: tuple[str, ...]
    printed: tuple[str, ...]
    texts: tuple[str, ...]  # each option's plain text, for unresolved mentions

    @property
    def identity(self) -> bool:
        return self.written == self.printed

    def text(self, value: str, before: str = "") -> str:
        """Certain mentions get the printed label (lists re-sorted into printed order);
        uncertain ones keep the bank's label with the option's text beside it."""
        out: list[str] = []
        pos = 0
        for ref in find_refs(value, self.written, before):
            out.append(value[pos : ref.start])
            if ref.certain:
                out.append(self._certain(value, ref.start, ref.end, ref.labels))
            else:
                s, e, choice = ref.labels[0]
                moved = self.printed[choice] != self.written[choice]
                out.append(value[s:e] + (self._note(choice) if moved else ""))
            pos = ref.end
        out.append(value[pos:])
        return "".join(out)

    def _certain(
        self, value: str, start: int, end: int, labels: tuple[tuple[int, int, int], ...]
    ) -> str:
        # A list names a set: print it in printed order (「AとC」, not 「CとA」).
        choices = sorted((c for _, _, c in labels), key=lambda c: self.printed[c])
        out, pos = [], start
        for (s, e, _), choice in zip(labels, choices, strict=True):
            out += [value[pos:s], self.printed[choice]]
            pos = e
        out.append(value[pos:end])
        return "".join(out)

    def _note(self, choice: int) -> str:
        text = " ".join(self.texts[choice].split())
        if len(text) > NOTE_CHARS:
            text = text[: NOTE_CHARS - 1] + "…"
        return f"〔{text}〕"


def relabel_for(question: Question, item: VersionItem, labels: Sequence[str] = ()) -> Relabel:
    """`labels`: how printed positions are labelled (A, B, … unless given)."""
    printed = [""] * len(question.choices)
    for pos, choice in enumerate(item.order):
        printed[choice] = labels[pos] if pos < len(labels) else letter(pos)
    texts = tuple(plain_text(c.content) for c in question.choices)
    return Relabel(written_labels(question), tuple(printed), texts)


def choice_content(
    question: Question, item: VersionItem, pos: int, labels: Sequence[str] = ()
) -> tuple[Inline, ...]:
    """What option `pos` prints: its content, with mentions of other options (「AとBの両方」)
    relabelled to the labels this version prints."""
    content = question.choices[item.order[pos]].content
    if not options_cite_options(question):
        return content  # the common case, decided once per question rather than per version
    r = relabel_for(question, item, labels)
    return content if r.identity else inlines(content, r)


# A question is a large frozen value: found by identity, never hashed by value.
_CITING: memo.IdMemo[Question, bool] = memo.IdMemo("versions.letters.citing", 10_000)


def options_cite_options(question: Question) -> bool:
    """Whether relabelling can change any option's text: probed with a shift that moves
    every label, so any mention at all, certain or not, shows up as a difference."""
    cites = _CITING.get(question)
    if cites is None:
        n = len(question.choices)
        shift = VersionItem(0, tuple((i + 1) % n for i in range(n)))
        r = relabel_for(question, shift)
        found = n > 1 and any(inlines(c.content, r) != c.content for c in question.choices)
        cites = _CITING.put(question, found)
    return cites


def explanation(
    question: Question, item: VersionItem, labels: Sequence[str] = ()
) -> tuple[Block, ...]:
    """The explanation as this version's key prints it (`labels`: the printed labels)."""
    return blocks(question.explanation, relabel_for(question, item, labels))


def inlines(nodes: Sequence[Inline], r: Relabel, lead: bool = False) -> tuple[Inline, ...]:
    """Rewrite the Text runs (never code); with `lead`, a label opening the run is structure."""
    out: list[Inline] = []
    before = ""
    for node in nodes:
        if isinstance(node, Text):
            text = node.text
            head = ""
            if lead and (found := leading_label(text, r.written)):
                s, e, choice = found
                head, text = text[:s] + r.printed[choice], text[e:]
            out.append(Text(head + r.text(text, before)))
            before = node.text
        else:  # bold, emphasis and links are rewritten inside; code and the rest kept
            kids = walk.children(node)
            out.append(walk.with_children(node, inlines(kids, r, lead and not out)))
            before = plain_text(kids)
        lead = False
    return tuple(out)


def block(b: Block, r: Relabel) -> Block:
    """Every Text run of `b` rewritten (a paragraph's or heading's first label is structure);
    nested lists and quotes go through `blocks`, so their option units are reordered too."""
    return walk.rebuild(
        b,
        lambda bs: blocks(bs, r),
        lambda span: inlines(span.inlines, r, lead=span.row is None),
    )


def head_choice(b: Block, r: Relabel) -> int | None:
    """The option a heading or paragraph opens with (`### **A. LoRA**`, `**C. …**: …`)."""
    if not isinstance(b, Paragraph | Heading):
        return None
    found = leading_label(first_text(b.inlines), r.written)
    return found[2] if found else None


def _kind(b: Block) -> int:
    return b.level if isinstance(b, Heading) else 0  # 0: paragraph-led units


def blocks(bs: Sequence[Block], r: Relabel) -> tuple[Block, ...]:
    """Rewrite every block; runs of per-option units are put into the printed order."""
    if r.identity:
        return tuple(bs)
    out: list[Block] = []
    i = 0
    while i < len(bs):
        if head_choice(bs[i], r) is None:
            out.append(block(bs[i], r))
            i += 1
            continue
        units, i = _run(bs, i, r)
        if len({c for c, _ in units}) == len(units):
            units.sort(key=lambda u: r.printed[u[0]])
        out.extend(block(b, r) for _, unit in units for b in unit)
    return tuple(out)


def _run(bs: Sequence[Block], i: int, r: Relabel) -> tuple[list[tuple[int, list[Block]]], int]:
    """Consecutive option units of one kind starting at `i`: a heading-led unit runs to the
    next heading as high; a paragraph-led unit keeps the code, lists and tables after it, and
    plain paragraphs only when another unit follows them."""
    kind = _kind(bs[i])
    units: list[tuple[int, list[Block]]] = []
    while i < len(bs) and (choice := head_choice(bs[i], r)) is not None and _kind(bs[i]) == kind:
        unit = [bs[i]]
        i += 1
        while i < len(bs) and _belongs(bs, i, kind, r):
            unit.append(bs[i])
            i += 1
        units.append((choice, unit))
    return units, i


def _belongs(bs: Sequence[Block], i: int, kind: int, r: Relabel) -> bool:
    b = bs[i]
    if kind:
        return not (isinstance(b, Heading) and b.level <= kind)
    if isinstance(b, Heading) or head_choice(b, r) is not None:
        return False
    if not isinstance(b, Paragraph):
        return True
    j = i
    while j < len(bs) and not isinstance(bs[j], Heading) and head_choice(bs[j], r) is None:
        j += 1
    return j < len(bs) and head_choice(bs[j], r) is not None and _kind(bs[j]) == 0
