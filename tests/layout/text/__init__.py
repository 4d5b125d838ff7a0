"""Tests of layout/text."""
