"""The same exam typeset by Typst, for comparison: `python bench/typst_bench.py BANK VERSIONS OUT`.

Builds one Typst document with what `exampdf make BANK --shuffle --versions V --seed 7` prints:
every version (each on new pages, questions and options in that version's order, the version's
own page numbers), then the answer-key booklet (key table, then each question once with its
options, answer, where each version printed it and the full explanation). exampdf's own parse
and version pieces choose the content, so both tools typeset the same thing. Needs the optional
`typst` package (`pip install typst`); `time_typst` runs the whole thing as a child process and
measures it as bench/run.py measures exampdf.

The generated markup is kept beside the PDF (OUT with the suffix .typ).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from exampdf.model import (
    Bank,
    Block,
    CodeBlock,
    CodeSpan,
    Emph,
    HardBreak,
    Heading,
    Image,
    Inline,
    Link,
    ListBlock,
    MathBlock,
    MathInline,
    Paragraph,
    Question,
    Quote,
    Ruby,
    Rule,
    SoftBreak,
    Strong,
    Table,
    Text,
)
from exampdf.parse import parse_bank
from exampdf.versions import ExamVersion, VersionSpec, build_versions

sys.path.insert(0, str(Path(__file__).resolve().parent))
from math_bank import TYPST as TYPST_MATH  # bench/ is not a package

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "fonts"
SEED = 7
TITLE = "確認テスト"  # exampdf's default title
KEY_COLUMNS = 12  # questions per row of the key table
SINGLE_MARK, MULTI_MARK = "○", "□"
MULTI_NOTE = "（当てはまるものをすべて選びなさい）"
SAYS_MULTI = re.compile(r"すべて|全て|[0-9０-９二三四五]\s*つ選|複数")

# Every ASCII character that can start markup in Typst (`.` for `...`, `/` for comments and
# links, `-` `+` `=` for list and heading markers and dashes, quotes for smart quotes) gets a
# backslash; Typst accepts a backslash before any such character.
_SPECIAL = re.compile(r"""([\\#*_`$@<>\[\]~\-+=/'".:])""")
_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")

PREAMBLE = """\
#set document(title: "{title}")
#set page(paper: "a4", margin: (left: 20mm, right: 20mm, top: 22mm, bottom: 18mm),
  header: context {{
    let marks = query(<exam-version>)
    let here-page = here().page()
    let on = marks.filter(m => m.location().page() <= here-page)
    let name = if on.len() > 0 {{ on.last().value }} else {{ "" }}
    set text(font: "BIZ UDPGothic", weight: "bold", size: 8.5pt)
    grid(columns: (1fr, auto), align: (left + bottom, right + bottom),
      if name != "" {{ [{title}] }} else {{ [{title} 解答・解説] }},
      if name != "" {{ box(stroke: 0.6pt, inset: (x: 8pt, y: 3pt), name) }})
    v(-2pt)
    line(length: 100%, stroke: 0.5pt)
  }},
  footer: context {{
    let p = counter(page).get().first()
    let ends = query(<part-end>).filter(m => m.location().page() >= here().page())
    let total = if ends.len() > 0 {{
      counter(page).at(ends.first().location()).first()
    }} else {{ p }}
    set text(size: 8.5pt)
    if p < total {{ align(right, [（次のページに続く）]) }} else {{ v(1em) }}
    align(center, [#p / #total])
  }},
)
#set text(font: ("BIZ UDPMincho", "Symbola"), size: 10.5pt, lang: "ja",
  top-edge: "ascender", bottom-edge: "descender")
#set par(leading: 0.7em, spacing: 0.9em, justify: true)
#show strong: set text(font: "BIZ UDPGothic", weight: "bold")
#show emph: set text(font: "BIZ UDPGothic", style: "normal")
#show raw: set text(font: "BIZ UDGothic", size: 8.5pt)
#show raw.where(block: true): it => {{
  set par(leading: 0.35em, justify: false)
  block(fill: luma(238), inset: 6pt, width: 100%, it)
}}
#show raw.where(block: false): box.with(fill: luma(238), inset: (x: 2pt), outset: (y: 2pt))
#set heading(numbering: none, outlined: false)
#show heading: set text(font: "BIZ UDPGothic", weight: "bold")
#show heading.where(level: 1): set text(size: 15.2pt)
#show heading.where(level: 2): set text(size: 13.65pt)
#show heading.where(level: 3): set text(size: 11.76pt)
#show heading: set block(above: 1.2em, below: 0.7em)
#show link: set text(fill: rgb(13, 51, 140))
#set table(stroke: 0.5pt + luma(120), inset: (x: 5pt, y: 4pt))
#set list(marker: [・], indent: 0.5em)
#let ruby(rt, base) = box(stack(dir: ttb, spacing: 0.1em,
  align(center, text(size: 0.5em, rt)), align(center, base)))
#let options(label-width, ..rows) = v(0.6em) + grid(columns: (label-width, 1fr),
  column-gutter: 0.3em, row-gutter: 0.7em, ..rows)
"""


def escape(text: str) -> str:
    """Plain text as Typst markup that prints exactly that text."""
    return _SPECIAL.sub(r"\\\1", text.replace("\r", "").replace("\n", " "))


def string(text: str) -> str:
    """A Typst string literal."""
    out = text.replace("\\", "\\\\").replace('"', '\\"')
    out = out.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return f'"{out}"'


def _edge_text(node: Inline, last: bool) -> str:
    """The character a reader sees at one end of an inline node (for soft-break joining)."""
    if isinstance(node, Text | CodeSpan):
        return node.text[-1:] if last else node.text[:1]
    if isinstance(node, Strong | Emph | Link) and node.children:
        return _edge_text(node.children[-1 if last else 0], last)
    if isinstance(node, Ruby):
        return node.base[-1:] if last else node.base[:1]
    return ""


def inlines(nodes: Sequence[Inline]) -> str:
    out: list[str] = []
    for i, node in enumerate(nodes):
        if isinstance(node, Text):
            out.append(escape(node.text))
        elif isinstance(node, Strong):
            out.append(f"#strong[{inlines(node.children)}]")
        elif isinstance(node, Emph):
            out.append(f"#emph[{inlines(node.children)}]")
        elif isinstance(node, CodeSpan):
            out.append(f"#raw({string(node.text)})")
        elif isinstance(node, Link):
            out.append(f"#link({string(node.href)})[{inlines(node.children)}]")
        elif isinstance(node, Image):
            if node.file:
                out.append(f"#box(image({string(node.file)}, height: 1.2em))")
            else:
                out.append(escape(node.alt))
        elif isinstance(node, Ruby):
            out.append(f"#ruby[{escape(node.text)}][{escape(node.base)}]")
        elif isinstance(node, MathInline):
            out.append(_math(node.latex, node.display))
        elif isinstance(node, HardBreak):
            out.append("#linebreak()")
        elif isinstance(node, SoftBreak):
            # Like exampdf: Japanese joins without a space, Latin with one.
            before = _edge_text(nodes[i - 1], True) if i else ""
            after = _edge_text(nodes[i + 1], False) if i + 1 < len(nodes) else ""
            out.append("" if _CJK.match(before) or _CJK.match(after) else " ")
    return "".join(out)


def blocks(bs: Iterable[Block]) -> str:
    """Blocks as Typst markup, separated by paragraph breaks."""
    return "\n\n".join(block(b) for b in bs)


def block(b: Block) -> str:
    if isinstance(b, Paragraph):
        return inlines(b.inlines)
    if isinstance(b, Heading):
        level = min(max(b.level, 1), 6)
        return f"#heading(level: {level})[{inlines(b.inlines)}]"
    if isinstance(b, CodeBlock):
        text = string(b.code.rstrip("\n"))
        code = f"raw(block: true, lang: {string(b.lang or 'text')}, {text})"
        if b.numbered:
            return (
                "#{show raw.line: it => box(width: 2em, align(right, text(fill: luma(120),"
                f" str(it.number)))) + h(0.8em) + it; {code}}}"
            )
        return f"#{code}"
    if isinstance(b, ListBlock):
        items = ", ".join(f"[{blocks(item)}]" for item in b.items)
        if b.ordered:
            return f"#enum(start: {b.start}, {items})"
        return f"#list({items})"
    if isinstance(b, Table):
        return _table(b)
    if isinstance(b, Quote):
        return f"#quote(block: true)[{blocks(b.blocks)}]"
    if isinstance(b, Rule):
        return "#line(length: 100%, stroke: 0.5pt + luma(140))"
    if isinstance(b, MathBlock):
        return _math(b.latex, True)
    raise TypeError(f"unknown block {type(b).__name__}")


def _math(latex: str, display: bool) -> str:
    """The formula in Typst math (bench/math_bank.py's formulas; others as raw text)."""
    typst = TYPST_MATH.get(latex)
    if typst is None:
        return f"#raw({string(latex)})"
    return f"$ {typst} $" if display else f"${typst}$"


def _table(t: Table) -> str:
    n = max(len(t.header), *(len(r) for r in t.rows)) if t.rows else len(t.header)
    aligns = [t.aligns[i] if i < len(t.aligns) else "left" for i in range(n)]

    def row(cells: Sequence[Sequence[Inline]]) -> list[str]:
        padded = [*cells, *([()] * (n - len(cells)))]
        return [f"[{inlines(c)}]" for c in padded[:n]]

    header = ", ".join(f"strong({c})" for c in row(t.header))
    body = ", ".join(", ".join(row(r)) for r in t.rows)
    return (
        f"#table(columns: {n}, align: ({', '.join(aligns)},), "
        f"fill: (_, y) => if y == 0 {{ luma(230) }}, table.header({header}), {body})"
    )


def _label(pos: int) -> str:
    """A, B, … Z, AA, … (exampdf's default label style)."""
    code, n = "", pos + 1
    while n:
        n, rem = divmod(n - 1, 26)
        code = chr(ord("A") + rem) + code
    return code


def _option_rows(question: Question, order: Sequence[int], mark: str, answer: bool) -> str:
    """The option grid: printed position -> bank choice `order[pos]`."""
    rows: list[str] = []
    correct = set(question.answer)
    for pos, choice in enumerate(order):
        text = inlines(question.choices[choice].content)
        label = escape(f"{mark} {_label(pos)}.".strip())
        if answer and choice in correct:
            rows.append(f"strong[{label}], strong[{text}]")
        else:
            rows.append(f"[{label}], [{text}]")
    width = "3em" if mark else "1.8em"
    return f"#options({width}, {', '.join(rows)})"


def exam_question(number: int, question: Question, order: Sequence[int]) -> str:
    parts = [blocks(question.stem)]
    if question.kind == "written":
        parts.append(f"#rect(width: 100%, height: {question.answer_lines * 8}mm)")
    else:
        if question.multi and not SAYS_MULTI.search(_plain(question.stem)):
            parts.append(f"#strong[{escape(MULTI_NOTE)}]")
        mark = MULTI_MARK if question.multi else SINGLE_MARK
        parts.append(_option_rows(question, order, mark, answer=False))
    body = "\n\n".join(parts)
    return (
        "#block(breakable: false, above: 2.05em, grid(columns: (3.4em, 1fr), "
        f'text(font: "BIZ UDPGothic", weight: "bold", size: 11pt)[問{number}], [{body}]))'
    )


def _plain(bs: Sequence[Block]) -> str:
    return " ".join(
        "".join(getattr(n, "text", "") for n in b.inlines) for b in bs if isinstance(b, Paragraph)
    )


def exam_version(bank: Bank, version: ExamVersion) -> str:
    out = [
        "#pagebreak(weak: true)",
        "#counter(page).update(1)",
        f"#metadata({string(version.code + ' 版')}) <exam-version>",
        f'#align(center, text(font: "BIZ UDPGothic", weight: "bold", size: 15pt)[{TITLE}])',
        "#align(center, table(columns: (auto, 6em, auto, 6em, auto, 14em), inset: 6pt,"
        " [組], [], [番号], [], [氏名], []))",
        "#v(1.1em)",
    ]
    for number, item in enumerate(version.items, 1):
        out.append(exam_question(number, bank.questions[item.question], item.order))
    out.append("#align(right)[以上]")
    out.append("#metadata(none) <part-end>")
    return "\n\n".join(out)


def key_table(bank: Bank, versions: Sequence[ExamVersion]) -> str:
    out: list[str] = []
    n = max((len(v.items) for v in versions), default=0)
    for start in range(0, n, KEY_COLUMNS):
        stop = min(start + KEY_COLUMNS, n)
        cells = ["strong[版]", *(f"strong[問{i + 1}]" for i in range(start, stop))]
        for v in versions:
            cells.append(f"strong[{escape(v.code)}]")
            for item in v.items[start:stop]:
                q = bank.questions[item.question]
                shown = "・".join(_label(p) for p in item.printed_answer(q.answer)) or "—"
                cells.append(f"[{escape(shown)}]")
            cells.extend("[]" for _ in range(stop - start - len(v.items[start:stop])))
        out.append(
            f"#text(size: 9pt, table(columns: {stop - start + 1}, align: center, "
            f"inset: (x: 3pt, y: 3pt), fill: (x, y) => if x == 0 or y == 0 {{ luma(230) }}, "
            f"table.header({', '.join(cells[: stop - start + 1])}), "
            f"{', '.join(cells[stop - start + 1 :])}))"
        )
    total = sum(q.points for q in bank.questions)
    out.append(f"配点：計 {total} 点")
    return "\n\n".join(out)


def key_question(index: int, question: Question, versions: Sequence[ExamVersion]) -> str:
    """Bank question `index` once, with where (and as which letters) each version printed it."""
    number = index + 1
    where: list[str] = []
    for v in versions:
        for pos, item in enumerate(v.items, 1):
            if item.question == index and question.choices:
                shown = "・".join(_label(p) for p in item.printed_answer(question.answer))
                where.append(f"{v.code}版 問{pos} → {shown}")
    answer = "・".join(_label(i) for i in question.answer) or "—"
    source = Path(question.source)  # shown as exampdf shows it: the folder and the file
    shown_source = f"{source.parent.name}/{source.name}" if source.parent.name else source.name
    parts = [
        f"#heading(level: 2)[{number}. {escape(question.title)}]",
        f"#text(size: 8pt, fill: luma(90))[{escape(shown_source)}"
        f"（{escape(question.id)}）　配点 {question.points} 点]",
        blocks(question.stem),
    ]
    if question.choices:
        parts.append(_option_rows(question, range(len(question.choices)), "", answer=True))
        parts.append(f"#strong[正解：{escape(answer)}]")
    if question.model_answer:
        parts.append(f"#strong[解答例]\n\n{blocks(question.model_answer)}")
    if where:
        parts.append(f"#text(size: 8.5pt)[出題位置：{escape('　'.join(where))}]")
    if question.explanation:
        parts.append(f"#heading(level: 3)[解説]\n\n{blocks(question.explanation)}")
    return "\n\n".join(parts)


def document(bank: Bank, versions: Sequence[ExamVersion]) -> str:
    """The whole Typst source: every version, then the answer-key booklet."""
    codes = "、".join(f"{v.code}版" for v in versions)
    out = [PREAMBLE.format(title=escape(TITLE))]
    out.extend(exam_version(bank, v) for v in versions)
    out += [
        "#pagebreak(weak: true)",
        "#counter(page).update(1)",
        '#metadata("") <exam-version>',
        f"#heading(level: 1)[{escape(TITLE)} 解答・解説]",
        f"版：{escape(codes)}\n\n問題数：{len(bank.questions)} 問　シード：{SEED}",
        "#heading(level: 2)[解答一覧]",
        key_table(bank, versions),
        "#pagebreak(weak: true)",
    ]
    out.extend(key_question(i, q, versions) for i, q in enumerate(bank.questions))
    out.append("#metadata(none) <part-end>")
    return "\n\n".join(out) + "\n"


def build_source(bank_dir: Path, count: int) -> str:
    """Parse the bank and build the versions as `exampdf make --shuffle` does, then convert."""
    bank = parse_bank([bank_dir]).bank
    versions = build_versions(bank, VersionSpec(count=count, seed=SEED, shuffle=True))
    return document(bank, versions)


def compile_pdf(source: str, out: Path, tags: bool = True) -> None:
    """Write the markup beside the PDF (OUT.typ, handy to look at) and compile it."""
    import typst

    typ = out.with_suffix(".typ")
    typ.write_text(source, encoding="utf-8")
    typst.compile(
        typ,
        output=out,
        root=Path("/"),
        font_paths=[FONTS],
        ignore_system_fonts=True,
        pdf_tags=tags,  # Typst's default: a tagged PDF, about 5x the size of an untagged one
    )


@dataclass(frozen=True)
class TypstRun:
    wall: float  # seconds, the whole child process
    rss_kib: int  # peak RSS of the child
    pages: int
    size: int  # bytes of the PDF


def time_typst(bank: Path, versions: int, out: Path) -> TypstRun:
    """Run parse + convert + Typst compile as one child process; wall time and peak RSS."""
    cmd = [sys.executable, str(Path(__file__).resolve()), str(bank), str(versions), str(out)]
    from proc import run_measured
    from pypdf import PdfReader

    elapsed, rss = run_measured(cmd)
    return TypstRun(elapsed, rss, len(PdfReader(out).pages), out.stat().st_size)


def available() -> bool:
    try:
        import typst  # noqa: F401
    except ImportError:
        return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("bank", type=Path)
    parser.add_argument("versions", type=int)
    parser.add_argument("out", type=Path, help="the PDF to write")
    parser.add_argument("--verbose", action="store_true", help="print convert/compile seconds")
    parser.add_argument("--no-pdf-tags", action="store_true", help="an untagged PDF")
    args = parser.parse_args()
    t0 = time.perf_counter()
    source = build_source(args.bank, args.versions)
    t1 = time.perf_counter()
    compile_pdf(source, args.out, tags=not args.no_pdf_tags)
    if args.verbose:
        print(f"convert {t1 - t0:.2f} s, compile {time.perf_counter() - t1:.2f} s")


if __name__ == "__main__":
    main()
