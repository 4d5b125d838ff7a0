"""Moodle XML: multichoice (fractions from fractions.py) and essay questions, images as base64."""

from __future__ import annotations

import base64
import posixpath
from collections.abc import Callable
from functools import partial
from xml.etree import ElementTree as ET

from exampdf.export.fractions import fractions, moodle_number
from exampdf.export.html import ImageUrl, blocks_html, inline_html
from exampdf.model import Bank, Block, Image, Question

# (question source file, image src as written) -> the image's bytes, or None when unreadable
ImageReader = Callable[[str, str], bytes | None]


def no_images(source: str, src: str) -> bytes | None:
    return None


def to_moodle(bank: Bank, read_image: ImageReader = no_images, category: str = "exampdf") -> str:
    quiz = ET.Element("quiz")
    cat = ET.SubElement(ET.SubElement(quiz, "question", type="category"), "category")
    _text(cat, f"$course$/top/{category}")
    for q in bank.questions:
        quiz.append(question_xml(q, read_image))
    ET.indent(quiz)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, "unicode") + "\n"


def question_xml(q: Question, read_image: ImageReader) -> ET.Element:
    kind = "multichoice" if q.choices else "essay"
    el = ET.Element("question", type=kind)
    _text(ET.SubElement(el, "name"), q.title or q.id)
    _html(el, "questiontext", q, q.stem, read_image)
    _html(el, "generalfeedback", q, q.explanation, read_image)
    _value(el, "defaultgrade", str(q.points))
    _value(el, "penalty", "0.3333333")
    _value(el, "hidden", "0")
    _value(el, "idnumber", q.id)
    if not q.choices:
        _value(el, "responseformat", "editor")
        _value(el, "responserequired", "1")
        _value(el, "responsefieldlines", str(max(5, q.answer_lines * 2)))
        _html(el, "graderinfo", q, q.model_answer, read_image)
        return el
    _value(el, "single", "false" if q.multi else "true")
    # pinned options (「すべて」) must stay last: then Moodle may not shuffle at all
    _value(el, "shuffleanswers", "1" if q.shuffle and not q.pinned else "0")
    _value(el, "answernumbering", "ABCD")
    weights = fractions(len(q.choices), q.answer, q.multi)
    for choice, weight in zip(q.choices, weights, strict=True):
        answer = ET.SubElement(el, "answer", fraction=moodle_number(weight), format="html")
        _fill(answer, q, partial(inline_html, choice.content), read_image)
        ET.SubElement(ET.SubElement(answer, "feedback", format="html"), "text").text = ""
    return el


def _html(
    parent: ET.Element, tag: str, q: Question, blocks: tuple[Block, ...], read: ImageReader
) -> None:
    el = ET.SubElement(parent, tag, format="html")
    _fill(el, q, lambda url: blocks_html(blocks, url), read)


def _fill(
    el: ET.Element, q: Question, render: Callable[[ImageUrl], str], read: ImageReader
) -> None:
    """The HTML `render` makes, and a base64 <file> for every image it shows."""
    files: dict[str, bytes] = {}

    def url(image: Image) -> str:
        data = read(q.source, image.src)
        if data is None:
            return image.src  # not embeddable: leave the reference as written
        name = _unique(posixpath.basename(image.src) or "image", files)
        files[name] = data
        return f"@@PLUGINFILE@@/{name}"

    _text(el, render(url))
    for name, data in files.items():
        file = ET.SubElement(el, "file", name=name, path="/", encoding="base64")
        file.text = base64.b64encode(data).decode("ascii")


def _unique(name: str, taken: dict[str, bytes]) -> str:
    stem, dot, ext = name.rpartition(".")
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{stem}-{n}{dot}{ext}" if dot else f"{name}-{n}"
    return candidate


def _text(parent: ET.Element, value: str) -> None:
    ET.SubElement(parent, "text").text = value


def _value(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, tag).text = value
