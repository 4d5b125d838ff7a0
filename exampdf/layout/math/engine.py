"""LaTeX -> MathBox: ziamath lays a formula out (TeX spacing, OpenType MATH metrics) and
we keep only positioned glyphs, rules and Japanese text; each formula once per process,
and once for many runs while layout/math/store.py's cache file holds it."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reportlab.pdfbase import pdfmetrics

from exampdf import memo
from exampdf.layout.math import store
from exampdf.layout.math.font import font_path, has_char

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

# (glyph index, x, y, size), y up from the baseline, x from the box's left edge
PlacedGlyph = tuple[int, float, float, float]
Rect = tuple[float, float, float, float]  # x, y (bottom), width, height
PlacedText = tuple[str, float, float, float]  # text in the body font, x, baseline y, size
_TEXT_MARK = "data-exampdf-text"
# ziamath reads a MathML length in em as that many em of a 10 pt font converted to pixels
# (x 1.333); dividing by the same factor gives an em of the formula's own size.
_PX_PER_PT = 1.333
# A minus or plus that starts a formula or follows an opening bracket, a relation, a comma
# or a binary operator is a sign (TeX makes such a Bin atom Ord): braced, so ziamath sets
# it without the spaces of subtraction (`x = -2`, `f(-3)`).
_SIGN = re.compile(
    r"(^|[=(\[{,<>&]|\\\\|\\(?:leq?|geq?|neq?|to|in|times|cdot|pm|mp|approx|equiv"
    r"|fallingdotseq|sim|simeq|cong|[Rr]ightarrow|[Ll]eftarrow|mid|left\S?|quad|qquad|[,; ]))"
    r"(\s*)([-+])"
)


@dataclass(unsafe_hash=True)
class MathBox:
    """A laid-out formula: an unbreakable box on a baseline."""

    width: float
    ascent: float  # above the baseline
    descent: float  # below the baseline (positive)
    glyphs: tuple[PlacedGlyph, ...]
    rules: tuple[Rect, ...]  # fraction bars, radical overbars, filled
    texts: tuple[PlacedText, ...]
    text_font: str


# TeX puts a thin space between an operator name (with its scripts) and what it applies to
# (`\log_2 n`, `\sin x`, `\det A`); ziamath sets them together, so it is written in. Not
# before an opening bracket or another space (`\sin(x)`, `\sin\,x`).
_OPERATOR = re.compile(
    r"(\\(?:log|ln|lg|exp|sin|cos|tan|sec|csc|cot|arcsin|arccos|arctan|sinh|cosh|tanh"
    r"|det|dim|ker|deg|gcd|max|min|sup|inf|lim|arg|Pr)(?![A-Za-z])"
    r"(?:\s*[_^](?:\{[^{}]*\}|\\[A-Za-z]+|\w))*)"
    r"\s*(?=[A-Za-z0-9{]|\\(?!left|right|[,;:! ]|quad|qquad)[A-Za-z])"
)
# cases: a quad between the value and its condition, as TeX's cases environment sets it.
_CASES = re.compile(r"\\begin\{cases\}.*?\\end\{cases\}", re.S)


# What the cache's key takes of the rules above and of the conversions below.
_SPACING = "\0".join((_SIGN.pattern, _OPERATOR.pattern, _CASES.pattern, str(_PX_PER_PT)))


def _tex_spacing(latex: str) -> str:
    latex = _SIGN.sub(r"\1\2{\3}", latex)
    latex = _OPERATOR.sub(r"\1\\,", latex)
    return _CASES.sub(lambda m: m.group(0).replace("&", "&\\quad "), latex)


@memo.cached(maxsize=20_000)
def lay_out(latex: str, display: bool, size: float, text_font: str) -> MathBox:
    """The formula laid out at `size` pt; \\text{} the math font cannot show is set in
    `text_font`. Call only on formulas parse/math.py accepted. From the disk cache
    (layout/math/store.py) when it holds it."""
    entry, stored = store.get(latex, display, size, text_font, _SPACING)
    if stored is not None:
        width, ascent, descent, glyphs, rules, texts = stored
        return MathBox(width, ascent, descent, glyphs, rules, texts, text_font)
    box = _computed(latex, display, size, text_font)
    store.put(entry, (box.width, box.ascent, box.descent, box.glyphs, box.rules, box.texts))
    return box


def _computed(latex: str, display: bool, size: float, text_font: str) -> MathBox:
    Math = _ziamath()
    texts: list[str] = []
    mathml = _mathml(latex, display, size, text_font, texts)
    node = Math(mathml, size=size, font=str(font_path())).node
    glyphs: list[PlacedGlyph] = []
    rules: list[Rect] = []
    placed: list[PlacedText] = []
    _walk(node, 0.0, 0.0, glyphs, rules, placed, texts)
    bb = node.bbox
    left = min(bb.xmin, 0.0)
    return MathBox(
        width=bb.xmax - left,
        ascent=max(bb.ymax, 0.0),
        descent=max(-bb.ymin, 0.0),
        glyphs=tuple((g, x - left, y, s) for g, x, y, s in glyphs),
        rules=tuple((x - left, y, w, h) for x, y, w, h in rules),
        texts=tuple((t, x - left, y, s) for t, x, y, s in placed),
        text_font=text_font,
    )


@memo.once
def _ziamath() -> Any:
    """ziamath's Math class; importing it loads STIX Two Math through a deprecated
    importlib.resources call, whose warning is not ours to show."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        from ziamath.zmath import Math
    return Math


def _mathml(latex: str, display: bool, size: float, font: str, texts: list[str]) -> ET.Element:
    """MathML with every \\text{} the math font lacks replaced by a blank of its width in
    `font` (in em, so it scales in scripts); `texts` gets their contents in order."""
    import xml.etree.ElementTree as ET  # only banks with formulas need it

    from ziamath.tex import tex2mml

    root = ET.fromstring(tex2mml(_tex_spacing(latex), inline=not display))
    for parent in root.iter():
        for i, child in enumerate(list(parent)):
            text = child.text or ""
            if _local(child.tag) != "mtext" or all(map(has_char, text)):
                continue
            width = pdfmetrics.stringWidth(text, font, 1.0) / _PX_PER_PT
            face = pdfmetrics.getFont(font).face
            blank = ET.Element(
                "mspace",
                {
                    "width": f"{width:.5f}em",
                    "height": f"{face.ascent / 1000 / _PX_PER_PT:.4f}em",
                    "depth": f"{-face.descent / 1000 / _PX_PER_PT:.4f}em",
                    _TEXT_MARK: str(len(texts)),
                },
            )
            texts.append(text)
            parent[i] = blank
    return root


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _walk(
    node: Any,
    x: float,
    y: float,
    glyphs: list[PlacedGlyph],
    rules: list[Rect],
    texts: list[PlacedText],
    contents: list[str],
) -> None:
    """ziamath's drawables at their places (its y grows downwards; ours upwards)."""
    from ziamath import drawable as zd

    if isinstance(node, zd.Glyph):
        if not node.phantom:
            glyphs.extend(_pieces(node.glyph, x, -y, node.size))
    elif isinstance(node, zd.HLine):
        if not node.phantom:
            rules.append((x, -y - node.lw, node.length, node.lw))
    elif isinstance(node, zd.VLine) and not node.phantom:
        rules.append((x - node.lw / 2, -y - node.height, node.lw, node.height))
    mark = getattr(getattr(node, "element", None), "get", lambda _k: None)(_TEXT_MARK)
    if mark is not None:
        texts.append((contents[int(mark)], x, -y, node.glyphsize))
    for (dx, dy), child in zip(
        getattr(node, "nodexy", ()), getattr(node, "nodes", ()), strict=False
    ):
        _walk(child, x + dx, y + dy, glyphs, rules, texts, contents)


def _pieces(glyph: Any, x: float, y: float, size: float) -> list[PlacedGlyph]:
    """A glyph, or the parts a stretched bracket, radical or arrow is assembled from (their
    offsets are in font units, along y for a vertical assembly, x for a horizontal one)."""
    from ziamath.mathtable import AssembledGlyph

    if not isinstance(glyph, AssembledGlyph):  # a glyph of the font (composite ones too)
        return [(glyph.index, x, y, size)]
    parts = glyph.glyphs
    scale = size / glyph.font.info.layout.unitsperem
    if glyph.vert:
        return [
            (g.index, x, y + o * scale, size) for g, o in zip(parts, glyph.offsets, strict=True)
        ]
    return [(g.index, x + o * scale, y, size) for g, o in zip(parts, glyph.offsets, strict=True)]
