"""The one walker: it visits every node type of the model, and forgetting one fails loudly."""

from __future__ import annotations

import re
import types
from pathlib import Path
from typing import Any, Literal, get_args, get_origin, get_type_hints

import pytest

from exampdf.model import (
    Block,
    CodeBlock,
    Emph,
    Image,
    Inline,
    ListBlock,
    Paragraph,
    Quote,
    Strong,
    Table,
    Text,
    nodes,
    plain_text,
    walk,
)

MODEL = Path(nodes.__file__).parent


def _sample_value(hint: Any) -> Any:
    """A small value of the annotated type; a union gives its first member (Text, Paragraph)."""
    if hint is str:
        return "x"
    if hint is bool:
        return False
    if hint is int:
        return 1
    origin = get_origin(hint)
    if origin is Literal:
        return get_args(hint)[0]
    if origin is types.UnionType:
        return _sample_value(get_args(hint)[0])
    if origin is tuple:
        return (_sample_value(get_args(hint)[0]),)
    if isinstance(hint, type):
        return _sample(hint)
    raise TypeError(f"no sample for {hint!r}: teach _sample_value this field type")


def _sample(cls: type) -> Any:
    """An instance of a node class with every field filled, built from its annotations, so a
    node type added to the unions is sampled without touching this test."""
    hints = get_type_hints(cls, vars(nodes))
    return cls(**{name: _sample_value(hint) for name, hint in hints.items()})


INLINES = [_sample(cls) for cls in get_args(Inline)]
BLOCKS = [_sample(cls) for cls in get_args(Block)]


def _recording_fold() -> walk.Fold[str]:
    """A Fold whose every method returns the node's type name: made from the abstract methods
    themselves, so it has exactly the cases the walker asks for."""

    def method(self: object, node: object, *made: object) -> str:
        return type(node).__name__

    names = walk.Fold.__abstractmethods__
    fold: walk.Fold[str] = type("Recording", (walk.Fold,), dict.fromkeys(names, method))()
    return fold


def test_every_inline_type_is_visited_by_every_shape() -> None:
    fold = _recording_fold()
    for node in INLINES:
        walk.children(node)
        assert walk.with_children(node, walk.children(node)) is node
        assert walk.map_inlines((node,), lambda n: n) == (node,)
        assert list(walk.iter_inlines((node,))) == [node, *walk.children(node)]
        assert walk.fold_inline(node, fold) == type(node).__name__
        assert isinstance(plain_text((node,)), str)


def test_every_block_type_is_visited_by_every_shape() -> None:
    fold = _recording_fold()
    for block in BLOCKS:
        list(walk.spans(block))
        walk.inner_blocks(block)
        assert walk.rebuild(block, lambda bs: bs, lambda s: s.inlines) is block
        assert walk.map_blocks((block,), lambda s: s.inlines) == (block,)
        assert walk.fold_block(block, fold) == type(block).__name__


def test_fold_has_one_method_per_node_type() -> None:
    """A node type added to the unions needs its own abstract method in Fold, so every
    renderer (HTML, Markdown, plain text) that lacks it fails type checking."""
    names = {re.sub(r"(?<!^)(?=[A-Z])", "_", cls.__name__).lower() for cls in get_args(Inline)}
    names |= {re.sub(r"(?<!^)(?=[A-Z])", "_", cls.__name__).lower() for cls in get_args(Block)}
    assert walk.Fold.__abstractmethods__ == names


def test_an_unknown_node_is_an_error_not_silence() -> None:
    class Math:  # a node the walker was not taught
        line = 1

    with pytest.raises(AssertionError):
        walk.fold_block(Math(), _recording_fold())  # type: ignore[arg-type]
    with pytest.raises(AssertionError):
        list(walk.spans(Math()))  # type: ignore[arg-type]
    with pytest.raises(AssertionError):
        walk.children(Math())  # type: ignore[arg-type]


def _tree() -> tuple[Block, ...]:
    table = Table(((Text("h"),),), (((Image("a.png", "alt"),),),), ("left",), 5)
    inner = Paragraph((Strong((Text("b"), Image("b.png", ""))),), 3)
    quote = Quote((ListBlock(False, 1, ((inner,),), 3),), 2)
    return (Paragraph((Text("a"),), 1), quote, table, CodeBlock("x", "", 8))


def test_iter_blocks_gives_depth_and_document_order() -> None:
    got = [(type(b).__name__, d) for b, d in walk.iter_blocks(_tree())]
    assert got == [
        ("Paragraph", 0),
        ("Quote", 0),
        ("ListBlock", 1),
        ("Paragraph", 2),
        ("Table", 0),
        ("CodeBlock", 0),
    ]


def test_iter_spans_gives_rows_and_lines() -> None:
    got = [(s.line, s.row, plain_text(s.inlines)) for s in walk.iter_spans(_tree())]
    assert got == [(1, None, "a"), (3, None, "b"), (5, 0, "h"), (5, 1, "alt")]
    # GFM: the header row, the delimiter row, then one line per body row
    assert [s.source_line for s in walk.iter_spans(_tree())] == [1, 3, 5, 7]


def test_map_shares_what_did_not_change_and_rebuilds_the_path_to_a_change() -> None:
    tree = _tree()

    def mark(n: Inline) -> Inline:
        return Image(n.src, n.alt, "found") if isinstance(n, Image) and n.src == "b.png" else n

    new = walk.map_blocks(tree, lambda s: walk.map_inlines(s.inlines, mark))
    assert new[0] is tree[0] and new[2] is tree[2] and new[3] is tree[3]
    assert new[1] is not tree[1]
    images = [n for s in walk.iter_spans(new) for n in walk.iter_inlines(s.inlines)]
    assert [n.file for n in images if isinstance(n, Image)] == ["found", ""]
    assert walk.map_blocks(tree, lambda s: s.inlines) is tree


def test_plain_text() -> None:
    nodes_ = (Text("a"), Emph((Text("b"),)), Image("x.png", "図"))
    assert plain_text(nodes_) == "ab図"


MATH = """
@dataclass(frozen=True)
class Math:
    tex: str


"""


def _add_math(source: str) -> str:
    """nodes.py with a Math inline put into the Inline union (and handled nowhere)."""
    union = re.compile(r"^Inline = (.*)$", re.M)
    assert union.search(source), "nodes.py no longer spells the Inline union on one line"
    return union.sub(lambda m: f"{MATH}Inline = {m.group(1)} | Math", source)


def test_mypy_fails_when_a_node_type_is_added_and_not_handled(tmp_path: Path) -> None:
    """Two copies of the model: as it is, and with a Math inline added to the union and
    handled nowhere. mypy --strict passes the first and fails the second at the walker."""
    api = pytest.importorskip("mypy.api")
    source = (MODEL / "nodes.py").read_text()
    for name, model in (("same", source), ("added", _add_math(source))):
        pkg = tmp_path / name
        pkg.mkdir()
        (pkg / "__init__.py").write_text("")
        (pkg / "nodes.py").write_text(model)
        for module in ("walk.py", "plaintext.py"):
            code = (MODEL / module).read_text().replace("exampdf.model.nodes", f"{name}.nodes")
            (pkg / module).write_text(code)
    out, _, status = api.run(
        ["--strict", "--no-incremental", "--cache-dir", str(tmp_path / ".mypy"), str(tmp_path)]
    )
    errors = [line for line in out.splitlines() if ": error:" in line]
    assert status == 1
    assert errors
    assert all(line.startswith(str(tmp_path / "added")) for line in errors), out
    for module in ("walk.py", "plaintext.py"):
        assert any(module in line and "assert_never" in line for line in errors), out
