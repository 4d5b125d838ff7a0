"""The parsed-font cache: the metrics and PDF bytes of a parse; a bad file is ignored."""

from __future__ import annotations

import hashlib
import marshal
import os
import pickle
import select
import subprocess
import sys
from array import array
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from exampdf import memo
from exampdf.cache import cache_dir
from exampdf.layout.text.fonts import _FILES, FONT_DIR
from exampdf.pdf import fontcache

NAME = "exampdf-gothic-bold"
PATH = FONT_DIR / _FILES[NAME]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("EXAMPDF_NO_CACHE", raising=False)
    return tmp_path / "exampdf"


def _same(a: TTFont, b: TTFont) -> None:
    assert isinstance(b.face, type(a.face))  # a cached face: TTFontFace, some tables built lazily
    assert a.fontName == b.fontName
    assert a._asciiReadable == b._asciiReadable and a.shapable == b.shapable
    assert a.encoding.name == b.encoding.name and len(b.state) == 0
    assert b.face.glyphToChar == a.face.glyphToChar  # built on first use
    b.face._ttf_data  # noqa: B018  # the file, opened on first use
    fa, fb = dict(vars(a.face)), dict(vars(b.face))
    assert bytes(fb.pop("_ttf_data")) == fa.pop("_ttf_data")  # its bytes, read where asked
    for table in ("hmetrics", "glyphPos"):  # read from the columns: sequences, not lists
        assert list(fb.pop(table)) == fa.pop(table), table
    assert fb.pop("_lazy", {}) == {}  # nothing left to build
    scale_a, scale_b = fa.pop("_pdfScale"), fb.pop("_pdfScale")
    assert all(scale_a(x) == scale_b(x) for x in (0, 1, 7, -120, 2048, 1000.5))
    assert fa.keys() == fb.keys()
    for k in fa:
        assert fa[k] == fb[k], k
        assert type(fa[k]) is type(fb[k]), k
    assert fa["name"].ustr == fb["name"].ustr
    assert a.stringWidth("試験 Exam ＡＢ", 10.5) == b.stringWidth("試験 Exam ＡＢ", 10.5)
    assert a.face.makeSubset([0x41, 0x8A66, 0x3042]) == b.face.makeSubset([0x41, 0x8A66, 0x3042])


def test_a_cached_load_equals_a_parse(cache: Path) -> None:
    first = fontcache.load_font(NAME, PATH)  # parses and stores
    (entry,) = cache.glob("*.marshal")
    cached = fontcache.load_font(NAME, PATH)
    assert "_ttf_data" not in vars(cached.face)  # the font file is not read to load it
    _same(TTFont(NAME, str(PATH)), first)
    _same(TTFont(NAME, str(PATH)), cached)
    assert cached.face is not first.face
    assert list(cache.iterdir()) == [entry]  # no temporary file left behind


@pytest.mark.parametrize("name", ["exampdf-symbol", NAME])
def test_subsets_of_a_cached_face_equal_a_parse_s(cache: Path, name: str) -> None:
    """hmetrics and glyphPos read from columns, glyf read by slices: the same subset bytes,
    composite glyphs (Symbola has ~1k) renumbered the same; each face's first 256-code
    windows, and one spread over the whole font."""
    path = FONT_DIR / _FILES[name]
    fontcache.load_font(name, path)  # parses and stores
    cached, parsed = fontcache.load_font(name, path).face, TTFont(name, str(path)).face
    assert type(cached) is not type(parsed)  # read back, not parsed
    codes = sorted(parsed.charToGlyph)
    for subset in (codes[:256], codes[256:512], codes[::97][:256], [0, *codes[600:700]]):
        assert cached.makeSubset(subset) == parsed.makeSubset(subset)


def test_faces_with_equal_tables_share_one_dict(cache: Path) -> None:
    # The P-Gothic weights and P-Mincho map characters to the same glyphs; the two mono
    # weights have the same widths too. Each such table is built once when read back.
    names = [n for n in _FILES if n != "exampdf-symbol"]
    parsed = {n: fontcache.load_font(n, FONT_DIR / _FILES[n]).face for n in names}  # stored
    memo.reset_all()
    faces = {n: fontcache.load_font(n, FONT_DIR / _FILES[n]).face for n in names}
    gothic, bold, mincho = (faces[f"exampdf-{n}"] for n in ("gothic", "gothic-bold", "mincho"))
    mono, mono_bold = faces["exampdf-mono"], faces["exampdf-mono-bold"]
    assert gothic.charToGlyph is bold.charToGlyph is mincho.charToGlyph
    assert mono.charToGlyph is mono_bold.charToGlyph and mono.charWidths is mono_bold.charWidths
    assert mono.charToGlyph is not gothic.charToGlyph
    assert len({id(f.charWidths) for f in (gothic, bold, mincho, mono)}) == 4
    for n in names:  # each face still reads back its own parse
        assert faces[n].charToGlyph == parsed[n].charToGlyph
        assert faces[n].charWidths == parsed[n].charWidths


def test_a_corrupt_or_foreign_cache_file_is_ignored_and_replaced(cache: Path) -> None:
    fontcache.load_font(NAME, PATH)
    (entry,) = cache.glob("*.marshal")
    for junk in (b"", b"not marshal", marshal.dumps(["a", "list"]), entry.read_bytes()[:1000]):
        entry.write_bytes(junk)
        _same(TTFont(NAME, str(PATH)), fontcache.load_font(NAME, PATH))
        assert marshal.loads(entry.read_bytes())["key"] == fontcache.cache_key(NAME, PATH)


class _Boom:
    def __reduce__(self) -> tuple[object, ...]:
        return (exec, ("raise SystemExit('pickle ran code')",))


def test_a_crafted_cache_file_is_at_worst_ignored(cache: Path) -> None:
    """Issue 17 item 12: only checked plain data is used; no pickle is ever loaded."""
    fontcache.load_font(NAME, PATH)
    (entry,) = cache.glob("*.marshal")
    stored = marshal.loads(entry.read_bytes())
    (cache / entry.name.replace(".marshal", ".pickle")).write_bytes(pickle.dumps(_Boom()))
    code = compile("raise SystemExit('marshal ran code')", "x", "exec")
    for face_change in (
        {"charWidths": {0x41: 1.0}},  # a big table belongs in the columns
        {"extra": 1},  # an attribute a parsed face does not have
        {"table": {"cmap": {"offset": 1.5j}}},
        {"bbox": [code]},  # a code object
    ):
        crafted = {**stored, "face": {**stored["face"], **face_change}}
        entry.write_bytes(marshal.dumps(crafted))
        _same(TTFont(NAME, str(PATH)), fontcache.load_font(NAME, PATH))
    columns = stored["columns"]
    for column_change in (
        {"charWidths.values": ("list", marshal.dumps(["wide"]))},  # a string where a number goes
        {"charToGlyph.values": ("list", marshal.dumps([code]))},
        {"charToGlyph.values": ("d", columns["charToGlyph.values"][1])},  # glyphs are ints
        {"hmetrics.bearing": ("q", columns["hmetrics.bearing"][1][:-8])},  # a row short
        {"glyphPos": ("q", columns["glyphPos"][1][:-3])},  # not a whole number of items
        {"glyphToChar.counts": ("q", array("q", [1] * 20).tobytes())},
        {"glyphPos": ("b", b"")},  # a kind the cache never writes
        {"extra": ("q", b"")},
    ):
        crafted = {**stored, "columns": {**columns, **column_change}}
        entry.write_bytes(marshal.dumps(crafted))
        _same(TTFont(NAME, str(PATH)), fontcache.load_font(NAME, PATH))
    missing = {k: v for k, v in stored["face"].items() if k != "glyphPos"}
    entry.write_bytes(marshal.dumps({**stored, "face": missing}))
    _same(TTFont(NAME, str(PATH)), fontcache.load_font(NAME, PATH))


def test_an_entry_for_another_key_is_never_used(cache: Path) -> None:
    fontcache.load_font(NAME, PATH)
    (entry,) = cache.glob("*.marshal")
    stored = marshal.loads(entry.read_bytes())
    # would show if this entry were trusted
    stored["columns"]["charWidths.keys"] = ("q", array("q", [0x41]).tobytes())
    stored["columns"]["charWidths.values"] = ("d", array("d", [12345.0]).tobytes())
    for key in (
        (*stored["key"][:-1], "another python"),
        (fontcache.FORMAT + 1, *stored["key"][1:]),
        tuple(v + 1 if isinstance(v, int) and i == 4 else v for i, v in enumerate(stored["key"])),
    ):
        entry.write_bytes(marshal.dumps({**stored, "key": key}))
        assert fontcache.load_font(NAME, PATH).face.charWidths[0x41] != 12345.0
    entry.write_bytes(marshal.dumps(stored))  # the right key: trusted (this is what a hit reads)
    assert fontcache.load_font(NAME, PATH).face.charWidths[0x41] == 12345.0


def test_turned_off_or_unwritable_means_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("EXAMPDF_NO_CACHE", "1")
    assert cache_dir() is None
    _same(TTFont(NAME, str(PATH)), fontcache.load_font(NAME, PATH))
    assert not (tmp_path / "exampdf").exists()
    monkeypatch.delenv("EXAMPDF_NO_CACHE")
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    _same(TTFont(NAME, str(PATH)), fontcache.load_font(NAME, PATH))
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # ignored, as XDG says
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_dir() == tmp_path / "home" / ".cache" / "exampdf"


_DRAW = """
import hashlib, sys
from reportlab.pdfgen.canvas import Canvas
from exampdf.layout.text.fonts import ensure, register_fonts
fonts = register_fonts("mincho")
ensure("exampdf-symbol")
c = Canvas(sys.argv[1], invariant=1)
y = 800
for name in (fonts.body, fonts.bold, fonts.emph, fonts.mono, fonts.mono_bold, "exampdf-symbol"):
    c.setFont(name, 11)
    c.drawString(40, y, "問1 次のうち正しいものを選べ。Answer: (A) ★ ✓ ½ 𠮷")
    y -= 20
c.save()
"""


def test_cached_fonts_write_the_same_pdf_bytes(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    env.pop("EXAMPDF_NO_CACHE", None)
    digests = []
    for run, extra in enumerate(({"EXAMPDF_NO_CACHE": "1"}, {}, {})):  # parse, store, read
        out = tmp_path / f"{run}.pdf"
        subprocess.run([sys.executable, "-c", _DRAW, str(out)], env={**env, **extra}, check=True)
        digests.append(hashlib.sha256(out.read_bytes()).hexdigest())
    assert len(list((tmp_path / "xdg" / "exampdf").glob("*.marshal"))) == 6
    assert digests[0] == digests[1] == digests[2]


def test_fonts_parsed_ahead_in_another_process_are_stored_and_waited_for(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = "exampdf-mono"
    fonts = [(NAME, PATH), (other, FONT_DIR / _FILES[other])]
    forks: list[int] = []
    real_fork = os.fork
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or real_fork())
    fontcache.parse_ahead(fonts)
    assert forks == [1] and fontcache._AHEAD  # a child parses while this process goes on
    font = fontcache.load_font(NAME, PATH)  # waits until the child stored it, then reads it
    fontcache.load_font(other, FONT_DIR / _FILES[other])
    fontcache._wait_ahead()
    assert not fontcache._AHEAD
    assert len(list(cache.glob("*.marshal"))) == 2
    _same(TTFont(NAME, str(PATH)), font)
    fontcache.parse_ahead(fonts)  # every file there: no process
    assert forks == [1] and not fontcache._AHEAD


def test_the_least_recently_used_files_are_pruned(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = "exampdf-mono"
    fontcache.load_font(NAME, PATH)
    (first,) = cache.glob("*.marshal")
    (cache / "old-0123.pickle").write_bytes(b"FORMAT 1")
    os.utime(first, ns=(1, 1))  # long unused …
    fontcache.load_font(NAME, PATH)  # … then read: used now
    assert first.stat().st_mtime_ns > 1
    monkeypatch.setattr(fontcache, "KEEP", 1)
    fontcache.load_font(other, FONT_DIR / _FILES[other])  # written: the older file goes
    (kept,) = cache.iterdir()  # and so does FORMAT 1's pickle
    assert kept != first and kept.suffix == ".marshal"


def test_a_process_forked_after_parse_ahead_waits_for_it_too(cache: Path) -> None:
    fonts = [(NAME, PATH)]
    fontcache.parse_ahead(fonts)
    pid = os.fork()
    if pid == 0:  # not the parser's parent: waits on the pipe, then finds the stored file
        fontcache._wait_ahead()
        os._exit(0 if not fontcache.missing(fonts) and not fontcache.parsing_ahead() else 1)
    _, status = os.waitpid(pid, 0)
    assert status == 0
    fontcache._wait_ahead()
    assert not fontcache.parsing_ahead() and not fontcache.missing(fonts)


def test_the_parser_is_reaped_once_it_has_ended_and_not_waited_for_before(cache: Path) -> None:
    fontcache.reap_ahead()  # nothing started: nothing to do
    fontcache.parse_ahead([(NAME, PATH)])
    ((pid, pipe),) = fontcache._AHEAD
    select.select([pipe], [], [])  # end of file: the parser has ended, not yet waited for
    assert fontcache._AHEAD and not fontcache.parsing_ahead()
    fontcache.reap_ahead()
    assert not fontcache._AHEAD
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # already reaped


def test_a_process_that_started_the_parser_waits_for_it_before_it_exits(cache: Path) -> None:
    """Nothing of a run goes on after it: the parser is not left to write into the cache."""
    script = (
        "import sys; from pathlib import Path; from exampdf.pdf import fontcache;"
        "fontcache.parse_ahead([(sys.argv[1], Path(sys.argv[2]))]);"
        "print(fontcache._AHEAD[0][0])"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(cache.parent)}
    done = subprocess.run(
        [sys.executable, "-c", script, NAME, str(PATH)], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    with pytest.raises(ProcessLookupError):  # waited for: gone, not parsing on as an orphan
        os.kill(int(done.stdout), 0)
    assert not fontcache.missing([(NAME, PATH)])


def test_a_font_file_read_where_asked_gives_the_file_s_bytes(tmp_path: Path) -> None:
    from exampdf.pdf.fontstate import _file_bytes

    data = bytes(range(256)) * 3
    (tmp_path / "f.ttf").write_bytes(data)
    read = _file_bytes(str(tmp_path / "f.ttf"))
    assert len(read) == len(data) and bytes(read) == data
    for index in (0, 1, 255, 767, -1, -768):
        assert read[index] == data[index]
    for index in (768, -769):
        with pytest.raises(IndexError):
            read[index]
    for a, b in ((0, 2), (700, 900), (5, 5), (9, 3), (-10, None), (None, None), (800, 900)):
        assert read[a:b] == data[a:b]
