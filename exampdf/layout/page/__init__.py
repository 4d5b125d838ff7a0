"""Paper and margins, page decoration (header, footer, n / N), zero-size markers and the outline."""
