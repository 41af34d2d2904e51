"""Saving: the verified xlsx writer, atomic replacement and Excel's own Scenario Manager scenarios."""
