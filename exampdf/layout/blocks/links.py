"""Which link targets become clickable in a PDF: web and mail addresses only."""

from __future__ import annotations

import re

SAFE_SCHEMES = ("http", "https", "mailto")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


def pdf_link(href: str) -> str:
    """`href` when a reader may safely open it from the PDF, else "" (the text still prints).

    markdown-it already refuses javascript:, vbscript:, file: and data:; this allow-list also
    keeps out smb:, ftp:, relative paths and whatever a reader might launch.
    """
    m = _SCHEME.match(href.strip())
    if m is None or m.group(1).lower() not in SAFE_SCHEMES:
        return ""
    return href.strip()
