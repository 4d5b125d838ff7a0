"""Finding the bank's files and reading them as text: UTF-8 with or without BOM, any newline."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from exampdf.diagnostics import Diagnostic, error

SUFFIXES = (".md", ".txt")
SKIPPED_NAMES = {"readme.md", "exam.toml"}


@dataclass(frozen=True)
class SourceFile:
    path: Path  # where to read it
    source: str  # how to name it to the user
    group: str  # subfolder below the bank folder it was found in ("" at the top)


def display_path(path: Path) -> str:
    """The path as the user would write it: relative to the working directory where possible."""
    if not path.is_absolute():
        return Path(os.path.normpath(path)).as_posix()
    try:
        return Path(os.path.relpath(path, Path.cwd())).as_posix()
    except ValueError:  # another drive on Windows
        return path.as_posix()


def _wanted(rel: Path) -> bool:
    if any(part.startswith(".") for part in rel.parts):
        return False
    return rel.suffix.lower() in SUFFIXES and rel.name.lower() not in SKIPPED_NAMES


def _group(rel: Path) -> str:
    return "" if rel.parent == Path(".") else rel.parent.as_posix()


def _folder_files(folder: Path) -> list[SourceFile]:
    found = sorted(
        (p.relative_to(folder) for p in folder.rglob("*") if p.is_file()),
        key=lambda rel: rel.as_posix(),
    )
    return [
        SourceFile(folder / rel, display_path(folder / rel), _group(rel))
        for rel in found
        if _wanted(rel)
    ]


def collect(paths: Sequence[Path | str]) -> tuple[list[SourceFile], list[Diagnostic]]:
    """Every question file named or found below the given folders, each once, in order."""
    files: list[SourceFile] = []
    diags: list[Diagnostic] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            batch = _folder_files(path)
            if not batch:
                diags.append(
                    error(
                        "E001",
                        "no question files (*.md, *.txt) in this folder",
                        display_path(path),
                        hint="put one question per .md file here",
                    )
                )
        elif path.exists():
            batch = [SourceFile(path, display_path(path), "")]
        else:
            diags.append(error("E001", "no such file or folder", display_path(path)))
            continue
        for item in batch:
            key = item.path.resolve()
            if key not in seen:
                seen.add(key)
                files.append(item)
    return files, diags
