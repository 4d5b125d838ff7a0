"""ReportLab's import made cheaper: what it loads at import for features a run may not use (a
pattern for its own Paragraph's links, Pillow, urllib.request) waits for its first use (~50 ms)."""

from __future__ import annotations

import importlib.util
import re
import sys
import types
from typing import Any

# reportlab/platypus/paragraph.py (4.x) compiles this at import, for the links of its own
# Paragraph (exampdf sets every text with its own engine); its case-insensitive ranges up to
# U+FFFF make it the slowest pattern of the whole start. doctemplate imports paragraph, so
# the import itself cannot be avoided.
PARAGRAPH_URI = (
    "(^(?:[a-z0-9\\.\\-\\+]*)://)(?:\\S+(?::\\S*)?@)?(?:(?:25[0-5]|2[0"
    "-4]\\d|[0-1]?\\d?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|[0-1]?\\d?\\d)){3}|"
    "\\[[0-9a-f:\\.]+\\]|([a-z\xa1-\uffff0-9](?:[a-z\xa1-\uffff0-9-]{0,61}[a-z\xa1-\uffff0-9"
    "])?(?:\\.(?!-)[a-z\xa1-\uffff0-9-]{1,63}(?<!-))*\\.(?!-)(?:[a-z\xa1-\uffff-]{2"
    ",63}|xn--[a-z0-9]{1,59})(?<!-)\\.?|localhost))(?::\\d{2,5})?(?"
    ":[/?#][^\\s]*)?\\Z"
)
PARAGRAPH_URI_FLAGS = re.IGNORECASE


class Deferred:
    """Stands in `re`'s cache for a pattern until something uses it; then compiles it."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.key = (str, pattern, int(flags))
        self.compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self.compiled is None:
            for table in _tables():  # out of the way, or re.compile would hand back this
                table.pop(self.key, None)
            self.compiled = re.compile(self.key[1], self.key[2])
        return getattr(self.compiled, name)


def _tables() -> list[dict[Any, Any]]:
    """re's caches of compiled patterns (`_cache`; Python 3.12 adds `_cache2`)."""
    found = (getattr(re, name, None) for name in ("_cache", "_cache2"))
    return [t for t in found if isinstance(t, dict)]


def defer_paragraph_pattern() -> None:
    """Before ReportLab's paragraph module is first imported: its URI pattern waits for a use.
    Where re keeps no such cache (another Python), nothing changes but the time."""
    tables = _tables()
    if "reportlab.platypus.paragraph" in sys.modules or not tables:
        return
    stand_in = Deferred(PARAGRAPH_URI, PARAGRAPH_URI_FLAGS)
    tables[0].setdefault(stand_in.key, stand_in)


def defer_pil_image() -> None:
    """reportlab.lib.utils imports PIL.Image at import, for its ImageReader; only a bank with
    images needs it (~8 ms). The module is made by importlib's LazyLoader: it runs on the first
    use of any of its names (isinstance checks, Image.open)."""
    if "PIL.Image" in sys.modules:
        return
    try:
        import PIL

        spec = importlib.util.find_spec("PIL.Image")
    except ImportError:  # no Pillow: ReportLab's own import says so
        return
    if spec is None or spec.loader is None:
        return
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules["PIL.Image"] = module
    spec.loader.exec_module(module)
    PIL.Image = module  # type: ignore[attr-defined]  # as a finished import would set it


def defer_urllib_request() -> None:
    """reportlab.lib.utils takes urlopen and Request from urllib.request at import, to open fonts
    and images named by URL; importing it loads http.client, email and ssl (~15 ms), and exampdf
    only reads local files. While reportlab.lib.utils is first imported, a stand-in module gives
    it both names as functions that import the real module when called; the stand-in then leaves
    sys.modules, so any later `import urllib.request` gets the real module."""
    if "urllib.request" in sys.modules or "reportlab.lib.utils" in sys.modules:
        return
    stand_in = types.ModuleType("urllib.request")
    stand_in.urlopen = _urlopen  # type: ignore[attr-defined]
    stand_in.Request = _request  # type: ignore[attr-defined]
    sys.modules["urllib.request"] = stand_in
    try:
        import reportlab.lib.utils  # noqa: F401
    finally:
        if sys.modules.get("urllib.request") is stand_in:
            del sys.modules["urllib.request"]


def _urlopen(*args: Any, **kwargs: Any) -> Any:
    from urllib.request import urlopen

    return urlopen(*args, **kwargs)


def _request(*args: Any, **kwargs: Any) -> Any:
    from urllib.request import Request

    return Request(*args, **kwargs)
