"""`python -m desktop_app` is the same as `digit-lab`."""

from desktop_app.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
