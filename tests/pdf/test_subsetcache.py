"""Font subset files kept between runs: the same bytes as a fresh subset; a bad file is ignored."""

from __future__ import annotations

import io
import marshal
import zlib
from pathlib import Path
from typing import Any

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from exampdf.layout.text.fonts import _FILES, FONT_DIR, register_fonts
from exampdf.pdf import docseed, subsetcache
from exampdf.pdf.canvas import PaintCanvas
from exampdf.pdf.streams import SubsetFile

NAME = "exampdf-gothic"
PATH = FONT_DIR / _FILES[NAME]
SUBSET = [0, 0x41, 0x8A66, 0x3042, 0x9A13]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("EXAMPDF_NO_CACHE", raising=False)
    return tmp_path / "exampdf" / "subsets"


def _face(calls: list[int]) -> Any:
    """A fresh face whose own makeSubset counts its calls, shared as a document's would be."""
    face = TTFont(NAME, str(PATH)).face
    make = face.makeSubset

    def counted(subset: list[int]) -> bytes:
        calls.append(len(subset))
        made: bytes = make(subset)
        return made

    face.makeSubset = counted
    docseed._share_subsets(face)
    return face


def test_a_subset_is_made_once_then_read_back(cache: Path) -> None:
    fresh = TTFont(NAME, str(PATH)).face.makeSubset(SUBSET)
    calls: list[int] = []
    first = _face(calls).makeSubset(SUBSET)
    assert calls == [len(SUBSET)] and len(list(cache.glob("*.marshal"))) == 1
    second = _face(calls).makeSubset(SUBSET)  # another process's face: from the file
    assert calls == [len(SUBSET)]
    for made in (first, second):
        assert type(made) is SubsetFile and made == fresh
        assert made.deflated == zlib.compress(fresh)  # what the save would write
    assert list(cache.iterdir()) == list(cache.glob("*.marshal"))  # no temporary file left


def test_another_subset_or_font_file_is_not_read(cache: Path, tmp_path: Path) -> None:
    calls: list[int] = []
    _face(calls).makeSubset(SUBSET)
    _face(calls).makeSubset(SUBSET[:-1])
    assert len(calls) == 2
    copy = tmp_path / "copy.ttf"
    copy.write_bytes(PATH.read_bytes())
    assert subsetcache.font_key(TTFont(NAME, str(PATH)).face) != subsetcache.font_key(
        TTFont("exampdf-test-copy", str(copy)).face
    )


@pytest.mark.parametrize(
    "content",
    [b"not marshal", marshal.dumps(("someone else's key", b"x", b"y")), marshal.dumps([1, 2])],
)
def test_a_bad_file_means_making_the_subset(cache: Path, content: bytes) -> None:
    calls: list[int] = []
    good = _face(calls).makeSubset(SUBSET)
    (file,) = cache.glob("*.marshal")
    file.write_bytes(content)
    assert _face(calls).makeSubset(SUBSET) == good and len(calls) == 2


def test_nothing_is_kept_with_caching_off(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXAMPDF_NO_CACHE", "1")
    calls: list[int] = []
    _face(calls).makeSubset(SUBSET)
    _face(calls).makeSubset(SUBSET)
    assert len(calls) == 2 and not cache.exists()


def test_the_folder_is_pruned_once_per_process(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(subsetcache, "KEEP", 2)
    calls: list[int] = []
    for n in range(1, 4):
        _face(calls).makeSubset(SUBSET[:n])
    assert len(list(cache.glob("*.marshal"))) == 3  # pruned after the first only
    subsetcache._prune.cache_clear()  # type: ignore[attr-defined]  # a later run
    _face(calls).makeSubset(SUBSET[:4])
    assert len(list(cache.glob("*.marshal"))) == 2


def test_a_document_saved_without_a_seed_shares_its_subsets(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The subsets of a document nobody takes a seed from (the answer key) still go through
    the per-process memo and the cache between runs (pdf/docseed.py)."""
    face = pdfmetrics.getFont(register_fonts().body).face
    monkeypatch.setattr(face, "makeSubset", face.makeSubset)  # put back afterwards
    monkeypatch.delattr(face, "_exampdf_memo", raising=False)  # as if no document saved yet
    c = PaintCanvas(io.BytesIO(), invariant=1, pagesize=(400, 500))
    c.setFont(register_fonts().body, 10)
    c.drawString(20, 20, "subset")
    c.showPage()
    assert getattr(face, "_exampdf_memo", None) is None
    c.save()
    assert getattr(face, "_exampdf_memo", None) is not None
