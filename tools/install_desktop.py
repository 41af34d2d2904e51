"""Add corridor_app to this user's desktop menu and Open With list on Linux (no administrator rights).

    python tools/install_desktop.py              # from a checkout with the app installed in its virtualenv
    python tools/install_desktop.py --uninstall

Writes ~/.local/share/applications/corridor_app.desktop (``Exec`` is this Python's ``corridor-app``) and the
icon into ~/.local/share/icons/hicolor. The standalone app does the same with ``corridor-app desktop``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corridor_app.cli import main

if __name__ == "__main__":
    sys.exit(main(["desktop", *sys.argv[1:]]))
