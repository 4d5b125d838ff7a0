"""Tests of memo.py, the one owner of in-process caches."""
