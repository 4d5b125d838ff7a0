"""A document's objects and cross-reference table written in one loop, the same bytes as
ReportLab's PDFDocument.format, without a PDFIndirectObject, an encoded `N 0 obj` and a
PDFFile.add per object: an exam slice writes ~1,400 objects (pages, their content streams,
form stand-ins), W2's slices ~20,000."""

from __future__ import annotations

from typing import Any

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import PDFDocument, PDFObject


class FastDocument(PDFDocument):  # type: ignore[misc]
    """A PDFDocument whose final formatting skips the per-object wrappers (plain documents:
    no encryption, no comments, no signatures; anything else is formatted by ReportLab)."""

    def format(self) -> bytes:
        plain = type(self.encrypt) is pdfdoc.NoEncryption and not getattr(self, "_digiSigs", None)
        if not plain or (not rl_config.invariant and rl_config.pdfComments):
            formatted: bytes = super().format()
            return formatted
        cat, info = self.Catalog, self.info
        self.Reference(cat)
        self.Reference(info)
        file = self.__accum__ = pdfdoc.PDFFile(self._pdfVersion)
        ids = _objects(self, file)
        del self.__accum__
        count = len(self.numberToId)
        if len(ids) != count:
            raise ValueError(f"{len(ids)} objects formatted, {count} registered")
        start = file.add(_xref(self, ids))
        trailer = pdfdoc.PDFTrailer(
            startxref=start,
            Size=count + 1,
            Root=self.Reference(cat),
            Info=self.Reference(info),
            Encrypt=None,
            ID=self.ID(),
        )
        file.add(trailer.format(self))
        out: bytes = file.format(self)
        return out


def _objects(doc: Any, file: Any) -> list[str]:
    """Format objects 1, 2, … into `file` until none is left (formatting one may register
    more), as PDFDocument.format does; their offsets into doc.idToOffset. The object ids."""
    number_to_id, id_to_nv = doc.numberToId, doc.idToObjectNumberAndVersion
    id_to_object, id_to_offset = doc.idToObject, doc.idToOffset
    strings, offset = file.strings, file.offset
    ids: list[str] = []
    counter = 1
    while (oid := number_to_id.get(counter)) is not None:
        obj = id_to_object[oid]
        if isinstance(obj, PDFObject):
            body = obj.format(doc)
        else:
            body = pdfdoc.format(obj, doc, toplevel=1)
        part = b"%d %d obj\n%s%sendobj\n" % (
            *id_to_nv[oid],
            body,
            b"" if body.endswith(b"\n") else b"\n",
        )
        id_to_offset[oid] = offset
        strings.append(part)
        offset += len(part)
        file.offset = offset
        ids.append(oid)
        counter += 1
    return ids


def _xref(doc: Any, ids: list[str]) -> bytes:
    """The cross-reference table of objects 1, 2, … as PDFCrossReferenceTable writes it."""
    rows = [b"xref\n0 %d\n0000000000 65535 f " % (len(ids) + 1)]
    id_to_nv, id_to_offset = doc.idToObjectNumberAndVersion, doc.idToOffset
    for number, oid in enumerate(ids, 1):
        got, version = id_to_nv[oid]
        if got != number:  # numbered otherwise: ReportLab's table (and its checks)
            xref = pdfdoc.PDFCrossReferenceTable()
            xref.addsection(0, ids)
            formatted: bytes = xref.format(doc)
            return formatted
        rows.append(b"%010d %05d n " % (id_to_offset[oid], version))
    rows.append(b"")
    return b"\n".join(rows)


def fast_document(doc: Any) -> None:
    """Make a canvas's PDFDocument format through FastDocument (a plain PDFDocument only)."""
    if type(doc) is PDFDocument:
        doc.__class__ = FastDocument
