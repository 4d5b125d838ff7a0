"""Tests of layout/key."""
