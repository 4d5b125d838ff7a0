"""exampdf: Markdown question banks to printable Japanese exam PDFs."""

__version__ = "0.1.0"
