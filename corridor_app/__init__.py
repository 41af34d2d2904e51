"""corridor_app: compare how much each country puts into an investment corridor."""

__version__ = "0.1.0"
