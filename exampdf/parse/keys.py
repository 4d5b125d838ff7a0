"""Labels in the answer and in `pin:` → option indices, with exact messages when they miss."""

from __future__ import annotations

from dataclasses import dataclass

from exampdf.diagnostics import Diagnostic, error, warning
from exampdf.i18n import Msg, msg
from exampdf.model import Choice, plain_text
from exampdf.parse.answers import ReadAnswer
from exampdf.parse.frontmatter import FrontMatter
from exampdf.parse.labels import resolve
from exampdf.parse.wording import is_auto_pin, looks_like_catch_all


@dataclass(frozen=True)
class Keyed:
    choices: tuple[Choice, ...]
    answer: tuple[int, ...]


def options_range(choices: tuple[Choice, ...]) -> Msg:
    if not choices:
        return msg("options.none")
    return msg("options.range", first=choices[0].written_label, last=choices[-1].written_label)


def _indices(
    labels: tuple[str, ...],
    choices: tuple[Choice, ...],
    source: str,
    line: int,
    diags: list[Diagnostic],
    code: str,
) -> tuple[int, ...]:
    written = [c.written_label for c in choices]
    found: set[int] = set()
    for label in labels:
        index = resolve(label, written)
        if index is None:
            diags.append(
                error(
                    code,
                    msg(code, label=_short(label), options=options_range(choices)),
                    source,
                    line,
                    msg("E004.hint", labels=", ".join(written)),
                )
            )
        else:
            found.add(index)
    return tuple(sorted(found))


def resolve_answer(
    read: ReadAnswer, choices: tuple[Choice, ...], source: str, diags: list[Diagnostic]
) -> tuple[int, ...]:
    """Indices of the correct options, ascending."""
    if read.labels is None:
        shown = read.text.strip().replace("\n", " ")[:40]
        diags.append(
            error(
                "E005",
                msg("E005", shown=shown),
                source,
                read.line,
                msg("E005.hint"),
            )
        )
        return ()
    if read.every and not read.labels:
        return tuple(range(len(choices)))
    return _indices(read.labels, choices, source, read.line, diags, "E004")


def resolve_pins(
    keyed: Keyed, matter: FrontMatter, source: str, diags: list[Diagnostic]
) -> tuple[int, ...]:
    """Options kept last when shuffling: from front matter `pin`, else the automatic phrases."""
    if matter.pin is None:
        texts = [plain_text(c.content) for c in keyed.choices]
        if matter.shuffle is not False:
            diags.extend(_unpinned_catch_alls(keyed.choices, texts, source))
        return tuple(i for i, text in enumerate(texts) if is_auto_pin(text))
    if not keyed.choices:
        return ()
    line = matter.key_lines.get("pin", 1)
    return _indices(matter.pin, keyed.choices, source, line, diags, "E014")


def _unpinned_catch_alls(
    choices: tuple[Choice, ...], texts: list[str], source: str
) -> list[Diagnostic]:
    """W015: an option that mentions the others with all/none but does not lead with it."""
    return [
        warning(
            "W015",
            msg("W015", label=c.written_label),
            source,
            c.line,
            msg("W015.hint", label=c.written_label),
        )
        for c, text in zip(choices, texts, strict=True)
        if looks_like_catch_all(text)
    ]


def _short(label: str) -> str:
    """A label as quoted in a message: a pasted 5,000-digit "label" is cut, not echoed."""
    return label if len(label) <= 20 else f"{label[:12]}…({len(label):,} characters)"
