"""Files that ship with the app: the bundled dataset and the icon (no Qt, no model)."""

from __future__ import annotations

from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATASET = _ROOT / "data" / "north_south_itc.xlsx"
ICON = _ROOT / "resources" / "corridor_app.svg"


def default_dataset() -> Path:
    """The bundled workbook, in the checkout's data/ folder (the README installs with ``pip install -e``)."""
    return DEFAULT_DATASET
