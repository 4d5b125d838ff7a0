"""Tests of visual."""
