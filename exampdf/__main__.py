"""`python -m exampdf` runs the same command line as the `exampdf` script."""

from exampdf.cli import run

run()
