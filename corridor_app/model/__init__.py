"""Pure model of the corridor workbook: tables, edits, reconciliation. Never imports Qt."""
