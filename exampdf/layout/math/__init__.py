"""Mathematics: LaTeX laid out by ziamath with STIX Two Math's MATH table, painted as text."""
