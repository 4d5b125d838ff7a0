"""Checks within one question: wording against the number of answers, letters inside options."""

from __future__ import annotations

from exampdf.diagnostics import Diagnostic, warning
from exampdf.i18n import msg
from exampdf.model import Block, Choice, Heading, Paragraph, plain_text
from exampdf.parse.frontmatter import FrontMatter
from exampdf.parse.keys import Keyed
from exampdf.parse.wording import asked_count, letter_reference


def _stem_text(stem: tuple[Block, ...]) -> str:
    return "\n".join(plain_text(b.inlines) for b in stem if isinstance(b, Paragraph | Heading))


def _mismatch(asked: int | None, marked: int) -> str | None:
    """W003/W004 when the stem's wording disagrees with the number of marked answers."""
    if marked > 1 and asked == 1:
        return "W003"
    if not marked or asked in (None, 1):
        return None
    return "W004" if (marked == 1 if asked == 0 else marked != asked) else None


def decide_multi(
    stem: tuple[Block, ...], keyed: Keyed, matter: FrontMatter, source: str, diags: list[Diagnostic]
) -> bool:
    """Multi-answer when several are marked, the stem asks for several, or `multi: true`."""
    if not keyed.choices:
        return False
    asked, marked = asked_count(_stem_text(stem)), len(keyed.answer)
    line = stem[0].line if stem else 1
    code = _mismatch(asked, marked)
    if code == "W003":
        diags.append(
            warning(
                "W003",
                msg("W003", marked=marked),
                source,
                line,
                msg("W003.hint"),
            )
        )
    elif code == "W004":
        wanted = msg("W004.several") if asked == 0 else msg("W004.count", asked=asked)
        diags.append(
            warning(
                "W004",
                msg("W004", wanted=wanted, marked=marked),
                source,
                line,
                msg("W004.hint"),
            )
        )
    if matter.multi is not None:
        return matter.multi or marked > 1
    return marked > 1 or asked == 0 or (asked or 0) > 1


def letter_references(
    choices: tuple[Choice, ...], matter: FrontMatter, source: str, diags: list[Diagnostic]
) -> None:
    """W005 for options naming other options by label, unless the order is fixed."""
    if matter.shuffle is False:
        return
    labels = [c.written_label for c in choices]
    for choice in choices:
        found = letter_reference(plain_text(choice.content), labels)
        if found:
            message = msg("W005", label=choice.written_label, found=found)
            diags.append(warning("W005", message, source, choice.line, msg("W005.hint")))
