"""ReportLab's import made cheaper: what it loads at import for features a run may not use
(its own Paragraph and markup parser, its sandboxed eval, patterns for word splitting, Pillow,
pyphen, its Python colouring, urllib.request) waits for its first use (~70 ms)."""

from __future__ import annotations

import importlib.abc
import importlib.util
import re
import sys
import types
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from importlib.machinery import ModuleSpec

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
# reportlab/lib/textsplit.py compiles this at import for `cjkwrap`, which exampdf never calls
# (~3.5 ms: a class up to U+FFFF). paragraph imports textsplit.
TEXTSPLIT_CJK = "([\u2e80-\uffff])"
TEXTSPLIT_CJK_FLAGS = re.UNICODE


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
    """Before ReportLab's paragraph module is first imported: its URI pattern and textsplit's
    CJK pattern wait for a use. Where re keeps no such cache (another Python), nothing changes
    but the time."""
    tables = _tables()
    if "reportlab.platypus.paragraph" in sys.modules or not tables:
        return
    for pattern, flags in (
        (PARAGRAPH_URI, PARAGRAPH_URI_FLAGS),
        (TEXTSPLIT_CJK, TEXTSPLIT_CJK_FLAGS),
    ):
        stand_in = Deferred(pattern, flags)
        tables[0].setdefault(stand_in.key, stand_in)


def defer_pil_image() -> None:
    """reportlab.lib.utils imports PIL.Image at import, for its ImageReader; only a bank with
    images needs it (~8 ms)."""
    try:
        import PIL
    except ImportError:  # no Pillow: ReportLab's own import says so
        return
    _lazy(PIL, "Image")


def defer_pyphen_and_fontify() -> None:
    """ReportLab's paragraph imports pyphen (~3.5 ms: it lists its dictionaries) for hyphenating
    its own Paragraph, which exampdf never asks for (hyphenate.py reads pyphen's file itself);
    platypus imports xpreformatted, which imports PyFontify (~3 ms with its pattern) to colour
    Python in PythonPreformatted, which exampdf never uses."""
    import reportlab.lib

    _forwarding("pyphen")
    _lazy(reportlab.lib, "PyFontify")


def _forwarding(name: str, calls: Sequence[str] = ()) -> None:
    """For a module imported by a plain `import name` (which reads the module's `__spec__`,
    and so would run a LazyLoader's module): a stand-in with the real spec, whose first
    other name asked for imports the real module in its place and hands that name on. The
    names in `calls` (taken by `from name import …`) are functions calling the real ones."""
    spec = _unloaded(name)
    if spec is None:
        return
    stand_in = types.ModuleType(name)
    stand_in.__spec__ = spec

    def real(attr: str) -> Any:
        if attr.startswith("__"):  # the import system's probes (`from name import …` asks
            raise AttributeError(attr)  # for __path__) are not a use
        if sys.modules.get(name) is stand_in:
            del sys.modules[name]
        return getattr(importlib.import_module(name), attr)

    for attr in calls:
        setattr(stand_in, attr, _calling(real, attr))
    stand_in.__getattr__ = real  # type: ignore[method-assign]  # a module's own (PEP 562)
    sys.modules[name] = stand_in


def _calling(real: Callable[[str], Any], attr: str) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        return real(attr)(*args, **kwargs)

    return call


def defer_safe_eval() -> None:
    """reportlab.lib.utils takes four callables from rl_safe_eval at import, ReportLab's
    sandboxed eval (~2.5 ms: textwrap, its tables of names, a pattern) for expressions in
    documents (colours written as expressions, doctemplate's exec and eval flowables), which
    exampdf never writes. Before utils is imported: a stand-in gives them as functions calling
    the real ones (doctemplate, which takes the module, gets the stand-in too)."""
    if "reportlab.lib.utils" not in sys.modules:
        calls = ("rl_safe_exec", "rl_safe_eval", "safer_globals", "rl_extended_literal_eval")
        _forwarding("reportlab.lib.rl_safe_eval", calls)


def _lazy(package: types.ModuleType | None, name: str) -> None:
    """The module made by importlib's LazyLoader: it runs on the first use of any of its names
    (isinstance checks, Image.open, pyphen.Pyphen), not when imported."""
    full = f"{package.__name__}.{name}" if package else name
    spec = _unloaded(full)
    if spec is None or spec.loader is None:
        return
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[full] = module
    spec.loader.exec_module(module)
    if package is not None:
        setattr(package, name, module)  # as a finished import would set it


def _unloaded(name: str) -> ModuleSpec | None:
    """The spec of a module not imported yet; None if it is imported or not installed (the
    importer's own import then says so)."""
    if name in sys.modules:
        return None
    try:
        return importlib.util.find_spec(name)
    except ImportError:
        return None


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


# reportlab/platypus/__init__.py takes every name of these modules (`from .paragraph import *`,
# …) and doctemplate takes Paragraph: ReportLab's own Paragraph, its markup parser (with
# html.parser) and its preformatted text, ~9 ms at import. exampdf sets every text with its own
# engine; ReportLab's other modules import them inside the functions that use them.
PLATYPUS_PARAGRAPH = {
    "paragraph": ("Paragraph", "cleanBlockQuotedText", "ParaLines", "FragLine"),
    "paraparser": ("ParaFrag", "ParaParser"),
    "xpreformatted": ("XPreformatted", "PythonPreformatted"),
}
_PLATYPUS = "reportlab.platypus"


def defer_platypus_paragraph() -> None:
    """When reportlab.platypus is first imported, stand-ins give it those modules' names; then
    the stand-ins leave sys.modules, and the package's names import the real modules when
    first asked for (PEP 562), as does doctemplate's Paragraph when called."""
    if _PLATYPUS in sys.modules or any(
        f"{_PLATYPUS}.{m}" in sys.modules for m in PLATYPUS_PARAGRAPH
    ):
        return
    sys.meta_path.insert(0, _PlatypusFinder())


class _PlatypusFinder(importlib.abc.MetaPathFinder):
    """Finds reportlab.platypus once, and has its loader run it with the stand-ins."""

    def find_spec(
        self, name: str, path: Sequence[str] | None, target: types.ModuleType | None = None
    ) -> ModuleSpec | None:
        if name != _PLATYPUS:
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        loader = spec.loader if spec is not None else None
        if loader is not None and hasattr(loader, "exec_module"):
            run = loader.exec_module  # this module's own loader: the wrapper stays with it
            loader.exec_module = lambda m: _with_stand_ins(m, run)  # type: ignore[method-assign,assignment]
        return spec


def _with_stand_ins(package: types.ModuleType, run: Callable[[types.ModuleType], None]) -> None:
    stand_ins = {}
    for sub, names in PLATYPUS_PARAGRAPH.items():
        stand_in = types.ModuleType(f"{_PLATYPUS}.{sub}")
        stand_in.__all__ = names  # type: ignore[attr-defined]
        for name in names:
            setattr(stand_in, name, _later(sub, name))
        stand_ins[stand_in.__name__] = stand_in
    sys.modules.update(stand_ins)
    try:
        run(package)
    finally:
        for full, stand_in in stand_ins.items():
            if sys.modules.get(full) is stand_in:
                del sys.modules[full]
    placed = {id(getattr(m, n)) for m in stand_ins.values() for n in m.__all__}
    for name in [n for n, v in vars(package).items() if id(v) in placed]:
        delattr(package, name)  # found by __getattr__ from now on: the real names
    package.__getattr__ = _real_name  # type: ignore[method-assign]  # the package's (PEP 562)


def _later(sub: str, name: str) -> Callable[..., Any]:
    """Calls the real `name` (doctemplate's Paragraph, used only by its demo)."""

    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(f"{_PLATYPUS}.{sub}"), name)(*args, **kwargs)

    return call


def _real_name(name: str) -> Any:
    for sub, names in PLATYPUS_PARAGRAPH.items():
        if name == sub or name in names:
            module = importlib.import_module(f"{_PLATYPUS}.{sub}")
            return module if name == sub else getattr(module, name)
    raise AttributeError(f"module {_PLATYPUS!r} has no attribute {name!r}")
