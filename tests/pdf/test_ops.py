"""Every accessor of the ReportLab seam (pdf/ops.py, state.py, forms.py, canvas.py) on real
ReportLab objects: when an upgrade moves an internal, the failure is here, by name."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFName
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table
from reportlab.platypus.doctemplate import PageTemplate

from exampdf.pdf import ops
from exampdf.pdf.canvas import SHARED_XOBJECTS, PaintCanvas
from exampdf.pdf.forms import HashedKey, form_digest, inherited_form, new_form_name, painted_forms
from exampdf.pdf.resources import FOREIGN
from exampdf.pdf.state import paint_state


def _canvas() -> Canvas:
    return Canvas(io.BytesIO(), invariant=1, pageCompression=0)


def test_content_is_the_list_the_page_is_written_from() -> None:
    c = _canvas()
    ops.content(c).append("0.5 w")
    c.showPage()
    c.save()
    assert b"0.5 w" in c.getpdfdata()


def test_text_content_and_subset_are_the_text_object_s() -> None:
    c = _canvas()
    to = c.beginText()
    assert ops.text_subset(to) == -1  # nothing selected yet
    to.setFont("Helvetica", 10)
    ops.text_content(to).append("(x) Tj")
    assert "(x) Tj" in to.getCode()


def test_matrix_tracks_translate_and_can_be_restored() -> None:
    c = _canvas()
    m = ops.matrix(c)
    c.translate(10, 20)
    assert ops.matrix(c) == ops.translated(m, 10, 20)
    ops.set_matrix(c, m)
    assert ops.matrix(c) == m


def test_forms_in_use_and_do_operator_place_a_form_as_do_form_does() -> None:
    c, ref = _canvas(), _canvas()
    for canvas in (c, ref):
        canvas.beginForm("F")
        canvas.rect(0, 0, 1, 1)
        canvas.endForm()
    ops.content(c).append(ops.do_operator(c, "F"))
    ops.use_forms(c, ["F"])
    ref.doForm("F")
    for canvas in (c, ref):
        canvas.showPage()
        canvas.save()
    assert c.getpdfdata() == ref.getpdfdata()


def test_a_stand_in_registers_no_object_and_is_referred_to_past_the_document() -> None:
    """A later slice places an inherited form by name only: its pages' XObject dictionary
    refers to a number the slice does not hold (render/merge.py resolves it by name)."""
    c = PaintCanvas(io.BytesIO(), invariant=1, pageCompression=0)
    paint_state(c).inherited = {form_digest("k"): "P3"}
    assert inherited_form(c, "k") == "P3"
    assert inherited_form(c, "other") is None
    c.doForm("P3")
    c.showPage()
    c.save()
    data = c.getpdfdata()
    assert b"/ExampdfForm" not in data and b"/FormXob.P3 %d 0 R" % FOREIGN in data
    assert painted_forms(c) == {}  # a stand-in is not painted here


def test_a_form_placing_a_stand_in_gets_a_placeholder_object() -> None:
    """A form's own XObject dictionary refers to its forms by object: the stand-in is one."""
    c = PaintCanvas(io.BytesIO(), invariant=1, pageCompression=0)
    paint_state(c).inherited = {form_digest("k"): "P3"}
    inherited_form(c, "k")
    c.beginForm("S1")
    c.doForm("P3")
    c.endForm()
    c.doForm("S1")
    c.showPage()
    c.save()
    assert f"/{ops.PLACEHOLDER} /P3".encode() in c.getpdfdata()


def test_a_stand_in_is_the_dictionary_reportlab_would_write() -> None:
    """Formatted once per name: the same bytes in every document that registers it."""
    first, second, theirs = _canvas(), _canvas(), _canvas()
    for name in ("P3", "P12", "S0"):
        for c in (first, second):
            ops.stand_in(c, name)
            ops.stand_in_objects(c, [name, "other"])
        placeholder = PDFDictionary({ops.PLACEHOLDER: PDFName(name)})
        theirs._doc.Reference(placeholder, theirs._doc.getXObjectName(name))
    for c in (first, second, theirs):
        c.showPage()
        c.save()
    assert first.getpdfdata() == second.getpdfdata() == theirs.getpdfdata()
    assert b"<<\n/ExampdfForm /P12\n>>" in first.getpdfdata()


def test_a_hashed_key_stands_for_its_plain_tuple() -> None:
    """Same hash, equality and repr (so the same digest): each finds the other's entries."""
    plain = (("run",), 1.5, 3)
    key = HashedKey(plain)
    assert hash(key) == hash(plain) and key == plain and repr(key) == repr(plain)
    assert form_digest(key) == form_digest(plain)
    assert {plain: "P1"}[key] == "P1" and {key: "P2"}[plain] == "P2"


def test_new_form_names_say_whether_the_slice_inherits() -> None:
    first, later = _canvas(), _canvas()
    paint_state(later).inherited = {}
    assert new_form_name(first, "a") == "P0"
    assert new_form_name(later, "a") == "S0"
    assert painted_forms(first) == {form_digest("a"): "P0"}


def test_font_state_is_the_canvas_s_font() -> None:
    c = _canvas()
    c.setFont("Helvetica", 9, 11)
    assert ops.font_state(c) == ("Helvetica", 9, 11)


def test_frame_cursor_and_height_follow_what_the_frame_holds() -> None:
    c = _canvas()
    frame = Frame(0, 0, 200, 300, leftPadding=0, bottomPadding=0, rightPadding=0, topPadding=0)
    assert ops.frame_height(frame) == 300
    top = ops.frame_cursor(frame)
    frame.add(Spacer(10, 40), c)
    assert top - ops.frame_cursor(frame) == 40


def test_frame_cursor_state_is_what_frame_add_reads_and_leaves() -> None:
    c = _canvas()
    frame = Frame(10, 20, 200, 300, leftPadding=4, bottomPadding=6, rightPadding=2, topPadding=8)
    fresh = ops.fresh_frame_cursor(frame)
    assert fresh == ops.frame_cursor_state(frame) == (312, True, 0)
    assert ops.frame_floor(frame) == 26 and ops.frame_width(frame) == 194
    assert ops.frame_overlaps_space(frame) and ops.FRAME_FUZZ == 1e-6
    gap = Spacer(10, 40)
    gap.spaceAfter = 5
    frame.add(gap, c)
    assert ops.frame_cursor_state(frame) == (267, False, 5)
    ops.set_frame_cursor_state(frame, (100.5, False, 3))
    frame.add(Spacer(10, 40), c)
    assert ops.frame_cursor_state(frame) == (60.5, False, 0)
    ops.set_frame_cursor_state(frame, fresh)
    assert frame.add(Spacer(10, 286), c) and not frame.add(Spacer(10, 1), c)


def test_outline_here_points_the_bookmark_at_the_page_reached() -> None:
    out = io.BytesIO()

    class Mark(Spacer):  # type: ignore[misc]
        def draw(self) -> None:
            ops.outline_here(self.canv, "k")
            self.canv.addOutlineEntry("title", "k", 0)

    doc = SimpleDocTemplate(out, invariant=1, pageCompression=0)
    doc.addPageTemplates([PageTemplate("p", [Frame(0, 0, 300, 300)])])
    doc.build([Spacer(1, 1), PageBreak(), Mark(1, 1)])
    reader = PdfReader(out)
    (entry,) = reader.outline
    assert entry.title == "title"
    assert reader.get_destination_page_number(entry) == 1  # the second page


def test_table_cell_style_is_what_draw_cell_last_set() -> None:
    t = Table([["a"]])
    t.wrap(100, 100)
    c = _canvas()
    t.drawOn(c, 0, 0)
    style = ops.table_cell_style(t)
    assert style is not None and style.fontname
    ops.set_table_cell_style(t, None)
    assert ops.table_cell_style(t) is None


def test_paint_canvas_holds_pages_and_shares_one_xobject_dictionary() -> None:
    out = io.BytesIO()
    c = PaintCanvas(out, invariant=1, pageCompression=0)
    c.beginForm("F")
    c.rect(0, 0, 1, 1)
    c.endForm()
    held = []
    for _ in range(2):
        c.doForm("F")
        held.append(c.hold_page())
    for i, page in enumerate(held):
        c.write_page(page)
        c.drawString(10, 10, f"page {i + 1}")
        c.emit_page()
    c.save()
    data = out.getvalue()
    assert data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") >= 2
    assert b"page 1" in data and b"page 2" in data
    shared = re.findall(rb"/XObject (\d+) 0 R", data)
    assert len(shared) == 2 and len(set(shared)) == 1  # both pages: one dictionary of forms
    assert SHARED_XOBJECTS


def test_paragraphs_still_draw_through_the_public_api() -> None:
    """A sanity anchor: ReportLab's own Paragraph on a PaintCanvas, no seam involved."""
    out = io.BytesIO()
    c = PaintCanvas(out, invariant=1, pageCompression=0)
    p = Paragraph("hello")
    p.wrapOn(c, 100, 100)
    p.drawOn(c, 10, 10)
    c.showPage()
    c.save()
    assert b"hello" in out.getvalue()
