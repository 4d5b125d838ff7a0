"""Model values as plain JSON data and back, checked against the dataclasses' type hints.

What the parse cache stores instead of pickles: a crafted or damaged cache file can only
fail to decode (ValueError), never run code or hand the layout a node of the wrong shape.
A node is `["ClassName", field, …]` in field order; tuples are lists; only the classes
registered here can be named. Each type hint is turned into a checking function once per
process (a warm run decodes a whole bank, ~50,000 values at 100 questions).
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from typing import Any, Literal, Union, get_args, get_origin

from exampdf import memo
from exampdf.diagnostics import Diagnostic
from exampdf.i18n import Msg
from exampdf.model import nodes

Decoder = Callable[[Any], Any]

_CLASSES: dict[str, type[Any]] = {
    name: cls
    for name, cls in vars(nodes).items()
    if isinstance(cls, type) and is_dataclass(cls) and cls.__module__ == nodes.__name__
}
_CLASSES["Diagnostic"] = Diagnostic
_CLASSES["Msg"] = Msg
_SCALARS = (str, int, float, bool, type(None))
_SCALAR_TYPES = frozenset(_SCALARS)
_DECODERS: memo.Memo[Any, Decoder] = memo.Memo("model.codec.decoders", 512)


def encode(value: Any) -> Any:
    """A JSON-ready form of any model value (nodes, tuples, str, int, float, bool, None)."""
    kind = type(value)
    if kind in _SCALAR_TYPES:  # most values of a bank: its texts
        return value
    names = _field_names(kind)
    if names is not None:
        return [kind.__name__, *(encode(getattr(value, name)) for name in names)]
    if isinstance(value, tuple | list):
        return [encode(v) for v in value]
    return value


@memo.cached(maxsize=256)
def _field_names(kind: type) -> tuple[str, ...] | None:
    """A dataclass's field names in order (None: not a dataclass); asked for every node a
    first run stores (~15,000 at W1), where `fields()` is a walk of the class's fields."""
    return tuple(f.name for f in fields(kind)) if is_dataclass(kind) else None


def decode(data: Any, hint: Any) -> Any:
    """`data` as the value `hint` describes; ValueError for anything else."""
    return _decoder(hint)(data)


def _decoder(hint: Any) -> Decoder:
    found = _DECODERS.get(hint)
    if found is None:
        # The model's types are recursive (an Emph holds inlines): while this hint's parts
        # are compiled, a stand-in that calls the finished decoder answers for it.
        done: list[Decoder] = []
        _DECODERS.put(hint, lambda data: done[0](data))
        done.append(_compile(hint))
        found = _DECODERS.put(hint, done[0])
    return found


def _compile(hint: Any) -> Decoder:
    origin = get_origin(hint)
    if isinstance(hint, type) and is_dataclass(hint):
        return _nodes({hint.__name__: _node(_CLASSES[hint.__name__])})
    if origin in (Union, types.UnionType):
        return _union(get_args(hint))
    if origin is list:
        return _list(_decoder(get_args(hint)[0]))
    if origin is tuple:
        args = get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return _tuple(_decoder(args[0]))
        return _fixed(tuple(_decoder(a) for a in args), hint)
    if origin is Literal:
        return _literal(get_args(hint))
    return _scalar(hint)


def _fail(data: Any, hint: Any) -> typing.NoReturn:
    raise ValueError(f"{data!r:.40} is not a {hint}")


def _list(item: Decoder) -> Decoder:
    def decode_list(data: Any) -> Any:
        if type(data) is not list:
            raise ValueError("expected a list")
        return [item(v) for v in data]

    return decode_list


def _tuple(item: Decoder) -> Decoder:
    def decode_tuple(data: Any) -> Any:
        if type(data) is not list:
            raise ValueError("expected a list")
        return tuple([item(v) for v in data])

    return decode_tuple


def _fixed(items: tuple[Decoder, ...], hint: Any) -> Decoder:
    def decode_fixed(data: Any) -> Any:
        if type(data) is not list:
            raise ValueError(f"expected a list for {hint}")
        if len(data) != len(items):
            raise ValueError(f"expected {len(items)} items for {hint}")
        return tuple([d(v) for d, v in zip(items, data, strict=True)])

    return decode_fixed


def _literal(allowed: tuple[Any, ...]) -> Decoder:
    def decode_literal(data: Any) -> Any:
        if data not in allowed:
            raise ValueError(f"{data!r} is not one of {allowed}")
        return data

    return decode_literal


def _scalar(hint: Any) -> Decoder:
    if hint in (str, int, bool):

        def exact(data: Any) -> Any:
            if type(data) is hint:
                return data
            _fail(data, hint)

        return exact
    if hint is float:

        def number(data: Any) -> Any:
            if type(data) in (int, float):
                return float(data)
            _fail(data, hint)

        return number
    if hint is object:  # a message's values

        def scalar(data: Any) -> Any:
            if type(data) in _SCALARS:
                return data
            _fail(data, hint)

        return scalar
    if hint is type(None):

        def none(data: Any) -> Any:
            if data is None:
                return None
            _fail(data, hint)

        return none

    def nothing(data: Any) -> Any:
        _fail(data, hint)

    return nothing


def _union(options: tuple[Any, ...]) -> Decoder:
    named = {
        o.__name__: _node(_CLASSES[o.__name__])
        for o in options
        if isinstance(o, type) and is_dataclass(o)
    }
    others = [_decoder(o) for o in options if not (isinstance(o, type) and is_dataclass(o))]
    node = _nodes(named) if named else None

    def decode_union(data: Any) -> Any:
        if node is not None and type(data) is list and data and _named(data[0], named):
            return node(data)
        for option in others:
            try:
                return option(data)
            except ValueError:
                pass
        raise ValueError(f"{data!r:.40} is none of {options}")

    return decode_union


def _named(name: Any, named: dict[str, Decoder]) -> bool:
    return type(name) is str and name in named


def _nodes(named: dict[str, Decoder]) -> Decoder:
    """A node whose class is one of `named` (a field's hint: one class or a union of them)."""

    def decode_node(data: Any) -> Any:
        if type(data) is not list or not data or type(data[0]) is not str:
            raise ValueError(f"expected one of {sorted(named)}")
        found = named.get(data[0])
        if found is None:
            raise ValueError(f"expected one of {sorted(named)}")
        return found(data)

    return decode_node


def _node(cls: Any) -> Decoder:
    """One class's node, its class name already checked: its fields, each by its hint."""
    parts = tuple(_decoder(h) for h in _hints(cls))
    size = len(parts) + 1
    check = _message if cls is Msg else None

    def decode_fields(data: Any) -> Any:
        if len(data) != size:
            raise ValueError(f"{data[0]} has {size - 1} fields")
        value = cls(*[d(v) for d, v in zip(parts, data[1:], strict=True)])
        if check is not None:
            check(value)
        return value

    return decode_fields


def _message(value: Msg) -> None:
    try:  # a message must name a catalogue entry and fill its template, in both languages
        value.text("en"), value.text("ja")
    except (KeyError, IndexError, ValueError, TypeError) as exc:
        raise ValueError(f"not a message: {exc}") from None


@memo.cached(maxsize=64)  # one entry per node class
def _hints(cls: Any) -> tuple[Any, ...]:
    resolved = typing.get_type_hints(cls)  # names resolved in the class's own module
    return tuple(resolved[f.name] for f in fields(cls))
