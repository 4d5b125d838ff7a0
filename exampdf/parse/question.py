"""One file's text → one Question (or None) and every diagnostic about it."""

from __future__ import annotations

from dataclasses import dataclass, field

from exampdf.diagnostics import Diagnostic, error, warning
from exampdf.i18n import msg
from exampdf.model import Block, Choice, Question
from exampdf.parse import frontmatter, sections
from exampdf.parse.answers import read_answer
from exampdf.parse.blocks import convert_blocks
from exampdf.parse.choices import parse_choices
from exampdf.parse.consistency import decide_multi, letter_references
from exampdf.parse.frontmatter import FrontMatter
from exampdf.parse.keys import Keyed, resolve_answer, resolve_pins
from exampdf.parse.labels import classify
from exampdf.parse.limits import MAX_OPTIONS, check_question, clean_text
from exampdf.parse.math import formula_diagnostics
from exampdf.parse.sections import Sections
from exampdf.parse.validate import make_choices

NOT_A_QUESTION_HINT = msg("hint.not_a_question")


@dataclass
class _Build:
    source: str
    matter: FrontMatter
    secs: Sections
    diags: list[Diagnostic] = field(default_factory=list)

    def first_line(self) -> int:
        return self.secs.title_line or min((s.line for s in self.secs.found.values()), default=1)


def parse_text(
    text: str, source: str, group: str = "", default_id: str = "question"
) -> tuple[Question | None, list[Diagnostic]]:
    """The question a file's text holds, or None when it has errors; never raises for any text."""
    cleaned, limited = clean_text(text, source)
    if cleaned is None:
        return None, limited
    matter, body, diags = frontmatter.split(cleaned, source)
    diags = [*limited, *diags]
    if not body.strip():
        return None, [*diags, error("E002", msg("E002"), source, 1, NOT_A_QUESTION_HINT)]
    from exampdf.parse.markdown import parse_tree  # markdown-it loads on the first file parsed

    secs, more = sections.split(parse_tree(body), source)
    if not secs.found:
        line = secs.title_line or 1
        message = msg("E011")
        return None, [*diags, *more, error("E011", message, source, line, NOT_A_QUESTION_HINT)]
    build = _Build(source, matter, secs, [*diags, *more])
    question = _question(build, group, default_id)
    build.diags.extend(check_question(question))
    build.diags.extend(formula_diagnostics(question))
    failed = any(d.severity == "error" for d in build.diags)
    return (None if failed else question), sorted(build.diags, key=lambda d: d.line)


def _question(b: _Build, group: str, default_id: str) -> Question:
    qid = b.matter.id or default_id
    if b.secs.extra_title_line:
        b.diags.append(
            error(
                "E013",
                msg("E013"),
                b.source,
                b.secs.extra_title_line,
                msg("E013.hint"),
            )
        )
    if not b.secs.title_line:
        b.diags.append(
            warning(
                "W009",
                msg("W009", id=qid),
                b.source,
                b.first_line(),
                msg("W009.hint"),
            )
        )
    stem = _stem(b)
    choices = _choices(b)
    answer, model, extra = _answer(b, choices)
    keyed = Keyed(choices, answer)
    multi = decide_multi(stem, keyed, b.matter, b.source, b.diags)
    letter_references(choices, b.matter, b.source, b.diags)
    return Question(
        id=qid,
        source=b.source,
        title=b.secs.title or qid,
        stem=stem,
        choices=choices,
        answer=answer,
        explanation=extra + _blocks(b, "explanation"),
        line=b.first_line(),
        model_answer=model,
        multi=multi,
        points=1 if b.matter.points is None else b.matter.points,
        shuffle=b.matter.shuffle is not False,
        pinned=resolve_pins(keyed, b.matter, b.source, b.diags),
        answer_lines=b.matter.lines or 5,
        group=b.matter.group or group,
        tags=b.matter.tags,
    )


def _blocks(b: _Build, kind: str) -> tuple[Block, ...]:
    section = b.secs.found.get(kind)
    return convert_blocks(section.nodes) if section else ()


def _stem(b: _Build) -> tuple[Block, ...]:
    stem = convert_blocks(b.secs.preamble) + _blocks(b, "stem")
    if not stem:
        b.diags.append(sections.missing("stem", b.source, b.first_line()))
    return stem


def _choices(b: _Build) -> tuple[Choice, ...]:
    section = b.secs.found.get("choices")
    if section is None:
        return ()
    drafts, diags = parse_choices(section.nodes, b.source)
    b.diags.extend(diags if drafts else [d for d in diags if d.code != "W010"])
    if not drafts:
        b.diags.append(
            error(
                "E006",
                msg("E006.none"),
                b.source,
                section.line,
                msg("E006.none.hint"),
            )
        )
        return ()
    if len(drafts) > MAX_OPTIONS:  # before anything that compares options with each other
        message = msg("E104", count=len(drafts), limit=MAX_OPTIONS)
        b.diags.append(error("E104", message, b.source, drafts[MAX_OPTIONS].line))
        drafts = drafts[:MAX_OPTIONS]
    choices, more = make_choices(drafts, b.source)
    b.diags.extend(more)
    return choices


def _answer(
    b: _Build, choices: tuple[Choice, ...]
) -> tuple[tuple[int, ...], tuple[Block, ...], tuple[Block, ...]]:
    """(answer indices, model answer, blocks after the answer line that join the explanation)."""
    section = b.secs.found.get("answer")
    if section is None:
        after = b.secs.found.get("choices") or b.secs.found.get("stem")
        b.diags.append(
            sections.missing("answer", b.source, after.line if after else b.first_line())
        )
        return (), (), ()
    if not section.nodes:
        b.diags.append(
            error(
                "E005",
                msg("E005.empty"),
                b.source,
                section.line,
                msg("E005.empty.hint"),
            )
        )
        return (), (), ()
    read = read_answer(section.nodes[0])
    rest = convert_blocks(section.nodes[1:])
    if "choices" not in b.secs.found:
        return _written(b, read.labels, section.line), convert_blocks(section.nodes), ()
    if not choices:
        return (), (), rest
    return resolve_answer(read, choices, b.source, b.diags), (), rest


def _written(b: _Build, labels: tuple[str, ...] | None, line: int) -> tuple[int, ...]:
    """A written-answer question; an answer of bare option letters means options are missing."""
    if labels and all(_is_letter(label) for label in labels):
        b.diags.append(
            error(
                "E006",
                msg("E006.no_section", labels="、".join(labels)),
                b.source,
                line,
                msg("E006.no_section.hint"),
            )
        )
    return ()


def _is_letter(label: str) -> bool:
    kind = classify(label)
    return kind is not None and kind[0] == "latin" and label.upper() == label
