"""Colours for stacked and grouped bars: distinct, print-safe, the same order everywhere."""

from __future__ import annotations

SERIES_COLOURS = (
    "#3b6ea8",
    "#e08a2e",
    "#4f9a5b",
    "#c0504d",
    "#8064a2",
    "#4bacc6",
    "#9c7a4e",
    "#d16ba5",
    "#7f7f7f",
    "#b5b83a",
)


def colour(i: int) -> str:
    return SERIES_COLOURS[i % len(SERIES_COLOURS)]


def short(label: str, width: int = 34) -> str:
    """A long route or project name cut for an axis, the full name stays in the tooltip and table."""
    return label if len(label) <= width else label[: width - 1] + "…"
