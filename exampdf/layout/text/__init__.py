"""The Japanese text engine: JLREQ classes, segments, line breaking and fitting, paragraphs, fonts
(knows no questions).
"""
