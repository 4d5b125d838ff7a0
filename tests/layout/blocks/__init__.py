"""Tests of layout/blocks."""
