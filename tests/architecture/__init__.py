"""Tests of the package's shape: the ReportLab seam, module sizes, import cycles."""
