"""The answer-key booklets: every version's key table, then each question once with its
explanation.
"""
