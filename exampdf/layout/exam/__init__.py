"""Exam sheets: a question with its options, option grids, balanced columns, the cover, a version's
story.
"""
