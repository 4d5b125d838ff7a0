"""The shipped fonts' parsed tables, made when the package is built and installed with it.

Parsing a BIZ UD face with ReportLab's TTFont takes ~40 ms of CPU (five faces per run, plus
Symbola when a character needs it). For the fonts in exampdf/fonts/, the build (setup.py)
parses each once and stores what the parse leaves (pdf/fontstate.py) beside them, in
fonts/parsed/, as a package ships .pyc files next to its sources: a first run then reads them
instead of parsing, and the user's cache folder gets no font files. A stored file is used only
for the font bytes it was made from (size and CRC-32 of the file read at run time) and
this ReportLab version; anything else (a font file swapped, another ReportLab, an editable
install, which has no parsed folder) falls back to the font cache and parsing, as before.
"""

from __future__ import annotations

import marshal
import os
import zlib
from pathlib import Path

import reportlab
from reportlab.pdfbase.ttfonts import TTFont

from exampdf.pdf.fontstate import FORMAT, plain, restore

FOLDER = "parsed"  # beside the font files
# POSIX ctime is the last status change (any write sets it); Windows' st_ctime is the creation
# time, which a file copied over in place keeps: there the CRC always decides.
CTIME_IS_CHANGE = os.name != "nt"


def shipped(path: Path) -> Path:
    """Where the build stores the parsed tables of the font file `path`."""
    return path.parent / FOLDER / f"{path.stem}.marshal"


def shipped_key(data: bytes) -> tuple[object, ...]:
    """What a stored file was made from: these font bytes, this ReportLab, this format."""
    return (FORMAT, reportlab.Version, len(data), zlib.crc32(data))


def load_shipped(name: str, path: Path) -> TTFont | None:
    """TTFont(name, path) from the tables the build stored, or None when there are none for
    these very bytes (the font file is read here only if it changed since: its CRC decides)."""
    try:
        with open(shipped(path), "rb") as f:
            entry = marshal.loads(f.read())
            stored = os.fstat(f.fileno()).st_ctime_ns
        font_file = os.stat(path)
        unchanged = CTIME_IS_CHANGE and font_file.st_ctime_ns <= stored
        data = b"" if unchanged else path.read_bytes()  # the size is enough: not read
    except Exception:  # none stored (an editable install), unreadable, not marshal: parse
        return None
    key = entry.get("key") if isinstance(entry, dict) else None
    if not _made_from(key, data, unchanged, font_file.st_size):
        return None
    font = restore(entry, str(path))
    if font is not None:
        font.fontName = name  # the only value a parse takes from the name it is given
    return font


def _made_from(key: object, data: bytes, unchanged: bool, size: int | None = None) -> bool:
    """Whether `key` is the key of `data`. The CRC (~1.3 ms a face) is left out when the font
    file has not changed since the tables were installed: its status-change time (ctime,
    which every write, copy over or rename sets, and no program can set back) is not later
    than theirs (an install writes fonts/*.ttf before fonts/parsed/). Else it decides."""
    if not isinstance(key, tuple) or len(key) != 4:
        return False
    if unchanged:
        return key[:3] == (*shipped_key(b"")[:2], len(data) if size is None else size)
    return key == shipped_key(data)


def ship(folder: Path) -> list[Path]:
    """Parse every font file in `folder` and store its tables in folder/parsed/ (the build
    does this for the package's own fonts/); the files written."""
    written = []
    for path in sorted(folder.glob("*.ttf")):
        data = path.read_bytes()
        state = plain(TTFont("exampdf-shipped", str(path)))
        if state is None:
            continue  # another ReportLab keeps other things: this font is parsed at run time
        out = shipped(path)
        out.parent.mkdir(exist_ok=True)
        out.write_bytes(marshal.dumps({"key": shipped_key(data), **state}))
        written.append(out)
    return written
