"""Tests of layout/page."""
