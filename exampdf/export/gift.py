"""GIFT, Moodle's plain-text quiz format: one question per paragraph, Markdown text."""

from __future__ import annotations

from exampdf.export.fractions import fractions, moodle_number
from exampdf.export.mdtext import blocks_md, inline_md
from exampdf.model import Bank, Image, Question, walk

_SPECIAL = "~=#{}:"


def escape(text: str) -> str:
    """Backslash first, then GIFT's control characters; newlines as \\n so that a blank line
    inside a stem does not end the question."""
    out = text.replace("\\", "\\\\")
    for ch in _SPECIAL:
        out = out.replace(ch, "\\" + ch)
    return out.replace("\n", "\\n")


def to_gift(bank: Bank) -> str:
    return "\n\n".join(question_gift(q) for q in bank.questions) + "\n"


def question_gift(q: Question) -> str:
    title = escape(q.title or q.id)
    head = f"// {q.id} ({q.source})\n::{title}::[markdown]{escape(blocks_md(q.stem))}"
    feedback = f"\n####{escape(blocks_md(q.explanation))}" if q.explanation else ""
    if not q.choices:  # written answer: GIFT's essay question
        return f"{head} {{{feedback}\n}}"
    weights = fractions(len(q.choices), q.answer, q.multi)
    lines = []
    for choice, weight in zip(q.choices, weights, strict=True):
        text = escape(inline_md(choice.content))
        if not q.multi:
            lines.append(f"\t{'=' if weight > 0 else '~'}{text}")
        else:
            lines.append(f"\t~%{moodle_number(weight)}%{text}")
    return f"{head} {{\n" + "\n".join(lines) + feedback + "\n}"


def gift_images(q: Question) -> list[str]:
    """The images a question shows: GIFT has no way to carry them (Moodle XML embeds them)."""
    runs = [s.inlines for s in walk.iter_spans((*q.stem, *q.explanation))]
    runs += [c.content for c in q.choices]
    return [n.src for run in runs for n in walk.iter_inlines(run) if isinstance(n, Image)]
