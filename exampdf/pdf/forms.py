"""Paragraph forms: a paragraph that recurs is painted once per PDF as a form XObject, then
placed by name; in a later exam slice, forms the first slice painted are placed through
stand-ins that the join replaces (render/merge.py)."""

from __future__ import annotations

import hashlib
from typing import Any

from exampdf.memo import Memo
from exampdf.pdf.ops import stand_in
from exampdf.pdf.state import paint_state

_DIGESTS: Memo[Any, str] = Memo("forms.digest", 1 << 14)


def form_digest(key: Any) -> str:
    """What a paragraph's form draws, as a name that means the same in every process.

    Memoised by key: every later exam slice asks again for each paragraph it places, and the
    repr of a key (runs and style) is most of a first use's cost. Equal keys already share
    one form within a document (`PaintState.forms` is keyed by them), so they may share a
    digest too."""
    digest = _DIGESTS.get(key)
    if digest is None:
        digest = _DIGESTS.put(key, hashlib.sha1(repr(key).encode()).hexdigest())
    return digest


class HashedKey(tuple[Any, ...]):
    """A form's key that computes its hash once: a paragraph's runs and style are frozen
    dataclasses, hashed field by field (in Python) on every lookup of a plain tuple. Equal to
    the plain tuple, with its hash and repr, so either finds the other's entries."""

    _hash: int

    def __new__(cls, items: tuple[Any, ...]) -> HashedKey:
        key = super().__new__(cls, items)
        key._hash = tuple.__hash__(key)
        return key

    def __hash__(self) -> int:
        return self._hash


def inherited_form(canvas: Any, key: Any, digest: str | None = None) -> str | None:
    """The name of a form an earlier slice painted for `key` (whose `digest` the caller may
    know), registered here as a stand-in (and remembered as this canvas's form), or None."""
    state = paint_state(canvas)
    if not state.inherited:
        return None
    name = state.inherited.get(digest or form_digest(key))
    if name is None:
        return None
    stand_in(canvas, name)
    state.forms[key] = name
    return name


def new_form_name(canvas: Any, key: Any) -> str:
    """A name for a form about to be painted for `key`: P0, P1, … in a first slice; S… in a
    later one, apart from the first slice's names it places through stand-ins."""
    state = paint_state(canvas)
    name = state.forms[key] = f"{'S' if state.inherited is not None else 'P'}{len(state.forms)}"
    return name


def painted_forms(canvas: Any) -> dict[str, str]:
    """Digest -> name of the forms painted on `canvas` (stand-ins are not painted)."""
    state = paint_state(canvas)
    inherited = set((state.inherited or {}).values())
    return {form_digest(k): name for k, name in state.forms.items() if name not in inherited}
