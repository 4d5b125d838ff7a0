"""Markdown blocks and inlines to flowables (paragraphs, code, tables, quotes, images) and the
containers that place them.
"""
