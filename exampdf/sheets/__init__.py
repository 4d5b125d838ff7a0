"""Answer sheets as plain data in millimetres: the geometry (read by the printer and the scan
reader) and the printed texts."""
