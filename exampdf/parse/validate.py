"""Draft options → Choice values, with the checks on labels and contents that need all of them."""

from __future__ import annotations

import unicodedata

from exampdf.diagnostics import Diagnostic, error, warning
from exampdf.model import Choice, plain_text
from exampdf.parse.choices import Draft
from exampdf.parse.labels import canonical_letter, iroha_position, label_key


def make_choices(drafts: list[Draft], source: str) -> tuple[tuple[Choice, ...], list[Diagnostic]]:
    """Choices lettered A, B, … by position, and every problem with their labels and contents."""
    choices = tuple(
        Choice(
            canonical_letter(i),
            d.label.written if d.label else canonical_letter(i),
            tuple(d.content),
            d.line,
        )
        for i, d in enumerate(drafts)
    )
    diags = _duplicate_labels(choices, source)
    diags += _empty(choices, source) + _duplicate_texts(choices, source)
    if not diags:
        diags += _sequence(drafts, source)
    if len(choices) == 1:
        diags.append(
            error(
                "E008",
                "only one option; a choice question needs at least two",
                source,
                choices[0].line,
                "add options, or delete `## 選択肢` to make a written-answer question",
            )
        )
    return choices, diags


def _duplicate_labels(choices: tuple[Choice, ...], source: str) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    first: dict[tuple[str, int] | None, Choice] = {}
    for choice in choices:
        key = label_key(choice.written_label)
        earlier = first.setdefault(key, choice)
        if earlier is not choice:
            diags.append(
                error(
                    "E007",
                    f"option label {choice.written_label} is used twice "
                    f"(lines {earlier.line} and {choice.line})",
                    source,
                    choice.line,
                    "give each option its own label: A, B, C, …",
                )
            )
    return diags


def _empty(choices: tuple[Choice, ...], source: str) -> list[Diagnostic]:
    return [
        error(
            "E015",
            f"option {c.written_label} has no text",
            source,
            c.line,
            "write the option's text after its label on the same line",
        )
        for c in choices
        if not plain_text(c.content).strip()
    ]


def _sequence(drafts: list[Draft], source: str) -> list[Diagnostic]:
    """W011 at the first option whose label breaks the style or the order of the others."""
    labelled = [(i, d.label, d.line) for i, d in enumerate(drafts) if d.label is not None]
    if not labelled:
        return []
    style = labelled[0][1].style
    for index, label, line in labelled:
        if label.style != style:
            message = (
                f"option label {label.written} mixes label styles; options are lettered by position"
            )
            hint = "use one style of label for all options"
        elif label.position != index and iroha_position(label.written) != index:
            message = (
                f"option label {label.written} is out of order "
                f"(it is option {canonical_letter(index)} by position)"
            )
            hint = "answers are read by label; check the answer names the option you mean"
        else:
            continue
        return [warning("W011", message, source, line, hint)]
    return []


def _key(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


def _duplicate_texts(choices: tuple[Choice, ...], source: str) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    seen: dict[str, Choice] = {}
    for choice in choices:
        key = _key(plain_text(choice.content))
        if key and key in seen:
            diags.append(
                warning(
                    "W002",
                    f"options {seen[key].written_label} and "
                    f"{choice.written_label} have the same text",
                    source,
                    choice.line,
                    "every option should say something different",
                )
            )
        seen.setdefault(key, choice)
    return diags
