"""Shared test helpers: synthetic banks, one-block PDFs, exam layouts, PDF text."""
