"""Loading: preflight, the isolated child, the readers and the interpretation of sheets into a workbook."""
