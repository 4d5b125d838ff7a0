"""Tests of parse."""
