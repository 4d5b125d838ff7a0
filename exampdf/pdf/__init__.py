"""The one seam over ReportLab internals: paint state, operators, forms, text showing, the canvas,
seeds.
"""

from exampdf.pdf.startup import (
    defer_paragraph_pattern,
    defer_pil_image,
    defer_platypus_paragraph,
    defer_pyphen_and_fontify,
    defer_safe_eval,
    defer_urllib_request,
)

defer_paragraph_pattern()  # before any module here imports reportlab.platypus
defer_platypus_paragraph()  # likewise
defer_pil_image()
defer_pyphen_and_fontify()
defer_safe_eval()  # before reportlab.lib.utils is imported (next)
defer_urllib_request()  # imports reportlab.lib.utils: after Pillow's deferral
