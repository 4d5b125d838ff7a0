"""Build step beyond pyproject.toml: the shipped fonts' tables parsed once, here, and installed
beside them (exampdf/pdf/fontship.py), as a package ships .pyc files next to its sources."""

from __future__ import annotations

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPy(build_py):  # type: ignore[misc]
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install runs from the sources: fonts parsed or cached then
        try:
            sys.path.insert(0, str(Path(__file__).resolve().parent))
            from exampdf.pdf.fontship import ship

            written = ship(Path(self.build_lib) / "exampdf" / "fonts")
            print(f"exampdf: parsed tables of {len(written)} fonts stored")  # noqa: T201
        except Exception as exc:  # the package works without them (parsed at run time)
            print(f"exampdf: fonts not parsed at build time: {exc!r}")  # noqa: T201
        finally:
            sys.path.pop(0)


setup(cmdclass={"build_py": BuildPy})
