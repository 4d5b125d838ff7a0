"""The one seam over ReportLab internals: paint state, operators, forms, text showing, the canvas,
seeds.
"""
