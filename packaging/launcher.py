"""Entry point of the frozen Digit Lab: the same as `python -m desktop_app` / `digit-lab`.

PyInstaller runs this file as `__main__`; it lives here, not in desktop_app/, so the package keeps a
single entry point for pip installs and the bundle adds only what freezing needs.
"""

import multiprocessing
import sys

from desktop_app.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a no-op unless a child process is spawned from the bundle
    sys.exit(main())
