"""``python -m corridor_app``: the same entry point as ``corridor-app``."""

import sys

from corridor_app.cli import main

sys.exit(main())
