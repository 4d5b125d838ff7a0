"""Tests of layout/exam."""
