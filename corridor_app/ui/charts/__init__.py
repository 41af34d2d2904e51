"""The charts: pyqtgraph plots over the workbook, the chart area that holds them, and picture export."""
