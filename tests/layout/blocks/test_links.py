"""Which link targets stay clickable in the PDF (an allow-list of schemes)."""

from __future__ import annotations

import pytest

from exampdf.layout.blocks.links import pdf_link


@pytest.mark.parametrize(
    "href",
    [
        "https://example.com/a?b=1",
        "http://example.com",
        "HTTPS://EXAMPLE.COM",
        "mailto:t@example.jp",
    ],
)
def test_web_and_mail_addresses_stay_clickable(href: str) -> None:
    assert pdf_link(href) == href
    assert pdf_link(f"  {href}\n") == href


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "smb://server/share",
        "ftp://example.com/x",
        "launch:calc.exe",
        "../answers.pdf",
        "#top",
        "",
    ],
)
def test_anything_else_prints_but_is_not_a_link(href: str) -> None:
    assert pdf_link(href) == ""
