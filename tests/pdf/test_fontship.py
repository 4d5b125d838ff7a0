"""The shipped fonts' tables parsed at build time: read back as a parse, only for the bytes
they were made from, and stored by the package's build step."""

from __future__ import annotations

import marshal
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from exampdf.layout.text.fonts import _FILES, FONT_DIR
from exampdf.pdf import fontcache, fontship
from tests.pdf.test_fontcache import _same

NAME = "exampdf-gothic-bold"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def fonts(tmp_path: Path, fresh_cache: Path) -> Path:
    """A fonts folder with two of ours, and an empty cache folder."""
    folder = tmp_path / "fonts"
    folder.mkdir()
    for name in (NAME, "exampdf-mono"):
        shutil.copy(FONT_DIR / _FILES[name], folder)
    return folder


def test_shipped_tables_read_back_as_a_parse_and_leave_the_cache_empty(fonts: Path) -> None:
    written = fontship.ship(fonts)
    assert sorted(p.name for p in written) == [
        "BIZUDGothic-Regular.marshal",
        "BIZUDPGothic-Bold.marshal",
    ]
    path = fonts / _FILES[NAME]
    shipped = fontcache.load_font(NAME, path)
    _same(TTFont(NAME, str(path)), shipped)
    assert fontcache.load_font("another-name", path).fontName == "another-name"
    assert not fontcache.missing([(NAME, path)])  # nothing to parse ahead
    assert not (fonts.parent / "xdg").exists()  # no cache file was needed


def test_a_font_swapped_after_the_build_is_parsed_not_read_from_its_tables(fonts: Path) -> None:
    fontship.ship(fonts)
    path = fonts / _FILES[NAME]
    shutil.copy(fonts / _FILES["exampdf-mono"], path)  # other bytes under the same name
    assert fontship.load_shipped(NAME, path) is None
    _same(TTFont(NAME, str(path)), fontcache.load_font(NAME, path))
    assert len(list((fonts.parent / "xdg" / "exampdf").glob("*.marshal"))) == 1  # cached


def test_tables_are_used_only_for_the_bytes_and_reportlab_they_were_made_from(
    fonts: Path,
) -> None:
    fontship.ship(fonts)
    path = fonts / _FILES[NAME]
    data = path.read_bytes()
    key = fontship.shipped_key(data)
    other = data[:-1] + bytes([data[-1] ^ 1])  # one bit flipped: same size
    assert fontship._made_from(key, data, unchanged=False)
    assert not fontship._made_from(key, other, unchanged=False)  # the font changed: CRC decides
    assert not fontship._made_from(key, data[:-4], unchanged=True)  # size checked always
    stored = fontship.shipped(path)
    entry = marshal.loads(stored.read_bytes())
    for wrong in ((key[0] + 1, *key[1:]), (key[0], "3.6.0", *key[2:]), key[:3], "key"):
        stored.write_bytes(marshal.dumps({**entry, "key": wrong}))
        assert fontship.load_shipped(NAME, path) is None
    stored.write_bytes(marshal.dumps({**entry, "face": {**entry["face"], "extra": 1}}))
    assert fontship.load_shipped(NAME, path) is None  # checked like a cache file
    stored.write_bytes(b"not marshal")
    assert fontship.load_shipped(NAME, path) is None


def test_where_ctime_is_not_a_change_time_the_crc_always_decides(
    fonts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = fonts / _FILES[NAME]
    data = path.read_bytes()
    path.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))  # same size, other bytes …
    fontship.ship(fonts)
    stored = fontship.shipped(path)
    entry = marshal.loads(stored.read_bytes())
    path.write_bytes(data)  # … the tables made from those, then the font written back
    stored.write_bytes(marshal.dumps(entry))  # and the tables after it (ctime: not later)
    assert fontship.load_shipped(NAME, path) is not None  # POSIX: ctime says unchanged
    monkeypatch.setattr(fontship, "CTIME_IS_CHANGE", False)  # Windows: creation time
    assert fontship.load_shipped(NAME, path) is None


def test_the_build_stores_the_tables_of_every_shipped_font(tmp_path: Path) -> None:
    pytest.importorskip("setuptools")
    lib = tmp_path / "lib"
    done = subprocess.run(
        [sys.executable, "setup.py", "-q", "build_py", "--build-lib", str(lib)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    assert done.returncode == 0, done.stderr
    parsed = lib / "exampdf" / "fonts" / "parsed"
    assert sorted(p.stem for p in parsed.iterdir()) == sorted(Path(f).stem for f in _FILES.values())
    path = lib / "exampdf" / "fonts" / _FILES[NAME]
    loaded = fontship.load_shipped(NAME, path)
    assert loaded is not None and "_ttf_data" not in vars(loaded.face)  # read on first use
    _same(TTFont(NAME, str(path)), loaded)
