"""Paragraph forms: a paragraph that recurs is painted once per PDF as a form XObject, then
placed by name; a later exam slice places the first slice's forms by name only (the join puts
them in: render/merge.py), registered up front from what the process already knows of them."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from itertools import islice
from typing import Any

from reportlab.pdfbase.pdfdoc import xObjectName

from exampdf.memo import Memo
from exampdf.pdf.ops import emitted_forms, forms_in_use, stand_in
from exampdf.pdf.state import Adopted, Form, paint_state

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
    later one, numbered after the forms placed before it, its own and the first slice's."""
    state = paint_state(canvas)
    adopted = state.adopted
    if adopted is None:
        number = len(state.forms)
    else:  # registered up front: the first slice's forms placed so far, as first uses would
        number = adopted.own + _inherited_placed(canvas, adopted)
        adopted.own += 1
    name = state.forms[key] = f"{'S' if state.inherited is not None else 'P'}{number}"
    return name


def _inherited_placed(canvas: Any, adopted: Adopted) -> int:
    """How many of the first slice's forms the canvas has placed so far (each is placed the
    moment it is first registered, so this is how many a first use would have registered)."""
    inherited, placed = adopted.inherited, adopted.placed
    for names in adopted.held[adopted.counted :]:
        placed.update(n for n in names if n in inherited)
    adopted.counted = len(adopted.held)
    now = {n for n in (*forms_in_use(canvas), *emitted_forms(canvas)) if n in inherited}
    return len(placed | now)


class _Template:
    """The first slice's forms as a later slice in this process registers them: by key, by
    placed paragraph, by XObject name."""

    def __init__(self, names: frozenset[str]) -> None:
        self.inherited = names
        self.forms: dict[Any, str] = {}
        self.placed: dict[tuple[int, float], tuple[Any, Form]] = {}
        self.foreign = {xObjectName(n) for n in names}


_TEMPLATES: Memo[tuple[tuple[str, str], ...], _Template] = Memo("pdf.forms.templates", 8)


def _template(forms: Mapping[str, str]) -> _Template:
    key = tuple(forms.items())
    got = _TEMPLATES.get(key)
    if got is None:
        got = _TEMPLATES.put(key, _Template(frozenset(forms.values())))
    return got


def adopt(canvas: Any, seed_forms: Mapping[str, str]) -> None:
    """A later slice's canvas starts from what the first slice, or a later one, laid out in
    this process registered of the same forms, instead of registering each on first use."""
    state = paint_state(canvas)
    template = state.template = _template(seed_forms)
    if template.forms:
        state.forms.update(template.forms)
        state.placed.update(template.placed)
        state.foreign.update(template.foreign)
        state.adopted = Adopted(template.inherited, len(state.forms), len(state.placed))


def prime(canvas: Any, painted: Mapping[str, str]) -> None:
    """The first slice: the forms it painted are what later slices here will place."""
    paint_state(canvas).template = _template(painted)
    remember(canvas)


def remember(canvas: Any) -> None:
    """What this slice registered of the first slice's forms, for the next later slice."""
    state = paint_state(canvas)
    template = state.template
    if template is None:
        return
    inherited, adopted = template.inherited, state.adopted
    forms: Iterable[tuple[Any, str]] = state.forms.items()
    placed: Iterable[tuple[tuple[int, float], tuple[Any, Form]]] = state.placed.items()
    if adopted is not None:  # only what came after the template's (dicts keep their order)
        forms = islice(forms, adopted.forms_from, None)
        placed = islice(placed, adopted.placed_from, None)
    template.forms.update((k, n) for k, n in forms if n in inherited)
    template.placed.update((k, v) for k, v in placed if v[1][0] in inherited)


def painted_forms(canvas: Any) -> dict[str, str]:
    """Digest -> name of the forms painted on `canvas` (stand-ins are not painted)."""
    state = paint_state(canvas)
    inherited = set((state.inherited or {}).values())
    return {form_digest(k): name for k, name in state.forms.items() if name not in inherited}
