"""What exampdf remembers about one canvas while it paints: one typed object per document."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

Chunks = tuple[tuple[int, str], ...] | None  # (subset, `(…) Tj`) per subset run; None: Type 1
Form = tuple[str, str]  # form name, its `/… Do` operator
PlacedCell = tuple[Any, Any, tuple[str, ...], tuple[str, str]]  # label, body, operators, form names
Centred = tuple[float, str] | None  # width, operators; None: Type 1
Around = tuple[str, str] | None  # operators before and after y; None: Type 1
DecorKey = tuple[str, float, float, str, str, float, float]

_ATTR = "_exampdf_paint"  # the one attribute exampdf sets on a ReportLab canvas


@dataclass(eq=False)
class PaintState:
    """Per-document memory of what is already in the PDF, so it is placed, not painted again.

    Paragraph forms (layout/text/jparagraph.py): `forms` maps a paragraph's draw key to the
    form XObject that paints it; `seen` holds paragraphs painted once in the page (a second
    sight makes a form); `eager` paints a form at first sight (exam slices, where paragraphs
    recur); `inherited` maps the digests of forms an earlier slice painted to their names
    (render/merge.py swaps the stand-ins for them; None outside later slices)."""

    forms: dict[Any, str] = field(default_factory=dict)
    seen: set[Any] = field(default_factory=set)
    eager: bool = False
    inherited: Mapping[str, str] | None = None
    # XObject names (FormXob.…) of the inherited forms placed here (pdf/ops.py stand_in)
    foreign: set[str] = field(default_factory=set)
    # pdf/forms.py: a later slice started from what an earlier one in this process knew
    adopted: Adopted | None = None
    template: Any = None  # pdf/forms.py _Template: where this later slice's registrations go
    # layout/blocks/place.py: (id, width) of a shared paragraph -> it and its form
    placed: dict[tuple[int, float], tuple[Any, Form]] = field(default_factory=dict)
    # layout/exam/options.py: an option cell whose label and text are both forms
    cells: dict[tuple[int, int, float, float], PlacedCell] = field(default_factory=dict)
    # layout/page/decor.py: operators of strings the page decoration has drawn
    decor: dict[DecorKey, list[str]] = field(default_factory=dict)
    # layout/page/decor.py: operators of a decoration's parts (rules and title, version box,
    # page number and notes), each drawn once per document and then copied
    decor_parts: dict[tuple[Any, ...], list[str]] = field(default_factory=dict)
    # layout/exam/cover.py: operators of a name table without values, by table and place
    tables: dict[tuple[Any, ...], list[str]] = field(default_factory=dict)
    # pdf/textshow.py: strings encoded for this document's subsets
    shown: dict[tuple[str, str], Chunks] = field(default_factory=dict)
    subsets: dict[tuple[str, int], str] = field(default_factory=dict)
    centred: dict[tuple[str, float, float, str], tuple[float, str] | None] = field(
        default_factory=dict
    )
    # pdf/textshow.py CentredColumns: per font and x, the operators before and after y of
    # each string centred on x (a grid's columns repeat their texts, grid after grid)
    centred_at: dict[tuple[str, float, float, float], dict[str, Around]] = field(
        default_factory=dict
    )


@dataclass(eq=False)
class Adopted:
    """A later slice whose forms, placed and foreign start from an earlier slice's (pdf/forms.py
    adopt): what it needs to name its own forms as if it had registered each on first use."""

    inherited: frozenset[str]  # every name the seed's forms have
    forms_from: int  # how many of the state's forms and placed came from the template
    placed_from: int
    own: int = 0  # forms painted here
    held: list[list[str]] = field(default_factory=list)  # each held page's forms in use
    counted: int = 0  # how many of `held` are in `placed`
    placed: set[str] = field(default_factory=set)  # inherited names placed on them


def paint_state(canvas: Any) -> PaintState:
    """The canvas's paint state, made on first use."""
    state: PaintState | None = getattr(canvas, _ATTR, None)
    if state is None:
        state = PaintState()
        setattr(canvas, _ATTR, state)
    return state
