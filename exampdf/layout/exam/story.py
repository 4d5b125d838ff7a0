"""The story of exam.pdf: every version in turn (cover, head, questions), each on an odd page."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Spacer

from exampdf import memo
from exampdf.layout.blocks.place import share
from exampdf.layout.exam import direct
from exampdf.layout.exam.columns import balance_breaks, question_key
from exampdf.layout.exam.compose import Block, Compose
from exampdf.layout.exam.cover import cover_flowables, name_table
from exampdf.layout.exam.question import QuestionStyle, question_block, shelf_of
from exampdf.layout.exam.spec import ExamSpec
from exampdf.layout.page.markers import CoverMark, Expand, SectionStart, to_odd_page
from exampdf.layout.page.outline import Bookmark
from exampdf.layout.page.pages import Probe
from exampdf.layout.page.paper import PageGeometry
from exampdf.layout.text.paragraphs import ParaStyle, make_paragraph
from exampdf.layout.text.textrun import Run
from exampdf.layout.theme import Theme
from exampdf.model import Bank
from exampdf.model.student import name_values
from exampdf.versions import ExamVersion

END_MARK = "以上"
Rebuild = Callable[[list[Probe]], list[Flowable] | None]


def exam_story(
    bank: Bank,
    versions: Sequence[ExamVersion],
    spec: ExamSpec,
    theme: Theme,
    g: PageGeometry,
    breaks: Collection[tuple[str, int]] = (),
) -> list[Flowable]:
    """`breaks`: (version, number) of questions that start the right column of a last page."""
    style = QuestionStyle(spec.label_style, spec.show_points)
    story: list[Flowable] = []
    for i, version in enumerate(versions):
        if spec.cover:
            story.append(NextPageTemplate("cover"))
        if i:
            story.extend(to_odd_page(spec.simplex))
        story += [SectionStart(version.code), Bookmark(f"v-{version.code}", f"{version.code}版")]
        # Built when the layout reaches it and dropped once drawn: memory stays flat however
        # many versions there are.
        story.append(Expand(_version_body(bank, version, spec, theme, g, breaks, style)))
    return story


def _version_body(
    bank: Bank,
    version: ExamVersion,
    spec: ExamSpec,
    theme: Theme,
    g: PageGeometry,
    breaks: Collection[tuple[str, int]],
    style: QuestionStyle,
) -> Callable[[], list[Flowable]]:
    def build() -> list[Flowable]:
        story: list[Flowable] = []
        names = name_values(spec.name_fields, version.student)
        if spec.cover:
            story += [
                CoverMark(),
                *cover_flowables(spec, version.code, theme, g.frame_width, g.frame_height, names),
            ]
            story += [NextPageTemplate("body"), PageBreak()]
        else:
            story.extend(first_page_head(spec, theme, g.column_width, names))
        n = len(version.items)
        blocks: list[Block] = []
        shelf = shelf_of(theme, style)
        for number, item in enumerate(version.items, start=1):
            tail = [_end_mark(theme)] if number == n else []
            key = question_key(version.code, number)
            question = bank.questions[item.question]
            block = direct.written(shelf, number, question, item, key, tail)
            blocks.append(block or question_block(number, question, item, theme, style, key, tail))
        if blocks:
            ours = {k for k in range(n) if (version.code, k + 1) in breaks} if breaks else ()
            story.append(Compose(blocks, g, ours))
        return story

    return build


def exam_rebuild(
    bank: Bank,
    versions: Sequence[ExamVersion],
    spec: ExamSpec,
    theme: Theme,
    g: PageGeometry,
) -> Rebuild:
    """A second pass: the story again with last pages' columns balanced (None: keep the first)."""

    def rebuild(probes: list[Probe]) -> list[Flowable] | None:
        breaks = balance_breaks(probes, versions, g)
        return exam_story(bank, versions, spec, theme, g, breaks) if breaks else None

    return rebuild


_END_MARKS: memo.Memo[Theme, Flowable] = memo.Memo("layout.exam.story.end_marks", 64)


def _end_mark(theme: Theme) -> Flowable:
    """以上, one per theme: shared by every version like the questions' own paragraphs."""
    mark = _END_MARKS.get(theme)
    if mark is None:
        para = make_paragraph(
            [Run(END_MARK, theme.fonts.bold, theme.size)],
            ParaStyle(leading=theme.leading, align="right", space_before=theme.size * 0.5),
        )
        mark = _END_MARKS.put(theme, share(para))
    return mark


def first_page_head(
    spec: ExamSpec, theme: Theme, width: float, names: Sequence[str] = ()
) -> list[Flowable]:
    """Without a cover: title, one line of facts and the name boxes above the first question."""
    size = theme.size * 1.6
    out: list[Flowable] = [
        make_paragraph(
            [Run(spec.title, theme.fonts.heading, size)],
            ParaStyle(leading=size * 1.4, align="center", phrases=True),
        )
    ]
    facts = [spec.subtitle, spec.subject, spec.date]
    if spec.duration:
        facts.append(f"試験時間 {spec.duration}")
    line = "　".join(x for x in facts if x)
    if line:
        out.append(
            make_paragraph(
                [Run(line, theme.fonts.body, theme.size)],
                ParaStyle(leading=theme.leading, align="center", phrases=True),
            )
        )
    out += [Spacer(1, 2 * mm), name_table(spec.name_fields, theme, width, 10 * mm, values=names)]
    out.append(Spacer(1, 7 * mm))
    return out
