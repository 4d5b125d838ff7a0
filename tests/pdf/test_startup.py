"""What ReportLab loads at import for features a run may not use waits for its first use."""

from __future__ import annotations

import re
import subprocess
import sys

from reportlab.lib import textsplit
from reportlab.platypus import paragraph

from exampdf.pdf.startup import (
    PARAGRAPH_URI,
    PARAGRAPH_URI_FLAGS,
    PLATYPUS_PARAGRAPH,
    TEXTSPLIT_CJK,
    TEXTSPLIT_CJK_FLAGS,
    Deferred,
)


def test_the_deferred_pattern_is_reportlabs_own() -> None:
    # On a ReportLab upgrade that changes the pattern, the stand-in would only go unused.
    assert paragraph.uri_pat.pattern == PARAGRAPH_URI
    assert paragraph.uri_pat.flags & re.IGNORECASE


def test_the_deferred_textsplit_pattern_is_reportlabs_own() -> None:
    assert textsplit.rx.pattern == TEXTSPLIT_CJK
    assert textsplit.rx.flags & TEXTSPLIT_CJK_FLAGS


def test_a_deferred_pattern_matches_as_the_compiled_one() -> None:
    real = re.compile(PARAGRAPH_URI, PARAGRAPH_URI_FLAGS)
    stand_in = Deferred(PARAGRAPH_URI, PARAGRAPH_URI_FLAGS)
    for uri in ("http://example.com/a?b", "HTTPS://例え.jp", "mailto:x@y", "ftp://1.2.3.4", "x"):
        got, want = stand_in.match(uri), real.match(uri)
        assert (got and got.groups()) == (want and want.groups())


def test_importing_the_seam_first_leaves_the_pattern_uncompiled() -> None:
    code = (
        "import exampdf.pdf, reportlab.platypus.paragraph as p, sys;"
        "sys.stdout.write(type(p.uri_pat).__name__ + ' ' + str(p.uri_pat.__dict__['compiled']))"
    )
    assert _stdout(code) == "Deferred None"


def test_pillow_waits_for_its_first_use_and_then_works() -> None:
    code = (
        "import sys, exampdf.pdf, reportlab.lib.utils as u;"
        "before = type(sys.modules['PIL.Image']).__name__;"
        "from PIL import Image;"
        "im = Image.new('RGB', (3, 2));"
        "sys.stdout.write(before + ' ' + type(sys.modules['PIL.Image']).__name__ + ' '"
        " + str(u._isPILImage(im)) + ' ' + str(im.size))"
    )
    assert _stdout(code) == "_LazyModule module True (3, 2)"


def test_the_make_pipeline_defers_all_three() -> None:
    code = (
        "import sys, exampdf.pipeline, exampdf.cli.make, reportlab.platypus.paragraph as p;"
        "sys.stdout.write(type(sys.modules['PIL.Image']).__name__ + ' ' + type(p.uri_pat).__name__"
        " + ' ' + str('urllib.request' in sys.modules))"
    )
    assert _stdout(code) == "_LazyModule Deferred False"


def test_the_make_pipeline_leaves_the_exam_layout_to_the_worker_laying_out_a_slice() -> None:
    # The answer key's job (the first and longest) needs none of it; a slice job imports it.
    code = (
        "import sys, exampdf.pipeline, exampdf.cli.make;"
        "sys.stdout.write(' '.join(sorted(m for m in sys.modules"
        " if m.startswith('exampdf.layout.exam.') and m != 'exampdf.layout.exam.spec')))"
    )
    assert _stdout(code) == ""


def test_the_deferred_platypus_names_are_reportlabs_own() -> None:
    # On a ReportLab upgrade that changes them, reportlab.platypus would miss a name.
    import importlib

    for sub, names in PLATYPUS_PARAGRAPH.items():
        assert tuple(importlib.import_module(f"reportlab.platypus.{sub}").__all__) == names


def test_the_make_pipeline_leaves_reportlabs_paragraph_unloaded() -> None:
    code = (
        "import sys, exampdf.pipeline, exampdf.cli.make;"
        "sys.stdout.write(' '.join(m for m in ('reportlab.platypus.paragraph',"
        " 'reportlab.platypus.paraparser', 'reportlab.platypus.xpreformatted', 'html.parser')"
        " if m in sys.modules))"
    )
    assert _stdout(code) == ""


def test_reportlabs_paragraph_works_when_first_used() -> None:
    code = (
        "import exampdf.pdf;"
        "from reportlab.platypus import Paragraph, ParaParser, XPreformatted, doctemplate;"
        "import reportlab.platypus as rp, reportlab.platypus.paragraph as p;"
        "import reportlab.platypus.xpreformatted as x;"
        "from reportlab.lib.styles import getSampleStyleSheet;"
        "style = getSampleStyleSheet()['Normal'];"
        "ok = Paragraph is p.Paragraph and XPreformatted is x.XPreformatted and rp.paragraph is p;"
        "made = doctemplate.Paragraph('<b>exam</b> text', style);"
        "w, h = made.wrap(200, 100);"
        "import sys;"
        "sys.stdout.write(f'{ok} {type(made).__name__} {h > 0} {ParaParser.__module__}')"
    )
    assert _stdout(code) == "True Paragraph True reportlab.platypus.paraparser"


def test_reportlabs_safe_eval_waits_for_its_first_use_and_then_works() -> None:
    code = (
        "import sys, exampdf.pipeline, exampdf.cli.make;"
        "real = lambda: '__file__' in sys.modules['reportlab.lib.rl_safe_eval'].__dict__;"
        "before = real();"
        "from reportlab.lib.utils import rl_safe_eval, rl_extended_literal_eval;"
        "from reportlab.platypus import doctemplate;"
        "got = (rl_safe_eval('1+2', g={}, l={}), rl_extended_literal_eval('[1, 2]'),"
        " doctemplate.rl_safe_eval.rl_safe_eval('3*4', {}, {}));"
        "sys.stdout.write(f'{before} {got} {real()}')"
    )
    assert _stdout(code) == "False (3, [1, 2], 12) True"


def test_the_make_pipeline_leaves_the_math_engine_to_the_first_formula() -> None:
    code = (
        "import sys, exampdf.pipeline, exampdf.cli.make;"
        "sys.stdout.write(' '.join(m for m in sys.modules if m.startswith('exampdf.layout.math')))"
    )
    assert _stdout(code) == ""


def test_reportlab_opens_urls_through_the_real_urllib_when_asked() -> None:
    code = (
        "import sys, exampdf.pdf, reportlab.lib.utils as u;"
        "before = 'urllib.request' in sys.modules;"
        "data = u.urlopen(u.Request('data:text/plain,exam')).read();"
        "import urllib.request;"
        "sys.stdout.write(f'{before} {data!r} {urllib.request.urlopen.__module__}')"
    )
    assert _stdout(code) == "False b'exam' urllib.request"


def test_the_make_pipeline_leaves_pyphen_pyfontify_and_textsplit_unloaded() -> None:
    code = (
        "import sys, exampdf.pipeline, exampdf.cli.make, reportlab.lib.textsplit as t;"
        "m = sys.modules;"
        "sys.stdout.write(str('Pyphen' in m['pyphen'].__dict__) + ' '"
        " + type(m['reportlab.lib.PyFontify']).__name__ + ' ' + type(t.rx).__name__)"
    )
    assert _stdout(code) == "False _LazyModule Deferred"


def test_pyphen_and_pyfontify_work_when_first_used() -> None:
    code = (
        "import sys, exampdf.pdf, reportlab.platypus.paragraph as p;"
        "import importlib.util; origin = importlib.util.find_spec('pyphen').origin;"
        "from exampdf.layout.text.hyphenate import word_points;"
        "ours = word_points('hyphenation');"
        "theirs = p.pyphen.Pyphen(lang='en_US', left=2, right=3).positions('hyphenation');"
        "import pyphen;"
        "from reportlab.lib import PyFontify;"
        "tags = PyFontify.fontify('def f(): pass');"
        "ok = origin.endswith('__init__.py');"
        "kind = type(sys.modules['pyphen']).__name__;"
        "sys.stdout.write(f'{ok} {ours} {theirs} {pyphen.Pyphen.__name__} {kind} {tags[0][0]}')"
    )
    assert _stdout(code) == "True (2, 6) [2, 6] Pyphen module keyword"


def _stdout(code: str) -> str:
    """What `code` writes when run in a fresh interpreter (imports as a new run makes them)."""
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
