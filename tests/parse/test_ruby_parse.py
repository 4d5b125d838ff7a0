"""Ruby notation {漢字|かんじ} in the parser: what becomes a Ruby node and what stays text."""

from __future__ import annotations

import pytest

from exampdf.model import Ruby, Strong, Text, plain_text
from exampdf.parse.inlines import inlines_of, split_ruby
from exampdf.parse.markdown import parse_tree


def _inlines(src: str) -> tuple[object, ...]:
    para = parse_tree(src).children[0]
    return inlines_of(para)


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        ("{漢字|かんじ}を読む", (Ruby("漢字", "かんじ"), Text("を読む"))),
        (
            "{明日|あした}と{今日|きょう}",
            (Ruby("明日", "あした"), Text("と"), Ruby("今日", "きょう")),
        ),
        ("**{漢字|かんじ}**", (Strong((Ruby("漢字", "かんじ"),)),)),
        ("{x|x>0}", (Text("{x|x>0}"),)),  # set notation: no kana or kanji in the base
        ("{漢字 | かんじ}", (Text("{漢字 | かんじ}"),)),  # spaces: printed literally
        ("{東京|とう|きょう}", (Text("{東京|とう|きょう}"),)),
        ("`{漢字|かんじ}`", None),  # code spans are never ruby
    ],
)
def test_ruby_notation(src: str, expected: tuple[object, ...] | None) -> None:
    got = _inlines(src)
    if expected is None:
        assert not any(isinstance(n, Ruby) for n in got)
    else:
        assert got == expected


def test_plain_text_of_ruby_is_its_base() -> None:
    assert plain_text((Text("「"), Ruby("漢字", "かんじ"), Text("」"))) == "「漢字」"


def test_split_ruby_keeps_surrounding_text() -> None:
    assert split_ruby("a{語|ご}b") == [Text("a"), Ruby("語", "ご"), Text("b")]
