"""Tests of grade."""
