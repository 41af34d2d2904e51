"""Files that ship with the app: the bundled dataset, the icon, the translations and the docs (no Qt, no model).

From a checkout (``pip install -e``) they are the repository's data/, resources/ and docs/ folders; in the
standalone app (tools/build_app.py) the same folders sit in the app's own folder, ``sys._MEIPASS``. The
compiled translations live inside the package, so a wheel carries them too.
"""

from __future__ import annotations

import sys
from pathlib import Path


def _root() -> Path:
    """The folder holding data/, resources/ and docs/: the frozen app's folder, else the checkout."""
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) if frozen else Path(__file__).resolve().parent.parent


_ROOT = _root()
FROZEN = getattr(sys, "frozen", False) is True
DEFAULT_DATASET = _ROOT / "data" / "north_south_itc.xlsx"
ICON = _ROOT / "resources" / "corridor_app.svg"
DESKTOP_ENTRY = _ROOT / "resources" / "corridor_app.desktop"
DOCS = _ROOT / "docs"
# Inside the package (package-data): the wheel and the frozen app carry them as corridor_app/resources/...
TRANSLATIONS = Path(__file__).resolve().parent / "resources" / "translations"


def default_dataset() -> Path:
    """The bundled workbook: the checkout's data/ folder, or the standalone app's."""
    return DEFAULT_DATASET
