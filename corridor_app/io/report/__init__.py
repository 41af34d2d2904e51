"""The Excel report: its cells, sheets and native charts, and the child process that writes it."""
