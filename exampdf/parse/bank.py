"""Reading a whole bank: every file named or found in the folders given, one question each."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from exampdf.diagnostics import Diagnostic, error
from exampdf.i18n import msg
from exampdf.model import Bank, Question
from exampdf.parse.bankcheck import bank_diagnostics
from exampdf.parse.cache import ParseCache
from exampdf.parse.encoding import decode
from exampdf.parse.files import SourceFile, collect, display_path, printable, relative_path
from exampdf.parse.images import ImageCheck, bank_root, resolve_images
from exampdf.parse.letterrefs import letter_diagnostics
from exampdf.parse.limits import check_size, read_limited
from exampdf.parse.split import read_all


@dataclass(frozen=True)
class ParseResult:
    """The questions of every file without errors, and every diagnostic about every file."""

    bank: Bank
    diagnostics: tuple[Diagnostic, ...]

    @property
    def ok(self) -> bool:
        return not any(d.severity == "error" for d in self.diagnostics)


def _read(
    item: SourceFile, outside_ok: bool = False, cache: ParseCache | None = None
) -> tuple[Question | None, list[Diagnostic], list[Diagnostic]]:
    """The file's question (None: not printable), its diagnostics, and its W014 checks."""
    try:
        data = read_limited(item.path)  # never reads more than the size limit
    except OSError as exc:
        reason = exc.strerror or exc
        return None, [error("E001", msg("E001.read", reason=reason), item.source)], []
    default_id = printable(item.path.stem)
    if cache is None:
        question, diags, letters = _checked(data, item.source, item.group, default_id)
    else:
        question, diags, letters = cache.parse(_checked, data, item.source, item.group, default_id)
    if question is None or b"![" not in data:  # every Markdown image starts so (UTF-8 only)
        return question, diags, letters
    check = ImageCheck(item.path, bank_root(item.path, item.group), outside_ok)
    question, bad = resolve_images(question, check)  # paths only: the letter checks stand
    return (None if bad else question), diags + bad, letters


def _checked(
    data: bytes, source: str, group: str, default_id: str
) -> tuple[Question | None, list[Diagnostic], list[Diagnostic]]:
    question, diags = parse_bytes(data, source, group, default_id)
    return question, diags, (letter_diagnostics(question) if question else [])


def parse_bytes(
    data: bytes, source: str, group: str = "", default_id: str = "question"
) -> tuple[Question | None, list[Diagnostic]]:
    """One file's bytes (UTF-8, BOM and CRLF allowed) → its question or None, and diagnostics."""
    if too_big := check_size(data, source):
        return None, too_big
    text, diags = decode(data, source)
    if text is None:
        return None, diags
    from exampdf.parse.question import parse_text  # not loaded when the parse cache has all

    return parse_text(text, source, group, default_id)


def parse_file(path: Path | str, *, group: str = "") -> ParseResult:
    """One question file: a bank of zero or one question, and its diagnostics."""
    item = SourceFile(Path(path), display_path(Path(path)), group)
    question, diags, _ = _read(item)
    questions = (question,) if question else ()
    return ParseResult(Bank(questions, (relative_path(item.path),)), tuple(diags))


def parse_bank(
    paths: Sequence[Path | str],
    *,
    bank_checks: bool = True,
    allow_outside_images: bool = False,
    allow_outside_questions: bool = False,
    later: list[Callable[[], None]] | None = None,
    helper: bool = False,
    meanwhile: Callable[[list[Question], Callable[[], bool]], None] | None = None,
) -> ParseResult:
    """Every file and folder given (folders: *.md and *.txt below, sorted), then bank checks.
    With `later`, storing the parse cache is appended there for the caller to do, instead of
    done here (`make`'s bank process does it once it has handed its result on). With
    `helper`, a first parse shares the files with a forked process (parse/split.py), and
    `meanwhile(questions, ready)` runs while this one waits for it."""
    items, diags = collect(paths, allow_outside_questions)
    cache = ParseCache(paths)  # files unchanged since the last run are not parsed again
    questions: list[Question] = []
    letters: list[Diagnostic] = []
    waiting = None
    if meanwhile is not None:
        waiting = lambda done, ready: meanwhile([r[0] for r in done if r[0] is not None], ready)  # noqa: E731
    for question, more, its_letters in read_all(
        items, lambda item: _read(item, allow_outside_images, cache), cache, helper, waiting
    ):
        diags.extend(more)
        if question is not None:
            questions.append(question)
            letters.extend(its_letters)
    if later is None:
        cache.save()
    else:
        later.append(cache.save)
    bank = Bank(tuple(questions), tuple(relative_path(item.path) for item in items))  # openable
    if bank_checks:
        where = ", ".join(display_path(Path(p)) for p in paths)
        diags.extend(bank_diagnostics(bank, where, letters))
    return ParseResult(bank, tuple(diags))
