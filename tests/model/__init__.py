"""Tests of the model: frozen nodes and the one walker over them."""
