"""Readers and writers of spreadsheet files. Never imports Qt."""
