"""Finding the bank's question files: inside the bank, regular files, named printably."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from exampdf.diagnostics import Diagnostic, error, warning
from exampdf.i18n import msg

SUFFIXES = (".md", ".txt")
SKIPPED_NAMES = {"readme.md", "exam.toml"}


@dataclass(frozen=True)
class SourceFile:
    """A question file of the bank: where to read it and how to name it."""

    path: Path  # where to read it
    source: str  # how to name it to the user
    group: str  # subfolder below the bank folder it was found in ("" at the top)


_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def printable(name: str) -> str:
    """A file name fit for messages and outputs: bytes that are not UTF-8 (which Python keeps
    as lone surrogates) and control characters written as escapes, `q\\xff.md`."""
    if not _UNPRINTABLE.search(name):
        return name
    text = os.fsencode(name).decode("utf-8", "backslashreplace")
    return _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def relative_path(path: Path) -> str:
    """The path as the user would write it: relative to the working directory where possible
    (as the OS names it: still openable, but maybe not printable)."""
    if not path.is_absolute():
        return Path(os.path.normpath(path)).as_posix()
    try:
        return Path(os.path.relpath(path, Path.cwd())).as_posix()
    except ValueError:  # another drive on Windows
        return path.as_posix()


def display_path(path: Path) -> str:
    """`relative_path`, printable: for messages and outputs."""
    return printable(relative_path(path))


def _wanted(rel: Path) -> bool:
    if any(part.startswith(".") for part in rel.parts):
        return False
    return rel.suffix.lower() in SUFFIXES and rel.name.lower() not in SKIPPED_NAMES


def _group(rel: Path) -> str:
    return "" if rel.parent == Path(".") else printable(rel.parent.as_posix())


def _folder_files(folder: Path) -> list[SourceFile]:
    # rglob does not descend into symlinked folders; symlinked files are checked in `_allowed`.
    found = sorted(
        (p.relative_to(folder) for p in folder.rglob("*") if p.is_file()),
        key=lambda rel: rel.as_posix(),
    )
    return [
        SourceFile(folder / rel, display_path(folder / rel), _group(rel))
        for rel in found
        if _wanted(rel)
    ]


def _allowed(item: SourceFile, root: Path, outside_ok: bool) -> Diagnostic | None:
    """Why a file may not be read: a symlink leading out of the bank (as images, E109), or
    not a regular file (a FIFO or device would block or never end); None when it may."""
    try:
        real = item.path.resolve(strict=True)
        mode = os.stat(real).st_mode
        inside = real.is_relative_to(root.resolve(strict=True))
    except (OSError, RuntimeError) as exc:  # a dangling or looping link
        loop = not (isinstance(exc, OSError) and exc.strerror)
        reason = msg("E001.loop") if loop else exc.strerror  # type: ignore[union-attr]
        return error("E001", msg("E001.read", reason=reason), item.source)
    if not stat.S_ISREG(mode):
        return error("E109", msg("E109.special"), item.source)
    if not inside and not outside_ok:
        return error("E109", msg("E109.outside"), item.source, 0, msg("E109.outside.hint"))
    return None


def _name_warning(item: SourceFile) -> Diagnostic:
    message = msg("W121", name=item.source)
    return warning("W121", message, item.source, 0, msg("W121.hint"))


def collect(
    paths: Sequence[Path | str], outside_ok: bool = False
) -> tuple[list[SourceFile], list[Diagnostic]]:
    """Every question file named or found below the given folders, each once, in order; files
    that may not be read (outside the bank, not regular files) are left out with an error."""
    files: list[SourceFile] = []
    diags: list[Diagnostic] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        root = path if path.is_dir() else path.parent
        if path.is_dir():
            batch = _folder_files(path)
            if not batch:
                diags.append(
                    error(
                        "E001",
                        msg("E001.empty"),
                        display_path(path),
                        hint=msg("E001.empty.hint"),
                    )
                )
        elif path.exists() or path.is_symlink():
            batch = [SourceFile(path, display_path(path), "")]
        else:
            diags.append(error("E001", msg("E001.missing"), display_path(path)))
            continue
        for item in batch:
            if refused := _allowed(item, root, outside_ok):
                diags.append(refused)
                continue
            if _UNPRINTABLE.search(str(item.path)):
                diags.append(_name_warning(item))
            key = item.path.resolve()
            if key not in seen:
                seen.add(key)
                files.append(item)
    return files, diags
