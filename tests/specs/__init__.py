"""Tests of specs.py: what each stage takes from the settings."""
