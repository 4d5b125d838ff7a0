"""Formulas' layouts kept between runs: the same MathBox as laying out, or laid out again."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest

from exampdf import memo
from exampdf.layout.math import engine, store
from exampdf.layout.math.engine import MathBox, lay_out
from exampdf.layout.text.fonts import register_fonts

FONTS = register_fonts()
FORMULAS = [  # latex, display, size
    (r"x = \frac{-b \pm \sqrt{b^2-4ac}}{2a}", False, 10.5),
    (r"x = \frac{-b \pm \sqrt{b^2-4ac}}{2a}", True, 10.5),
    (r"\sum_{k=1}^{n} k^2 \quad \text{ただし } n \geq 1", True, 10.5),
    (r"f(x) = \begin{cases} 1 & \text{正} \\ 0 & \text{それ以外} \end{cases}", False, 7.35),
    (r"\left(1 + \frac{1}{n}\right)^n", False, 14.0),
]


def _new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """What another run starts with: no memo, no store read yet."""
    memo.reset_all()
    monkeypatch.setattr(store, "_STORE", store._Store())


def _refusing(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_args: object) -> MathBox:
        raise AssertionError("laid out again although the cache holds the formula")

    monkeypatch.setattr(engine, "_computed", fail)


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    real = engine._computed

    def counted(latex: str, display: bool, size: float, font: str) -> MathBox:
        calls.append(latex)
        return real(latex, display, size, font)

    monkeypatch.setattr(engine, "_computed", counted)
    return calls


def _files(fresh_cache: Path) -> list[Path]:
    folder = fresh_cache / "math"
    return sorted(folder.iterdir()) if folder.exists() else []


@pytest.mark.parametrize(("latex", "display", "size"), FORMULAS)
def test_a_stored_layout_is_the_computed_one(
    fresh_cache: Path, monkeypatch: pytest.MonkeyPatch, latex: str, display: bool, size: float
) -> None:
    _new_process(monkeypatch)
    computed = engine._computed(latex, display, size, FONTS.body)
    assert lay_out(latex, display, size, FONTS.body) == computed
    store.flush()
    assert len(_files(fresh_cache)) == 1
    _new_process(monkeypatch)
    _refusing(monkeypatch)
    cached = lay_out(latex, display, size, FONTS.body)
    assert cached == computed
    assert cached.texts == computed.texts and cached.text_font == FONTS.body


def test_a_process_finds_what_another_wrote_since_it_read(
    fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (a, _, size), (b, _, _) = FORMULAS[0], FORMULAS[4]
    _new_process(monkeypatch)
    lay_out(a, False, size, FONTS.body)
    store.flush()
    first = store._STORE
    _new_process(monkeypatch)  # the other process: reads a's file, adds b
    expected = lay_out(b, False, size, FONTS.body)
    store.flush()
    memo.reset_all()
    monkeypatch.setattr(store, "_STORE", first)
    _refusing(monkeypatch)
    assert lay_out(b, False, size, FONTS.body) == expected
    assert lay_out(a, False, size, FONTS.body).width > 0


def test_a_damaged_or_foreign_file_is_ignored(
    fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    latex, display, size = FORMULAS[2]
    _new_process(monkeypatch)
    expected = lay_out(latex, display, size, FONTS.body)
    store.flush()
    (file,) = _files(fresh_cache)
    key, boxes = marshal.loads(file.read_bytes())
    ((entry, box),) = boxes.items()
    bad = [
        b"\x00not marshal",
        file.read_bytes()[:40],  # cut short
        marshal.dumps(("another key", boxes)),
        marshal.dumps((key, [1, 2])),
        marshal.dumps((key, {entry: box[:3]})),
        marshal.dumps((key, {entry: (*box[:3], ((1, 2.0, "x", 3.0),), (), ())})),
        marshal.dumps((key, {entry: (*box[:5], ((b"bytes", 1.0, 2.0, 3.0),))})),
        marshal.dumps((key, {entry: (True, *box[1:])})),
    ]
    for data in bad:
        file.write_bytes(data)
        _new_process(monkeypatch)
        calls = _counting(monkeypatch)
        assert lay_out(latex, display, size, FONTS.body) == expected
        assert calls == [latex]
        monkeypatch.undo()  # the folder too: put it back for the next round
        monkeypatch.setenv("XDG_CACHE_HOME", str(fresh_cache.parent))
        monkeypatch.delenv("EXAMPDF_NO_CACHE", raising=False)


def test_turned_off_nothing_is_read_or_written(
    fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    latex, display, size = FORMULAS[0]
    _new_process(monkeypatch)
    lay_out(latex, display, size, FONTS.body)
    store.flush()
    before = {f: f.read_bytes() for f in _files(fresh_cache)}
    monkeypatch.setenv("EXAMPDF_NO_CACHE", "1")
    _new_process(monkeypatch)
    calls = _counting(monkeypatch)
    lay_out(latex, display, size, FONTS.body)
    lay_out(FORMULAS[4][0], False, 10.5, FONTS.body)
    store.flush()
    assert calls == [latex, FORMULAS[4][0]]
    assert {f: f.read_bytes() for f in _files(fresh_cache)} == before


def test_a_changed_key_part_misses(fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    latex, display, size = FORMULAS[2]  # with \text{}: its widths come from the text font
    _new_process(monkeypatch)
    lay_out(latex, display, size, FONTS.body)
    store.flush()
    others = [
        (latex, not display, size, FONTS.body),
        (latex, display, 9.0, FONTS.body),
        (latex, display, size, FONTS.emph),
        (latex + " ", display, size, FONTS.body),
    ]
    for args in others:
        _new_process(monkeypatch)
        expected = engine._computed(*args)
        calls = _counting(monkeypatch)
        assert lay_out(*args) == expected
        assert calls == [args[0]]
    # the same name, another font file; another ziamath
    _new_process(monkeypatch)
    calls = _counting(monkeypatch)
    store._current(engine._SPACING).fonts[FONTS.body] = "elsewhere.ttf:1:2"
    lay_out(latex, display, size, FONTS.body)
    assert calls == [latex]
    _new_process(monkeypatch)
    real = store._package_id
    monkeypatch.setattr(store, "_package_id", lambda name: real(name) + "-newer")
    calls = _counting(monkeypatch)
    lay_out(latex, display, size, FONTS.body)
    assert calls == [latex]


QUESTION = r"""# 数学 {n}

## 問題
次の式 $x = \frac{{-b \pm \sqrt{{b^2-4ac}}}}{{2a}}$ と $\text{{面積}} = \pi r^{n}$ を考える。

$$
\sum_{{k=1}}^{{{n}}} k = \frac{{{n}({n}+1)}}{{2}}
$$

## 選択肢
A. $\sin^2\theta + \cos^2\theta = 1$
B. $x^{n} - 5x + 6 = 0$

## 正解
A

## 解説
$e^{{i\pi}} + 1 = 0$ であることに注意する。
"""


def test_make_keeps_every_formula_and_prints_the_same(fresh_cache: Path, tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    bank.mkdir()
    for n in (2, 3):
        (bank / f"q{n}.md").write_text(QUESTION.format(n=n), encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(fresh_cache.parent)}
    env.pop("EXAMPDF_NO_CACHE", None)

    def make(out: str, **more: str) -> Path:
        args = [sys.executable, "-m", "exampdf", "make", str(bank), "--shuffle"]
        args += ["--versions", "3", "-q", "-o", str(tmp_path / out)]
        subprocess.run(args, env={**env, **more}, check=True)
        return tmp_path / out

    first = make("first")  # the bank's checks and both workers write what they laid out
    (file,) = _files(fresh_cache)
    written = file.stat().st_mtime_ns, file.read_bytes()
    again = make("again")  # every process finds every formula: nothing new, nothing written
    assert (file.stat().st_mtime_ns, file.read_bytes()) == written
    off = make("off", EXAMPDF_NO_CACHE="1")
    for name in ("exam.pdf", "answer-key.pdf"):
        assert (first / name).read_bytes() == (again / name).read_bytes()
        assert (first / name).read_bytes() == (off / name).read_bytes()
