"""Model values as plain JSON data and back, checked against the dataclasses' type hints.

What the parse cache stores instead of pickles: a crafted or damaged cache file can only
fail to decode (ValueError), never run code or hand the layout a node of the wrong shape.
A node is `["ClassName", field, …]` in field order; tuples are lists; only the classes
registered here can be named.
"""

from __future__ import annotations

import types
import typing
from dataclasses import fields, is_dataclass
from typing import Any, Literal, Union, get_args, get_origin

from exampdf import memo
from exampdf.diagnostics import Diagnostic
from exampdf.i18n import Msg
from exampdf.model import nodes

_CLASSES: dict[str, type[Any]] = {
    name: cls
    for name, cls in vars(nodes).items()
    if isinstance(cls, type) and is_dataclass(cls) and cls.__module__ == nodes.__name__
}
_CLASSES["Diagnostic"] = Diagnostic
_CLASSES["Msg"] = Msg
_SCALARS = (str, int, float, bool, type(None))


def encode(value: Any) -> Any:
    """A JSON-ready form of any model value (nodes, tuples, str, int, float, bool, None)."""
    if is_dataclass(value) and not isinstance(value, type):
        return [type(value).__name__, *(encode(getattr(value, f.name)) for f in fields(value))]
    if isinstance(value, tuple | list):
        return [encode(v) for v in value]
    return value


def decode(data: Any, hint: Any) -> Any:
    """`data` as the value `hint` describes; ValueError for anything else."""
    origin = get_origin(hint)
    if isinstance(hint, type) and is_dataclass(hint):
        return _node(data, {hint.__name__})
    if origin in (Union, types.UnionType):
        return _union(data, get_args(hint))
    if origin is tuple or origin is list:
        if type(data) is not list:
            raise ValueError(f"expected a list for {hint}")
        args = get_args(hint)
        if origin is list:
            return [decode(v, args[0]) for v in data]
        if len(args) == 2 and args[1] is Ellipsis:
            items = [decode(v, args[0]) for v in data]
        elif len(args) == len(data):
            items = [decode(v, a) for v, a in zip(data, args, strict=True)]
        else:
            raise ValueError(f"expected {len(args)} items for {hint}")
        return tuple(items)
    if origin is Literal:
        if data not in get_args(hint):
            raise ValueError(f"{data!r} is not one of {get_args(hint)}")
        return data
    if hint in (str, int, bool) and type(data) is hint:
        return data
    if hint is float and type(data) in (int, float):
        return float(data)
    if hint is object and type(data) in _SCALARS:  # a message's values
        return data
    if hint is type(None) and data is None:
        return None
    raise ValueError(f"{data!r:.40} is not a {hint}")


def _union(data: Any, options: tuple[Any, ...]) -> Any:
    named = {o.__name__ for o in options if isinstance(o, type) and is_dataclass(o)}
    if named and type(data) is list and data and data[0] in named:
        return _node(data, named)
    for option in options:
        if isinstance(option, type) and is_dataclass(option):
            continue
        try:
            return decode(data, option)
        except ValueError:
            pass
    raise ValueError(f"{data!r:.40} is none of {options}")


def _node(data: Any, allowed: set[str]) -> Any:
    if type(data) is not list or not data or data[0] not in allowed:
        raise ValueError(f"expected one of {sorted(allowed)}")
    cls: Any = _CLASSES[data[0]]
    hints = _hints(cls)
    if len(data) != len(hints) + 1:
        raise ValueError(f"{data[0]} has {len(hints)} fields")
    value = cls(*(decode(v, h) for v, h in zip(data[1:], hints, strict=True)))
    if isinstance(value, Msg):
        try:  # a message must name a catalogue entry and fill its template, in both languages
            value.text("en"), value.text("ja")
        except (KeyError, IndexError, ValueError, TypeError) as exc:
            raise ValueError(f"not a message: {exc}") from None
    return value


@memo.cached(maxsize=64)  # one entry per node class
def _hints(cls: Any) -> tuple[Any, ...]:
    resolved = typing.get_type_hints(cls)  # names resolved in the class's own module
    return tuple(resolved[f.name] for f in fields(cls))
