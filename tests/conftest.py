"""The suite never writes into the user's cache: parsed fonts and banks go to a temp folder
(set before collection, since some test modules register fonts when imported)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

_SAVED: dict[str, str | None] = {}


def pytest_configure(config: pytest.Config) -> None:
    _SAVED["XDG_CACHE_HOME"] = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="exampdf-test-cache-")


def pytest_unconfigure(config: pytest.Config) -> None:
    folder = os.environ.pop("XDG_CACHE_HOME", "")
    if folder.startswith(tempfile.gettempdir()):
        shutil.rmtree(folder, ignore_errors=True)
    if _SAVED.get("XDG_CACHE_HOME") is not None:
        os.environ["XDG_CACHE_HOME"] = str(_SAVED["XDG_CACHE_HOME"])


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder of the test's own, caching on (a user's first run); exampdf's
    folder in it (not made yet)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("EXAMPDF_NO_CACHE", raising=False)
    return tmp_path / "xdg" / "exampdf"


@pytest.fixture(autouse=True)
def english_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages in English whatever the machine's locale; a test asks for Japanese itself
    (`--lang ja`, or LANG set with monkeypatch)."""
    from exampdf.i18n import set_lang

    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    set_lang(None)
