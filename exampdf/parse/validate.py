"""Draft options → Choice values, with the checks on labels and contents that need all of them."""

from __future__ import annotations

import unicodedata

from exampdf.diagnostics import Diagnostic, error, warning
from exampdf.i18n import msg
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
                msg("E008"),
                source,
                choices[0].line,
                msg("E008.hint"),
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
                    msg("E007", label=choice.written_label, first=earlier.line, second=choice.line),
                    source,
                    choice.line,
                    msg("E007.hint"),
                )
            )
    return diags


def _empty(choices: tuple[Choice, ...], source: str) -> list[Diagnostic]:
    return [
        error(
            "E015",
            msg("E015", label=c.written_label),
            source,
            c.line,
            msg("E015.hint"),
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
            message = msg("W011.style", label=label.written)
            hint = msg("W011.style.hint")
        elif label.position != index and iroha_position(label.written) != index:
            message = msg("W011.order", label=label.written, letter=canonical_letter(index))
            hint = msg("W011.order.hint")
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
                    msg("W002", first=seen[key].written_label, second=choice.written_label),
                    source,
                    choice.line,
                    msg("W002.hint"),
                )
            )
        seen.setdefault(key, choice)
    return diags
