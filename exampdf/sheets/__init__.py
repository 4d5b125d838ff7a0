"""Answer-sheet geometry as plain data in millimetres, read by the printer and the scan reader."""
