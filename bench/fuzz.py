"""Hostile-input fuzzer: every command on banks built to break it; any traceback is a failure.

Each case is a small folder — a bank and sometimes exam.toml, responses or a key — made from
one of these families, then one command (`check`, `make`, `grade`, `export`, `preview`,
`report`) run on it in this process through click:

- sizes at and around every limit (file bytes, line length, code lines, options, nesting,
  table columns, digits in a number);
- a page's worth of one thing (kanji, emoji, one long word, combining marks…) in one place
  (title, stem, option, table cell, code, list, quote, explanation, answer, id);
- hostile file names (not UTF-8, control characters, a leading dash, 250 bytes, NFD);
- symlinks (out of the bank, dangling, looping, to a folder or a device) and special files;
- grading input that is not what it claims (binary, TSV, formulas, huge numbers).

A case passes when the command ends with an exit code of 0, 1 or 2 and prints no
traceback, within a time limit. `python bench/fuzz.py --minutes 30` runs until the time is
up and prints the figures; `--seed` and `--case` replay one case; failing cases are kept
under `--keep` for a look. tests/e2e/test_fuzz_hostile.py runs a short fixed slice.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sys
import tempfile
import time
import traceback
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from click.testing import CliRunner

from exampdf.cli import main
from exampdf.parse.limits import (
    MAX_CODE_LINES,
    MAX_COLUMNS,
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_LINE_CHARS,
    MAX_LINES,
    MAX_OPTIONS,
)

Q = "# {title}\n\n## 問題\n{stem}\n\n## 選択肢\n{options}\n\n## 正解\n{answer}\n\n## 解説\n{expl}\n"
PAGE = 2600  # characters: more than an A4 page of Japanese text
THINGS = {
    "kanji": "漢",
    "kana": "あ",
    "emoji": "😀",
    "word": "x",  # one word with nowhere to break
    "digits": "7",
    "combining": "e\u0301",
    "zero-width": "a\u200b",
    "rtl": "\u05d0",
    "fullwidth-space": "\u3000",
    "missing-glyph": "\U00020bb7",
}


@dataclass
class Case:
    family: str
    command: list[str]
    files: dict[str, bytes] = field(default_factory=dict)  # path (may hold raw bytes) -> data
    links: dict[str, str] = field(default_factory=dict)  # path -> symlink target
    fifos: list[str] = field(default_factory=list)
    needs_key: bool = False  # run `make` first, then the command with its key.json

    def describe(self) -> str:
        return f"{self.family}: exampdf {' '.join(self.command)}"


def question(
    title: str = "t",
    stem: str = "問い",
    options: str = "A. 一\nB. 二",
    answer: str = "B",
    expl: str = "説明",
    front: str = "",
) -> str:
    text = Q.format(title=title, stem=stem, options=options, answer=answer, expl=expl)
    return f"---\n{front}---\n{text}" if front else text


def lines_of(unit: str, count: int, width: int = 1000) -> str:
    """`count` characters of `unit` in lines of at most `width` (under the line limit)."""
    text = unit * max(1, count // len(unit))
    return "\n".join(text[i : i + width] for i in range(0, len(text), width))


# --- families -------------------------------------------------------------------------------


def limits(rng: random.Random) -> Case:
    """A size just under, at or just over one limit."""
    delta = rng.choice([-1, 0, 1])
    kind = rng.choice(["bytes", "line", "lines", "code", "options", "depth", "columns", "digits"])
    files: dict[str, bytes] = {}
    if kind == "bytes":
        body = question().encode()
        pad = MAX_FILE_BYTES + delta - len(body) - 1
        files["bank/q.md"] = body + b"\n" + b"a" * max(0, pad)
    elif kind == "line":
        files["bank/q.md"] = question(stem="あ" * (MAX_LINE_CHARS + delta)).encode()
    elif kind == "lines":
        rows = "|a|b|\n|-|-|\n" + "|x|y|\n" * (MAX_LINES - 20 + delta * 20)
        files["bank/q.md"] = question(stem=rows).encode()
    elif kind == "code":
        code = "\n".join(f"x = {i}" for i in range(MAX_CODE_LINES + delta))
        files["bank/q.md"] = question(stem=f"```\n{code}\n```").encode()
    elif kind == "options":
        n = MAX_OPTIONS + delta + rng.choice([0, 0, 1000])
        options = "\n".join(f"{rng.choice('ABC')}. o{i}" for i in range(n))
        files["bank/q.md"] = question(options=options, answer="A").encode()
    elif kind == "depth":
        depth = MAX_DEPTH + delta
        nested = "\n".join("  " * i + "- x" for i in range(depth + 1))
        files["bank/q.md"] = question(stem=rng.choice([nested, ">" * (depth + 1) + " x"])).encode()
    elif kind == "columns":
        cols = MAX_COLUMNS + delta
        table = "|" + "a|" * cols + "\n|" + "-|" * cols + "\n|" + "長い文|" * cols
        files["bank/q.md"] = question(stem=table).encode()
    else:
        digits = rng.choice([4300, 4301, 5000]) + delta
        answer = rng.choice(["1" * digits, f"{'9' * digits}つ選べ"])
        files["bank/q.md"] = question(answer=answer, options="1) 一\n2) 二").encode()
    return Case(f"limit-{kind}{delta:+d}", _command(rng), files)


def page_of_anything(rng: random.Random) -> Case:
    """A page's worth of one thing in one place of a question."""
    name, unit = rng.choice(list(THINGS.items()))
    place = rng.choice(
        ["title", "stem", "option", "cell", "code", "list", "quote", "expl", "answer", "id"]
    )
    page = lines_of(unit, rng.choice([PAGE, 2 * PAGE]), width=rng.choice([40, 1000, 4000]))
    one_line = (unit * (PAGE // len(unit)))[: MAX_LINE_CHARS - 10]
    parts: dict[str, str] = {}
    if place == "title":
        parts["title"] = one_line
    elif place == "stem":
        parts["stem"] = page
    elif place == "option":
        parts["options"] = f"A. {one_line}\nB. 二"
    elif place == "cell":
        parts["stem"] = f"|a|b|\n|-|-|\n|{one_line}|y|"
    elif place == "code":
        parts["stem"] = f"```\n{page}\n```"
    elif place == "list":
        parts["stem"] = f"- {one_line}\n- b"
    elif place == "quote":
        parts["stem"] = f"> {one_line}"
    elif place == "expl":
        parts["expl"] = page
    elif place == "answer":
        parts["answer"] = one_line
    else:
        parts["front"] = f"id: '{one_line[:200]}'\n"
    files = {"bank/q1.md": question(**parts).encode(), "bank/q2.md": question(stem="別").encode()}
    return Case(f"page-{name}-in-{place}", _command(rng), files)


def hostile_names(rng: random.Random) -> Case:
    """File names that are not UTF-8, hold controls, look like options, or are very long."""
    names = [
        b"q\xff.md",
        b"\x82\xa0\x82\xa2.md",  # Shift_JIS あい
        b"q\x01\x1b[31m.md",
        b"q\nnewline.md",
        b"-o.md",
        b"--help.md",
        b"=HYPERLINK(1).md",
        b"+1-1.md",
        ("あ" * 80).encode() + b".md",
        unicodedata.normalize("NFD", "が.md").encode(),
        b"sp ace .md",
        b".hidden.md",
        b"README.md",
    ]
    chosen = rng.sample(names, rng.randint(1, 3))
    files = {
        os.fsdecode(b"bank/" + n): question(stem=f"問{i}").encode() for i, n in enumerate(chosen)
    }
    if rng.random() < 0.5:
        sub = rng.choice([b"\xfe\xfe", b"\x07", "章".encode()])
        files[os.fsdecode(b"bank/" + sub + b"/q.md")] = question(stem="下").encode()
    return Case("names", _command(rng), files)


def links_and_specials(rng: random.Random) -> Case:
    """Symlinks out of the bank, dangling and looping links, devices, FIFOs, folders as files."""
    files = {"bank/a.md": question().encode(), "outside/secret.md": question(stem="秘密").encode()}
    links: dict[str, str] = {}
    fifos: list[str] = []
    kind = rng.choice(["out", "dangling", "loop", "dir", "device", "fifo", "folder", "in"])
    if kind == "out":
        links["bank/zz.md"] = "../outside/secret.md"
    elif kind == "dangling":
        links["bank/zz.md"] = "nowhere.md"
    elif kind == "loop":
        links["bank/zz.md"] = "zz.md"
    elif kind == "dir":
        links["bank/sub"] = "../outside"
    elif kind == "device":
        links["bank/zz.md"] = rng.choice(["/dev/zero", "/dev/null", "/etc/passwd"])
    elif kind == "fifo":
        fifos.append("bank/zz.md")
    elif kind == "folder":
        files["bank/dir.md/q.md"] = question(stem="中").encode()
    else:
        links["bank/zz.md"] = "a.md"
    target = rng.choice(["bank", "bank/zz.md"]) if kind not in ("dir", "folder") else "bank"
    command = _command(rng, target)
    return Case(f"links-{kind}", command, files, links, fifos)


def grading(rng: random.Random) -> Case:
    """Responses that are binary, TSV, formulas, huge numbers, or half a file."""
    kind = rng.choice(["binary", "tsv", "formula", "huge", "empty", "half", "xlsx-name"])
    rows = {
        "binary": os.urandom(300),
        "tsv": b"student\tversion\tq1\ns1\tA\tB\n",
        "formula": b'=HYPERLINK("http://evil","x"),A,B\n@s2,A,A\n',
        "huge": ("s1,A," + "9" * 5000 + "\n").encode(),
        "empty": b"",
        "half": "student,version\ns1,A,B,\xe3\x81".encode("latin-1", "replace"),
        "xlsx-name": b"PK\x03\x04not really a zip",
    }[kind]
    name = "r.xlsx" if kind == "xlsx-name" else "r.csv"
    files = {"bank/q1.md": question().encode(), "bank/q2.md": question(stem="二").encode()}
    files[name] = rows
    command = rng.choice(["grade", "report"])
    return Case(f"grade-{kind}", [command, name, "--key", "out/key.json"], files, needs_key=True)


def configs(rng: random.Random) -> Case:
    """exam.toml values of the wrong kind, sizes and spellings."""
    line = rng.choice(
        [
            "title = 123",
            "title = true",
            f'title = "{"長" * 3000}"',
            "versions = 702",
            "versions = 703",
            "seed = -1",
            f"seed = {'9' * 30}",
            "answer-sheet = true\nanswer_sheet = true",
            '[[sections]]\ngroup = "nope"\npick = -1',
            'paper = "B3"',
            "base_size = 7",
            'name_fields = ["' + "氏名" * 200 + '"]',
            'instructions = ["' + "注意" * 2000 + '"]',
        ]
    )
    files = {"bank/q1.md": question().encode(), "exam.toml": line.encode()}
    return Case("config", ["make", "bank", "-o", "out", "--jobs", "1"], files)


FAMILIES: list[Callable[[random.Random], Case]] = [
    limits,
    page_of_anything,
    hostile_names,
    links_and_specials,
    grading,
    configs,
]


def _command(rng: random.Random, target: str = "bank") -> list[str]:
    kind = rng.choice(["check", "make", "make", "export", "preview"])
    if kind == "check":
        return ["check", target, *rng.choice([[], ["--format", "json"]])]
    if kind == "export":
        return ["export", target, "--format", rng.choice(["moodle", "gift", "json"]), "-o", "x"]
    if kind == "preview":
        return ["preview", target, "-o", "pv"]
    extra = rng.choice(
        [
            [],
            ["--shuffle", "--versions", str(rng.choice([2, 3]))],
            ["--paper", rng.choice(["B5", "B4", "A3", "letter"]), "--orientation", "landscape"],
            ["--cover", "--answer-sheet"],
            ["--columns", "2", "--shuffle"],
        ]
    )
    return ["make", target, "-o", "out", "--jobs", "1", *extra]


# --- running --------------------------------------------------------------------------------


class Hang(Exception):
    pass


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    def alarm(signum: int, frame: FrameType | None) -> None:
        raise Hang(f"no answer after {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def materialise(case: Case, root: Path) -> None:
    for name, data in case.files.items():
        path = root / name  # raw bytes of a name travel as surrogate escapes
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    for name, target in case.links.items():
        link = root / name
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(target)
    for name in case.fifos:
        os.mkfifo(root / name)


def run_case(case: Case, root: Path, limit: int = 120, verbose: bool = False) -> str:
    """ "" when the case passed, else what went wrong."""
    materialise(case, root)
    runner = CliRunner()
    cwd = os.getcwd()
    os.chdir(root)
    try:
        with time_limit(limit):
            if case.needs_key:
                made = runner.invoke(main, ["make", "bank", "-o", "out", "--jobs", "1", "-q"])
                if made.exit_code != 0:
                    return f"make for the key failed: {made.output[-500:]}"
            result = runner.invoke(main, ["--lang", "en", *case.command])
    except Hang as exc:
        return str(exc)
    finally:
        os.chdir(cwd)
    if verbose:
        print(f"{result.exit_code} {case.describe()[:150]}", flush=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        trace = "".join(traceback.format_exception(result.exception))
        return f"exception:\n{trace[-3000:]}"
    if result.exit_code not in (0, 1, 2):
        return f"exit code {result.exit_code}"
    if "Traceback" in result.output:
        return f"traceback printed:\n{result.output[-3000:]}"
    return ""


def make_case(seed: int, index: int) -> Case:
    rng = random.Random(f"{seed}:{index}")
    return rng.choice(FAMILIES)(rng)


@dataclass
class Tally:
    cases: int = 0
    failures: list[tuple[int, str, str]] = field(default_factory=list)
    by_command: Counter[str] = field(default_factory=Counter)
    by_family: Counter[str] = field(default_factory=Counter)


def run(
    seed: int,
    cases: int | None = None,
    minutes: float = 0.0,
    keep: Path | None = None,
    verbose: bool = False,
) -> Tally:
    """Cases `seed:0`, `seed:1`, … until `cases` are done or `minutes` have passed."""
    tally = Tally()
    stop = time.monotonic() + minutes * 60 if minutes else float("inf")
    index = 0
    with tempfile.TemporaryDirectory(prefix="exampdf-fuzz-") as tmp:
        while (cases is None or index < cases) and time.monotonic() < stop:
            case = make_case(seed, index)
            root = Path(tmp) / f"case{index}"
            problem = run_case(case, root, verbose=verbose)
            tally.cases += 1
            tally.by_command[case.command[0]] += 1
            tally.by_family[case.family.split("-")[0]] += 1
            if problem:
                tally.failures.append((index, case.describe(), problem))
                if keep is not None:
                    shutil.copytree(root, keep / f"seed{seed}-case{index}", symlinks=True)
            shutil.rmtree(root, ignore_errors=True)
            index += 1
    return tally


def main_cli() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--minutes", type=float, default=1.0)
    parser.add_argument("--cases", type=int, default=None)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--case", type=int, default=None, help="replay this one case")
    parser.add_argument("--keep", type=Path, default=None, help="copy failing cases here")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every case")
    args = parser.parse_args()
    os.environ.setdefault("EXAMPDF_NO_CACHE", "1")
    start = time.monotonic()
    if args.case is not None:
        case = make_case(args.seed, args.case)
        with tempfile.TemporaryDirectory() as tmp:
            print(case.describe(), run_case(case, Path(tmp) / "case") or "ok")
        return
    minutes = 0.0 if args.cases else args.minutes
    tally = run(args.seed, args.cases, minutes, args.keep, args.verbose)
    took = (time.monotonic() - start) / 60
    print(f"seed {args.seed}: {tally.cases} cases in {took:.1f} min, {len(tally.failures)} failed")
    print("commands:", json.dumps(dict(tally.by_command)))
    print("families:", json.dumps(dict(tally.by_family)))
    for index, what, problem in tally.failures:
        print(f"\n--- case {index} ({what})\n{problem}")
    sys.exit(1 if tally.failures else 0)


if __name__ == "__main__":
    main_cli()
